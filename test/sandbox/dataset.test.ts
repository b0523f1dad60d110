// The seeded CCN data set: deterministic, realistic (Carrier plant hierarchy, meters with history, downtime, work),
// sized on demand, and fast at 100,000 assets.
import { startSandbox } from '../../sandbox';
import type { RunningSandbox } from '../../sandbox';
import { call } from './support';

type Row = Record<string, any>;

describe('determinism', () => {
	it('the same seed gives the same data and credentials; another seed does not', async () => {
		const [a, b, c] = await Promise.all([startSandbox({ seed: 7 }), startSandbox({ seed: 7 }), startSandbox({ seed: 8 })]);
		try {
			for (const entity of ['assets', 'meter-readings', 'work-orders', 'assets-downtime']) {
				expect(a.records('ccn', entity)).toEqual(b.records('ccn', entity));
			}
			expect(a.connections).toEqual(b.connections);
			expect(a.records('ccn', 'assets')).not.toEqual(c.records('ccn', 'assets'));
			expect(a.connections.ccn.token).not.toBe(c.connections.ccn.token);
		} finally {
			await Promise.all([a.close(), b.close(), c.close()]);
		}
	});
});

describe('CCN portfolio', () => {
	let sandbox: RunningSandbox;
	const rows = (entity: string) => sandbox.records('ccn', entity) as Row[];
	beforeAll(async () => {
		sandbox = await startSandbox({ assets: 400 });
	});
	afterAll(() => sandbox.close());

	it('has exactly the asset count asked for, across several sites', () => {
		expect(rows('assets')).toHaveLength(400);
		expect(rows('sites').length).toBeGreaterThanOrEqual(10);
	});

	it('covers the Carrier equipment range with make, model, serial and criticality', () => {
		const categories = new Set(rows('assets').map((a) => a.categoryName));
		for (const category of ['Centrifugal Chiller', 'Water-Cooled Screw Chiller', 'Air-Cooled Screw Chiller', 'Air Handling Unit', 'VAV Terminal', 'Rooftop Unit', 'Boiler', 'Cooling Tower', 'Pump']) {
			expect(categories).toContain(category);
		}
		const models = rows('assets').map((a) => String(a.modelName));
		for (const family of ['19XR', '30XA', '30XW', '39M', '45J', '48', '50']) expect(models.some((m) => m.startsWith(family))).toBe(true);
		for (const a of rows('assets')) {
			expect(['high', 'medium', 'low']).toContain(a.criticality);
			expect(a.makeName).toEqual(expect.any(String));
			if (a.isPhysical) expect(a.serialNumber).toMatch(/^\d{4}Q\d{5}$/);
		}
	});

	it('places every asset on a site and a location of that site, under a parent on the same site', () => {
		const sites = new Set(rows('sites').map((s) => s.key));
		const locations = new Map(rows('locations').map((l) => [l.key, l]));
		const assets = new Map(rows('assets').map((a) => [a.key, a]));
		for (const a of assets.values()) {
			expect(sites.has(a.siteKey)).toBe(true);
			expect(locations.get(a.locationKey)?.siteKey).toBe(a.siteKey);
			if (a.parentKey !== null) expect(assets.get(a.parentKey)?.siteKey).toBe(a.siteKey);
		}
		const vavs = [...assets.values()].filter((a) => a.categoryName === 'VAV Terminal');
		expect(vavs.every((v) => assets.get(v.parentKey)?.categoryName === 'Air Handling Unit')).toBe(true);
		const chillers = [...assets.values()].filter((a) => /Chiller/.test(a.categoryName));
		expect(chillers.every((c) => assets.get(c.parentKey)?.categoryName === 'Chilled Water System')).toBe(true);
		expect(new Set(rows('locations').map((l) => l.type))).toEqual(new Set(['plant-room', 'roof', 'floor']));
	});

	it('gives chillers run-hours, starts, temperature and energy meters (told apart by uomName) with reading history', () => {
		const byAsset = new Map<string, Row[]>();
		for (const m of rows('meters')) {
			expect(m.assetKeys).toHaveLength(1);
			byAsset.set(m.assetKeys[0], [...(byAsset.get(m.assetKeys[0]) ?? []), m]);
		}
		const chiller = rows('assets').find((a) => a.categoryName === 'Centrifugal Chiller')!;
		expect(byAsset.get(chiller.key)!.map((m) => m.uomName).sort()).toEqual(['hours', 'kWh', 'starts', '°F']);
		const ahu = rows('assets').find((a) => a.categoryName === 'Air Handling Unit')!;
		expect(byAsset.get(ahu.key)!.map((m) => m.uomName)).toEqual(expect.arrayContaining(['hours', '°F']));
		const readings = new Map<string, Row[]>();
		for (const r of rows('meter-readings')) readings.set(r.meterKey, [...(readings.get(r.meterKey) ?? []), r]);
		for (const meter of rows('meters')) {
			const history = readings.get(meter.key)!;
			expect(history.length).toBeGreaterThanOrEqual(12);
			expect(history.every((r) => r.assetKey === meter.assetKeys[0] && typeof r.reading === 'string')).toBe(true);
			const latest = history.reduce((x, y) => (y.createdAt > x.createdAt ? y : x));
			expect(meter).toMatchObject({ lastReading: latest.reading, lastReadingAt: latest.createdAt });
			if (['hours', 'starts', 'kWh'].includes(meter.uomName)) {
				const values = history.slice().sort((x, y) => (x.createdAt < y.createdAt ? -1 : 1)).map((r) => Number(r.reading));
				expect(values).toEqual(values.slice().sort((x, y) => x - y));
			}
		}
		const chillers = new Set(rows('assets').filter((a) => /Chiller/.test(a.categoryName)).map((a) => a.key));
		const lchwt = rows('meters').filter((m) => m.uomName === '°F' && chillers.has(m.assetKeys[0])).map((m) => Number(m.lastReading));
		expect(lchwt.length).toBeGreaterThan(0);
		expect(Math.min(...lchwt)).toBeGreaterThan(40);
		expect(Math.max(...lchwt)).toBeLessThan(48);
	});

	it('records downtime periods, some still open, in order', () => {
		const downtime = rows('assets-downtime');
		expect(downtime.length).toBeGreaterThan(10);
		expect(downtime.some((d) => d.endedAt === null)).toBe(true);
		for (const d of downtime.filter((x) => x.endedAt !== null)) expect(d.startedAt < d.endedAt).toBe(true);
		expect(new Set(downtime.map((d) => d.categoryName))).toEqual(new Set(['Alarm', 'Outage', 'Planned maintenance']));
	});

	it('gives work orders and service requests status keys from the status lists', () => {
		const woStatuses = new Map(rows('statuses/work-orders').map((s) => [s.key, s.name]));
		const srStatuses = new Set(rows('statuses/service-requests').map((s) => s.key));
		expect(rows('work-orders').length).toBeGreaterThan(50);
		for (const wo of rows('work-orders')) expect(woStatuses.get(wo.statusKey)).toBe(wo.status);
		expect(rows('work-orders').some((wo) => wo.assetDowntimeKey !== null)).toBe(true);
		expect(rows('service-requests').length).toBeGreaterThan(10);
		for (const sr of rows('service-requests')) expect(srStatuses.has(sr.statusKey)).toBe(true);
		expect(rows('pm').every((p) => p.assetKeys.length > 0)).toBe(true);
	});

	it('shares updatedAt values between records, as batch syncs do', () => {
		const stamps = rows('assets').map((a) => a.updatedAt);
		expect(new Set(stamps).size).toBeLessThan(stamps.length / 4);
	});

	it('gives the CMMS connection its own smaller data set with more work per asset', () => {
		const cmmsAssets = sandbox.records('cmms', 'assets');
		expect(cmmsAssets.length).toBeLessThan(rows('assets').length);
		expect(sandbox.records('cmms', 'work-orders').length).toBeGreaterThan(cmmsAssets.length);
	});
});

describe('at 100,000 assets', () => {
	let sandbox: RunningSandbox;
	let startMs = 0;
	beforeAll(async () => {
		const started = Date.now();
		sandbox = await startSandbox({ assets: 100_000 });
		startMs = Date.now() - started;
	}, 60_000);
	afterAll(() => sandbox.close());

	it('generates 100,000 assets and over 100,000 meter readings in seconds', () => {
		expect(sandbox.records('ccn', 'assets')).toHaveLength(100_000);
		expect(sandbox.records('ccn', 'meter-readings').length).toBeGreaterThanOrEqual(100_000);
		expect(startMs).toBeLessThan(20_000);
	});

	it('serves pages, filters and sorted incremental reads quickly', async () => {
		const timings: Record<string, number> = {};
		const timed = async (name: string, path: string) => {
			const started = Date.now();
			const answer = await call(sandbox, 'GET', path);
			timings[name] = Date.now() - started;
			expect(answer.status).toBe(200);
			return answer.body;
		};
		const last = await timed('last page', '/api/eam/assets?per_page=500&page=200');
		expect(last.data).toHaveLength(500);
		expect(last.data[499].key).toBe(sandbox.records('ccn', 'assets')[99_999].key);
		const filtered = await timed('contains filter', '/api/eam/assets?filter%5Bname%3Acontains%5D=centrifugal&per_page=500');
		expect(filtered.meta.total).toBeGreaterThan(0);
		// Readings publish no updatedAt: new ones are read by createdAt.
		const cutoff = (sandbox.records('ccn', 'meter-readings')[0].createdAt as string);
		await timed('incremental (first sort)', `/api/eam/meter-readings?filter%5BcreatedAt%3Agt%5D=${cutoff}&sort%5BcreatedAt%5D=0&per_page=500`);
		const next = await timed('incremental (cached sort)', `/api/eam/meter-readings?filter%5BcreatedAt%3Agt%5D=${cutoff}&sort%5BcreatedAt%5D=0&per_page=500&page=2`);
		expect(next.data).toHaveLength(500);
		for (const ms of Object.values(timings)) expect(ms).toBeLessThan(3000);
		expect(timings['incremental (cached sort)']).toBeLessThan(1000);
	});
});
