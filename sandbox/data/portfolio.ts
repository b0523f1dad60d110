import { Prng } from '../prng';
import type { EntityStore } from '../store';
import type { DataRecord } from '../types';
import { CITIES, DOWNTIME_REASONS, EQUIPMENT, METERS, PEOPLE, ROLES, SITE_KINDS, SITE_NAMES } from './catalog';
import type { EquipmentName, EquipmentSpec, MeterSpec } from './catalog';
import { iso } from './iso';
import { SERVICE_REQUEST_STATUSES, WORK_ORDER_STATUSES } from './statuses';
import { generateMaterialLists } from './materialLists';
import { generateSupply } from './supply';

export interface PortfolioProfile {
	seed: number;
	assets: number;
	assetsPerSite: number;
	firstSite: number; // offset into the site-name catalogue, so connections name their sites differently
	workOrdersPerAsset: number;
	serviceRequestsPerAsset: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Seeded data ends at a fixed instant (or a day ago on a clock set earlier), so the same seed gives the same
// data and every record written at run time is newer than the seed.
export const DATA_ANCHOR = Math.min(Date.UTC(2026, 9, 1), Math.floor(Date.now() / DAY) * DAY - DAY);
// Total readings stay bounded at large sizes (24 hourly readings per meter in small data sets).
const MAX_READINGS = 320_000;
const READINGS_PER_METER = 24;

type Stores = Record<string, EntityStore>;

/** Generates a Carrier CCN building portfolio into the given stores, deterministically from the profile's seed. */
export function generatePortfolio(stores: Stores, profile: PortfolioProfile): void {
	const rng = new Prng(profile.seed);
	// Makini syncs in batches: seeded records share one of 48 half-hourly sync instants, so updatedAt ties are common.
	const syncedAt = (): string => iso(DATA_ANCHOR - rng.int(0, 47) * 30 * 60_000);
	const createdAt = (): string => iso(DATA_ANCHOR - rng.int(30, 1500) * DAY);
	const stamp = () => {
		const created = createdAt();
		return { createdAt: created, updatedAt: syncedAt() };
	};

	const teams = ['HVAC Mechanical', 'Controls & BAS', 'Facilities Operations', 'Carrier Service Partner'].map((name, i) =>
		stores.teams.add({ name, code: `T${i + 1}`, description: `${name} team`, organizationKey: null, ...stamp() }),
	);
	const userCount = Math.min(200, 8 + Math.floor(profile.assets / 500));
	const users = Array.from({ length: userCount }, (_, i) =>
		stores.users.add({
			name: i < PEOPLE.length ? PEOPLE[i] : `${rng.pick(PEOPLE)} ${i}`,
			roleName: rng.pick(ROLES),
			description: null,
			isActive: 'true',
			siteKeys: [],
			locationKeys: [],
			...stamp(),
		}),
	);
	addStatuses(stores, stamp);

	const templates = new Map<string, DataRecord>();
	for (const spec of Object.values(EQUIPMENT)) {
		if (!templates.has(spec.template)) {
			templates.set(spec.template, stores['asset-templates'].add({ name: spec.template, manufacturerName: spec.make, documents: [], ...stamp() }));
		}
	}

	const siteCount = Math.max(2, Math.ceil(profile.assets / profile.assetsPerSite));
	const perSite = Math.ceil(profile.assets / siteCount);
	let remaining = profile.assets;
	const allAssets: Array<{ record: DataRecord; spec: EquipmentSpec }> = [];
	for (let s = 0; s < siteCount && remaining > 0; s++) {
		const budget = Math.min(perSite, remaining);
		const site = addSite(stores, rng, profile.firstSite + s, stamp);
		const added = addSiteEquipment(stores, rng, site, budget, templates, teams, stamp);
		remaining -= added.length;
		allAssets.push(...added);
		for (const u of users) if (rng.chance(0.3) && (u.siteKeys as string[]).length < 20) (u.siteKeys as string[]).push(site.key);
	}

	addMeters(stores, rng, allAssets);
	const downtime = addDowntime(stores, rng, allAssets);
	addWork(stores, rng, profile, allAssets, downtime, users, teams, stamp);
	generateSupply(stores, profile.seed, DATA_ANCHOR);
	generateMaterialLists(stores, DATA_ANCHOR);
}

function addStatuses(stores: Stores, stamp: () => { createdAt: string; updatedAt: string }): void {
	for (const [code, name] of WORK_ORDER_STATUSES) {
		stores['statuses/work-orders'].add({ name, code, subCode: null, scope: 'work-orders', isActive: true, ...stamp() });
	}
	for (const [code, name] of SERVICE_REQUEST_STATUSES) {
		stores['statuses/service-requests'].add({ name, code, subCode: null, scope: 'service-requests', isActive: true, ...stamp() });
	}
}

function addSite(stores: Stores, rng: Prng, index: number, stamp: () => { createdAt: string; updatedAt: string }): DataRecord {
	const [city, state, lat, lng] = CITIES[index % CITIES.length];
	const base = `${SITE_NAMES[index % SITE_NAMES.length]} ${SITE_KINDS[Math.floor(index / SITE_NAMES.length) % SITE_KINDS.length]}`;
	const round = Math.floor(index / (SITE_NAMES.length * SITE_KINDS.length));
	const name = round ? `${base} ${round + 1}` : base;
	const site = stores.sites.add({
		name,
		code: `S${String(index + 1).padStart(5, '0')}`,
		description: `${name}, ${city} ${state}: CCN-connected HVAC plant`,
		lat: (lat + rng.next() * 0.1).toFixed(5),
		lng: (lng + rng.next() * 0.1).toFixed(5),
		address: { addressLines: `${rng.int(10, 9999)} ${rng.pick(['Main', 'Market', 'Carrier', 'Lake', 'Park'])} St`, city, state, country: 'US', postCode: String(rng.int(10000, 99999)) },
		notes: null,
		...stamp(),
	});
	return site;
}

interface SiteLocations {
	plant: DataRecord;
	boiler: DataRecord;
	roof: DataRecord;
	floors: DataRecord[];
}

function addLocations(stores: Stores, rng: Prng, site: DataRecord, stamp: () => { createdAt: string; updatedAt: string }): SiteLocations {
	const loc = (name: string, type: string, code: string) =>
		stores.locations.add({ siteKey: site.key, name, type, code, description: `${name}, ${site.name as string}`, isActive: true, isDefault: false, ...stamp() });
	const plant = loc('Central Plant Room', 'plant-room', 'PR-1');
	const boiler = loc('Boiler Room', 'plant-room', 'PR-2');
	const roof = loc('Roof', 'roof', 'RF');
	const floors = Array.from({ length: rng.int(2, 8) }, (_, i) => loc(`Level ${i + 1}`, 'floor', `L${i + 1}`));
	return { plant, boiler, roof, floors };
}

function addSiteEquipment(
	stores: Stores,
	rng: Prng,
	site: DataRecord,
	budget: number,
	templates: Map<string, DataRecord>,
	teams: DataRecord[],
	stamp: () => { createdAt: string; updatedAt: string },
): Array<{ record: DataRecord; spec: EquipmentSpec }> {
	const locations = addLocations(stores, rng, site, stamp);
	const out: Array<{ record: DataRecord; spec: EquipmentSpec }> = [];
	const counters = new Map<string, number>();
	const add = (name: EquipmentName, locationKey: string, parent?: DataRecord, tagSuffix?: string): DataRecord | undefined => {
		if (out.length >= budget) return undefined;
		const spec = EQUIPMENT[name];
		const n = (counters.get(spec.tag) ?? 0) + 1;
		counters.set(spec.tag, n);
		const tag = tagSuffix ? `${spec.tag}-${tagSuffix}` : `${spec.tag}-${n}`;
		const model = rng.pick(spec.models);
		const year = rng.int(8, 25);
		const record = stores.assets.add({
			siteKey: site.key,
			parentKey: parent?.key ?? null,
			teamKey: teams[spec.meters.includes('supply_air_temp') && !spec.meters.includes('compressor_starts') ? 1 : 0].key,
			documents: [],
			locationKey,
			name: `${tag} ${spec.label}`,
			description: `${spec.make} ${model} ${spec.label.toLowerCase()} at ${site.name as string}`,
			assetTemplateKey: templates.get(spec.template)!.key,
			isPhysical: spec.physical,
			notes: null,
			categoryName: spec.category,
			criticality: rng.pick(spec.criticality),
			isActive: rng.chance(0.97),
			makeName: spec.make,
			modelName: model,
			serialNumber: spec.physical ? `${String(year).padStart(2, '0')}${String(rng.int(1, 52)).padStart(2, '0')}Q${rng.int(10000, 99999)}` : null,
			activatedAt: iso(DATA_ANCHOR - rng.int(60, 5000) * DAY),
			deactivatedAt: null,
			...stamp(),
		});
		out.push({ record, spec });
		return record;
	};

	const chwPlant = add('chwPlant', locations.plant.key);
	const chillerKind = rng.pick<EquipmentName>(['centrifugal', 'centrifugal', 'waterScrew', 'airScrew']);
	const chillers = rng.int(1, 3);
	for (let i = 0; i < chillers; i++) add(chillerKind, chillerKind === 'airScrew' ? locations.roof.key : locations.plant.key, chwPlant);
	if (chillerKind !== 'airScrew') {
		add('tower', locations.roof.key, chwPlant);
		add('cwPump', locations.plant.key, chwPlant);
	}
	for (let i = 0; i < chillers; i++) add('chwPump', locations.plant.key, chwPlant);
	const hwPlant = add('hwPlant', locations.boiler.key);
	for (let i = rng.int(1, 2); i > 0; i--) add('boiler', locations.boiler.key, hwPlant);
	add('hwPump', locations.boiler.key, hwPlant);
	// Air side fills the rest of the budget: air handlers serve VAV terminals on the floors, rooftop units on the roof.
	while (out.length < budget) {
		const floor = rng.pick(locations.floors);
		if (rng.chance(0.25)) {
			add(rng.chance(0.5) ? 'rtu48' : 'rtu50', locations.roof.key);
			continue;
		}
		const ahu = add('ahu', floor.key);
		const ahuNumber = counters.get('AHU');
		for (let v = 1, vavs = rng.int(3, 10); v <= vavs; v++) add('vav', floor.key, ahu, `${ahuNumber}-${String(v).padStart(2, '0')}`);
	}
	return out;
}

function addMeters(stores: Stores, rng: Prng, assets: Array<{ record: DataRecord; spec: EquipmentSpec }>): void {
	const meters: Array<{ meter: DataRecord; spec: MeterSpec; asset: DataRecord }> = [];
	for (const { record, spec } of assets) {
		for (const kind of spec.meters) {
			const m = METERS[kind];
			const meter = stores.meters.add({
				siteKey: record.siteKey,
				assetKeys: [record.key],
				uomName: m.unit,
				uomKey: null,
				createdAt: record.createdAt,
				updatedAt: iso(DATA_ANCHOR),
			});
			meters.push({ meter, spec: m, asset: record });
		}
	}
	const perMeter = Math.max(1, Math.min(READINGS_PER_METER, Math.floor(MAX_READINGS / Math.max(1, meters.length))));
	const readings = stores['meter-readings'];
	for (const { meter, spec, asset } of meters) {
		let value = spec.start[0] + rng.next() * (spec.start[1] - spec.start[0]);
		const base = value;
		for (let i = perMeter - 1; i >= 0; i--) {
			const at = iso(DATA_ANCHOR - i * HOUR);
			const delta = spec.step[0] + rng.next() * (spec.step[1] - spec.step[0]);
			value = spec.cumulative ? value + (spec.type === 'compressor_starts' ? Math.round(delta) : delta) : base + delta;
			// Readings are strings in the published schema.
			const reading = (Math.round(value * 10) / 10).toFixed(1);
			readings.add({ assetKey: asset.key, meterKey: meter.key, reading, createdAt: at });
			meter.lastReading = reading;
			meter.lastReadingAt = at;
		}
	}
}

function addDowntime(stores: Stores, rng: Prng, assets: Array<{ record: DataRecord; spec: EquipmentSpec }>): DataRecord[] {
	const out: DataRecord[] = [];
	for (const { record, spec } of assets) {
		if (!rng.chance(spec.downtimeChance)) continue;
		const periods = rng.int(1, 3);
		let start = DATA_ANCHOR - rng.int(20, 90) * DAY;
		for (let p = 0; p < periods; p++) {
			start += rng.int(1, 10) * DAY + rng.int(0, 23) * HOUR;
			const open = p === periods - 1 && rng.chance(0.3);
			const end = Math.min(DATA_ANCHOR, start + rng.int(1, 72) * HOUR);
			const reason = rng.pick(DOWNTIME_REASONS[spec.category] ?? ['Unplanned outage']);
			const planned = /Scheduled|Annual|cleaning|replacement|change/i.test(reason);
			out.push(
				stores['assets-downtime'].add({
					assetKey: record.key,
					description: reason,
					startedAt: iso(start),
					endedAt: open ? null : iso(end),
					categoryName: planned ? 'Planned maintenance' : /^A\d/.test(reason) ? 'Alarm' : 'Outage',
					severity: planned ? 'low' : record.criticality,
					notes: open ? 'Unit still down; awaiting technician' : null,
					createdAt: iso(start),
					updatedAt: iso(open ? start : end),
				}),
			);
			start = end;
		}
	}
	return out;
}

function addWork(
	stores: Stores,
	rng: Prng,
	profile: PortfolioProfile,
	assets: Array<{ record: DataRecord; spec: EquipmentSpec }>,
	downtime: DataRecord[],
	users: DataRecord[],
	teams: DataRecord[],
	stamp: () => { createdAt: string; updatedAt: string },
): void {
	const woStatuses = stores['statuses/work-orders'].records;
	const srStatuses = stores['statuses/service-requests'].records;
	const assetByKey = (key: string) => stores.assets.get(key)!;
	let woNumber = 10000;
	const addWorkOrder = (asset: DataRecord, title: string, extra: Record<string, unknown>) => {
		const status = rng.pick(woStatuses);
		const times = stamp();
		const done = status.code === 'COMP' || status.code === 'CLOSE';
		return stores['work-orders'].add({
			siteKey: asset.siteKey,
			locationKey: asset.locationKey,
			assetKey: asset.key,
			title,
			code: `WO-${++woNumber}`,
			teamKey: rng.pick(teams).key,
			laborAssignedKey: rng.pick(users).key,
			instructions: 'Follow Carrier service manual; log readings before and after.',
			status: status.name,
			statusKey: status.key,
			severity: asset.criticality,
			estimatedTime: String(rng.int(1, 8)),
			categoryName: 'Corrective',
			dueAt: iso(DATA_ANCHOR + rng.int(-20, 30) * DAY),
			scheduledAt: iso(DATA_ANCHOR + rng.int(-25, 20) * DAY),
			completedAt: done ? times.updatedAt : null,
			tasks: [],
			documents: [],
			resources: [],
			materialCount: '0',
			...times,
			...extra,
		});
	};
	for (const d of downtime) {
		if (rng.chance(0.7)) {
			addWorkOrder(assetByKey(d.assetKey as string), `Investigate: ${d.description as string}`, { assetDowntimeKey: d.key });
		}
	}
	const physical = assets.filter((a) => a.spec.physical);
	const tasks = ['Quarterly inspection', 'Replace filters', 'Check refrigerant charge', 'Clean condenser coil', 'Calibrate sensors', 'Inspect belts and bearings'];
	for (let i = Math.round(physical.length * profile.workOrdersPerAsset); i > 0; i--) {
		const { record } = rng.pick(physical);
		addWorkOrder(record, `${rng.pick(tasks)}: ${record.name as string}`, { categoryName: 'Preventive' });
	}
	const complaints = ['Too warm in office', 'Noisy unit', 'Water leak under unit', 'Alarm on CCN display', 'Too cold in conference room'];
	for (let i = Math.round(physical.length * profile.serviceRequestsPerAsset); i > 0; i--) {
		const { record } = rng.pick(physical);
		const status = rng.pick(srStatuses);
		stores['service-requests'].add({
			siteKey: record.siteKey,
			locationKey: record.locationKey,
			assetKey: record.key,
			teamKey: rng.pick(teams).key,
			userRequestedKey: rng.pick(users).key,
			documents: [],
			title: `${rng.pick(complaints)} (${record.name as string})`,
			description: 'Reported by building occupant.',
			statusKey: status.key,
			severity: rng.pick(['low', 'medium', 'high']),
			categoryName: 'Comfort',
			...stamp(),
		});
	}
	const pmPlans: Array<[string, string[], string]> = [
		['Quarterly chiller inspection', ['Centrifugal Chiller', 'Water-Cooled Screw Chiller', 'Air-Cooled Screw Chiller'], '90 days'],
		['Monthly AHU filter change', ['Air Handling Unit'], '30 days'],
		['Annual cooling tower cleaning', ['Cooling Tower'], '365 days'],
		['Seasonal rooftop unit start-up', ['Rooftop Unit'], '182 days'],
	];
	const bySite = new Map<unknown, DataRecord[]>();
	for (const { record } of physical) {
		const list = bySite.get(record.siteKey) ?? [];
		list.push(record);
		bySite.set(record.siteKey, list);
	}
	for (const [siteKey, siteAssets] of bySite) {
		for (const [title, categories, interval] of pmPlans) {
			const targets = siteAssets.filter((a) => categories.includes(a.categoryName as string));
			if (!targets.length) continue;
			stores.pm.add({
				assetKeys: targets.map((a) => a.key),
				siteKey,
				teamKey: teams[0].key,
				title,
				description: `${title} per Carrier maintenance schedule`,
				status: 'Active',
				severity: 'medium',
				categoryName: 'Preventive',
				documents: [],
				requiresMaterials: false,
				dueAt: iso(DATA_ANCHOR + rng.int(1, 60) * DAY),
				triggers: [{ type: 'time', interval, recurring: 'true', condition: null }],
				tasks: [],
				resources: [],
				...stamp(),
			});
		}
	}
}
