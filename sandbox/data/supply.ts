// The supply side of a CCN portfolio: the organisation, its accounts, units, suppliers and customers, technicians
// (labors), storerooms with Carrier spare parts (materials, inventories, stocks), purchase and return orders with their
// line items, and equipment documents. Generated after the plant, from its own PRNG, so the plant data is unchanged.
import { Prng } from '../prng';
import type { EntityStore } from '../store';
import type { DataRecord } from '../types';
import { iso } from './iso';
import { PURCHASE_ORDER_STATUSES, RETURN_ORDER_STATUSES } from './statuses';

type Stores = Record<string, EntityStore>;
type Stamp = () => { createdAt: string; updatedAt: string };

const DAY = 86_400_000;
// Spare stock is kept in the first few sites' storerooms only, so the data stays small at 100k assets.
const STOCKED_SITES = 3;

const UNITS: Array<[code: string, name: string]> = [['EA', 'Each'], ['HR', 'Hour'], ['GAL', 'Gallon'], ['LB', 'Pound'], ['FT', 'Foot'], ['BOX', 'Box']];
const ACCOUNTS: Array<[code: string, name: string]> = [['6120', 'HVAC maintenance'], ['6135', 'Refrigerants and oils'], ['6140', 'Controls and BAS'], ['1710', 'Capital equipment']];
// [company, vendor code]
const SUPPLIERS: Array<[string, string]> = [['Carrier Corporation', 'CARRIER'], ['Johnstone Supply', 'JOHNSTONE'], ['W.W. Grainger', 'GRAINGER'], ['Baltimore Aircoil Company', 'BAC'], ['Xylem Bell & Gossett', 'XYLEM']];
const CUSTOMERS = ['Harbor Point Tenants LLC', 'Northgate Medical Group', 'Riverside Data Services'];
// [name, part number, category, make, unit, cost, vendor index, criticality]
const PARTS: Array<[string, string, string, string, string, number, number, string]> = [
	['19XR oil filter element', 'KH11EG121', 'Filters', 'Carrier', 'EA', 86, 0, 'high'],
	['19XR refrigerant filter drier core', 'KH43LZ002', 'Filters', 'Carrier', 'EA', 142, 0, 'high'],
	['Refrigerant R-134a, 30 lb cylinder', 'R134A-30', 'Refrigerants', 'Chemours', 'EA', 265, 1, 'high'],
	['Refrigerant R-410A, 25 lb cylinder', 'R410A-25', 'Refrigerants', 'Chemours', 'EA', 310, 1, 'medium'],
	['30XA compressor contactor 3-pole', 'HN54KD018', 'Electrical', 'Carrier', 'EA', 118, 0, 'high'],
	['10k thermistor, leaving water', 'HH79NZ039', 'Sensors', 'Carrier', 'EA', 34, 0, 'medium'],
	['CCN communication module', 'CEPL130346-01', 'Controls', 'Carrier', 'EA', 420, 0, 'high'],
	['39M MERV 13 pleated filter 24x24x2', 'M13-24242', 'Filters', 'Flanders', 'BOX', 96, 2, 'low'],
	['48TC fan belt A48', 'A48', 'Belts', 'Gates', 'EA', 18, 2, 'low'],
	['Cooling tower fill pack', 'BAC-FP1020', 'Tower parts', 'BAC', 'EA', 780, 3, 'medium'],
	['e-1510 mechanical seal kit', 'BG-186861', 'Pump parts', 'Bell & Gossett', 'EA', 205, 4, 'medium'],
	['Compressor oil POE, 1 gal', 'P903-1001', 'Refrigerants', 'Carrier', 'GAL', 74, 0, 'medium'],
];

export function generateSupply(stores: Stores, seed: number, anchor: number): void {
	const rng = new Prng(seed ^ 0x5099);
	const stamp: Stamp = () => ({ createdAt: iso(anchor - rng.int(30, 1500) * DAY), updatedAt: iso(anchor - rng.int(0, 47) * 1_800_000) });
	const sites = stores.sites.records;
	const users = stores.users.records;
	const teams = stores.teams.records;
	const address = (site: DataRecord) => ({ ...(site.address as object), addressee: site.name, phone: null, email: null, notes: null, isActive: true, ...stamp() });

	for (const [code, name] of PURCHASE_ORDER_STATUSES) stores['statuses/purchase-orders'].add({ name, code, scope: 'purchase-orders', isActive: true, ...stamp() });
	for (const [code, name] of RETURN_ORDER_STATUSES) stores['statuses/return-orders'].add({ name, code, scope: 'return-orders', isActive: true, ...stamp() });

	const org = stores.organizations.add({
		name: `${String(sites[0].name)} Facilities`,
		code: 'ORG1',
		currencyKey: 'USD',
		description: 'Owner and operator of the CCN-connected buildings',
		addresses: [address(sites[0])],
		billingAddress: address(sites[0]),
		contacts: [{ name: users[0].name, position: 'Facility Manager', phones: '+1 315 555 0100', emails: 'facilities@example.com', isActive: true, isDefault: true }],
		...stamp(),
	});
	const units = new Map(UNITS.map(([code, name]) => [code, stores.uom.add({ name, code, rateBaseKey: null, rate: '1', isActive: true })]));
	const accounts = ACCOUNTS.map(([code, name]) => stores.accounts.add({ code, name, description: `GL ${code} ${name}`, activatedAt: iso(anchor - 1500 * DAY), expiresAt: null, ...stamp() }));
	const vendors = SUPPLIERS.map(([name, code]) => {
		const company = stores.companies.add({ name, code, organizationKey: org.key, addresses: [], billingAddress: null, currencyKey: 'USD', notes: null, ...stamp() });
		return stores.vendors.add({ name, code, companyKey: company.key, organizationKey: org.key, ...stamp() });
	});
	for (const [i, name] of CUSTOMERS.entries()) {
		const company = stores.companies.add({ name, code: `CUST${i + 1}`, organizationKey: org.key, addresses: [], billingAddress: null, currencyKey: 'USD', notes: null, ...stamp() });
		stores.customers.add({ name, code: `C${100 + i}`, organizationKey: org.key, addresses: `${String((sites[i % sites.length].address as { addressLines: string }).addressLines)}`, billingAddress: null, companyKey: company.key, ...stamp() });
	}
	for (const [i, user] of users.slice(0, 12).entries()) {
		const [firstName, ...rest] = String(user.name).split(' ');
		stores.labors.add({
			organizationKeys: [org.key], siteKeys: user.siteKeys, locationKeys: [], accountKey: accounts[0].key, vendorKey: null, userKey: user.key,
			code: `LAB${String(i + 1).padStart(3, '0')}`, teamKey: teams[i % teams.length].key, name: user.name, firstName, middleName: null,
			lastName: rest.join(' '), roleName: user.roleName, description: null, notes: null, isActive: true, costUomKey: units.get('HR')!.key, currencyKey: 'USD', ...stamp(),
		});
	}

	const plantRooms = new Map(stores.locations.records.filter((l) => l.code === 'PR-1').map((l) => [l.siteKey, l.key]));
	const storerooms = sites.map((site, i) =>
		stores.storerooms.add({
			parentKey: null, siteKey: site.key, locationKey: plantRooms.get(site.key) ?? null, userManagerKey: users[i % users.length].key,
			code: `SR-${String(site.code)}`, name: `${String(site.name)} parts cage`, type: 'storeroom', description: 'Spare parts beside the central plant', priority: '1', ...stamp(),
		}),
	);
	const materials = PARTS.map(([name, partNumber, categoryName, make, unit, cost, vendor, criticality], i) => {
		const times = stamp();
		return stores.materials.add({
			siteKeys: sites.slice(0, STOCKED_SITES).map((s) => s.key), parentKeys: [], assetKeys: [], vendorKeys: [vendors[vendor].key], organizationKey: org.key,
			documents: [], accountKey: accounts[categoryName === 'Refrigerants' ? 1 : categoryName === 'Controls' ? 2 : 0].key, categoryName,
			code: `MAT-${String(1001 + i)}`, isAssembly: false, partNumber, name, description: `${name} (${make} ${partNumber})`, notes: null, criticality, isActive: true,
			manufacturerName: make, minimumQuantity: String(rng.int(1, 4)), uomKey: units.get(unit)!.key, cost, currency: 'USD',
			supplyOptions: [{ vendorKey: vendors[vendor].key, partNumber: [partNumber], price: [cost], uomKey: [units.get(unit)!.key], currencyKey: 'USD', uomQuantity: '1', makePartNumber: partNumber, reorderPoint: '2', ...times }],
			priceLevels: [], inventory: null, drawings: [], dimensions: null, ...times,
		});
	});
	// A 19XR annual service kit assembled from the filters and oil.
	const kitParts = [materials[0], materials[1], materials[11]];
	const kit = stores.materials.add({
		siteKeys: [sites[0].key], parentKeys: [], assetKeys: [], vendorKeys: [vendors[0].key], organizationKey: org.key, documents: [], accountKey: accounts[0].key,
		categoryName: 'Kits', code: 'MAT-2001', isAssembly: true, partNumber: 'KIT-19XR-ANNUAL', name: '19XR annual service kit', description: 'Oil filter, filter drier core and POE oil',
		notes: null, criticality: 'high', isActive: true, manufacturerName: 'Carrier', minimumQuantity: '1', uomKey: units.get('EA')!.key, cost: 340, currency: 'USD',
		supplyOptions: [], priceLevels: [], inventory: null, drawings: [], dimensions: null, ...stamp(),
	});
	for (const part of kitParts) stores.materials.patch(part.key, { parentKeys: [kit.key] });

	for (const storeroom of storerooms.slice(0, STOCKED_SITES)) {
		for (const material of materials) {
			const quantity = rng.int(0, 24);
			const inventory = stores.inventories.add({ code: `${String(storeroom.code)}/${String(material.code)}`, name: material.name, quantity, unitCost: Math.round(material.cost as number), locationKey: storeroom.locationKey, ...stamp() });
			if (storeroom === storerooms[0]) stores.materials.patch(material.key, { inventory: { key: inventory.key, code: inventory.code, name: inventory.name, quantity, unitCost: inventory.unitCost, locationKey: inventory.locationKey, updatedAt: inventory.updatedAt, createdAt: inventory.createdAt } });
			stores.stocks.add({
				productKey: null, materialKey: material.key, locationKey: storeroom.locationKey, storeroomKey: storeroom.key, assetKey: null,
				position: `Bin ${String.fromCharCode(65 + rng.int(0, 5))}-${rng.int(1, 12)}`, uomKey: material.uomKey, quantity, reorderPoint: material.minimumQuantity,
				expiresAt: null, reorderQuantity: rng.int(2, 10), minLevel: Number(material.minimumQuantity), maxLevel: rng.int(12, 30), reorderLevel: material.minimumQuantity, ...stamp(),
			});
		}
	}

	const poStatuses = stores['statuses/purchase-orders'].records;
	const roStatuses = stores['statuses/return-orders'].records;
	const orders = Array.from({ length: 8 }, (_, i) => {
		const site = sites[i % Math.min(sites.length, STOCKED_SITES)];
		const storeroom = storerooms[i % Math.min(sites.length, STOCKED_SITES)];
		const status = poStatuses[i % poStatuses.length];
		const vendorIndex = i % vendors.length;
		const parts = materials.filter((m) => (m.vendorKeys as string[])[0] === vendors[vendorIndex].key).slice(0, 3);
		const times = stamp();
		const lines = parts.map((material, n) => {
			const quantity = rng.int(1, 6);
			const price = material.cost as number;
			const line = stores['purchase-orders.line-items'].add({
				locationKey: storeroom.locationKey, assetKey: null, statusKey: status.key, materialKey: material.key, storeroomKey: storeroom.key, vendorKey: vendors[vendorIndex].key,
				productKey: null, price: price.toFixed(2), discount: '0.00', deliveryAt: iso(anchor + rng.int(3, 20) * DAY), lineNo: String(n + 1), code: material.code, name: material.name,
				description: material.description, lineRef: null, quantity: String(quantity), receivedQuantity: status.code === 'RECEIVED' || status.code === 'CLOSED' ? String(quantity) : '0',
				type: 'material', uomKey: material.uomKey, cost: (price * quantity).toFixed(2), currencyKey: 'USD', lineTotalValue: price * quantity, lineTaxValue: 0, notes: null, dueAt: null, ...times,
			});
			return { line, quantity, price };
		});
		const net = lines.reduce((sum, l) => sum + l.price * l.quantity, 0);
		return stores['purchase-orders'].add({
			siteKey: site.key, organizationKey: org.key, orderDate: times.createdAt, vendorKey: vendors[vendorIndex].key, userRequestedKey: users[i % users.length].key,
			userApprovedKey: ['DRAFT', 'PENDING'].includes(String(status.code)) ? null : users[0].key, orderNo: `PO-${4500120 + i}`, statusKey: status.key,
			title: `Spares for ${String(site.name)} (${vendors[vendorIndex].name as string})`, description: 'Restock of CCN plant spares', dueAt: iso(anchor + rng.int(5, 30) * DAY),
			approvedAt: null, completedAt: status.code === 'CLOSED' ? times.updatedAt : null, shippingMethod: 'Ground', shipmentDate: null, shipmentAddress: address(site), billingAddress: address(sites[0]),
			terms: 'Net 30', notes: null, deliveryAddress: address(site), currencyKey: 'USD', locationKey: storeroom.locationKey, totalNetValue: net.toFixed(2), totalGrossValue: (net * 1.08).toFixed(2),
			updatedAt: times.updatedAt,
			lineItems: lines.map(({ line, quantity, price }) => ({
				key: line.key, locationKey: line.locationKey, accountKey: null, vendorKey: line.vendorKey, assetKey: null, materialKey: line.materialKey, productKey: null, statusKey: line.statusKey,
				storeroomKey: line.storeroomKey, lineNo: line.lineNo, code: line.code, type: line.type, name: line.name, description: line.description, lineRef: null, quantity, receivedQuantity: Number(line.receivedQuantity),
				uomKey: line.uomKey, currencyKey: 'USD', price, discount: 0, lineTaxValue: 0, lineTotalValue: price * quantity, notes: null, deliveryAt: line.deliveryAt, dueAt: null,
				createdAt: line.createdAt, updatedAt: line.updatedAt, deletedAt: null,
			})),
		});
	});
	for (const [i, po] of orders.filter((o) => (o.lineItems as unknown[]).length).slice(0, 3).entries()) {
		const [line] = po.lineItems as DataRecord[];
		const times = stamp();
		stores['return-orders'].add({
			organizationKey: org.key, siteKey: po.siteKey, vendorKey: po.vendorKey, statusKey: roStatuses[i % roStatuses.length].key, code: `RMA-${7701 + i}`, poKey: po.key,
			orderNo: `RO-${3300 + i}`, orderDate: times.createdAt, type: 'return', title: `Return ${String(line.name)}`, description: 'Wrong part shipped', dueAt: iso(anchor + 14 * DAY),
			approvedAt: null, completedAt: null, shippingMethod: 'Ground', terms: 'Credit', notes: null, currencyKey: 'USD', totalNetValue: line.price, totalTaxValue: 0, totalGrossValue: line.price,
			lineItems: [{ ...line, quantity: 1, lineTotalValue: line.price }], ...times,
		});
	}

	const manuals = stores.assets.records.slice(0, 200).filter((a) => a.modelName !== 'CCN Plant').slice(0, 6);
	for (const asset of manuals) {
		const name = `${String(asset.name)} installation and operation manual.pdf`;
		stores.documents.add({
			entityKeys: [asset.key], name, url: `https://files.makini.io/sandbox/${encodeURIComponent(name)}`, type: 'manual', contentType: 'application/pdf',
			description: `${String(asset.modelName)} IOM`, notes: null, ...stamp(),
		});
	}
}
