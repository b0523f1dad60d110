// Writes of the supply side (materials, customers, inventories, stocks) through n8n-core's real contexts against the strict
// sandbox; every body the node sends is caught on its way and checked against the published request schema.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Makini } from '../../nodes/Makini/Makini.node';
import { runNode } from '../harness/execute';
import { useRecorder } from '../harness/recorder';
import { useSandbox } from '../harness/sandbox';

const fx = useSandbox();
const recorder = useRecorder(fx);
const node = new Makini();
const records = (entity: string) => fx.sandbox.records('ccn', entity) as IDataObject[];
const byKey = (entity: string, key: unknown) => records(entity).find((r) => r.key === key);
const rl = (value: unknown) => ({ __rl: true, mode: 'key', value });

async function run(parameters: INodeParameters): Promise<IDataObject[]> {
	const [output] = await runNode({ node, parameters, credentials: recorder.credentials() });
	return output.map((item) => item.json);
}

test('Material → Create a spare part with lists of keys, then Update it', async () => {
	const site = records('sites')[0];
	const [created] = await run({
		resource: 'material',
		operation: 'create',
		name: '19XRV VFD cooling fan',
		additionalFields: { partNumber: 'HC99CA120', cost: 189.5, currency: 'USD', siteKeys: [site.key as string], isActive: true },
	});
	expect(recorder.written('POST', '/api/eam/materials')).toEqual({
		name: '19XRV VFD cooling fan',
		partNumber: 'HC99CA120',
		cost: 189.5,
		currency: 'USD',
		siteKeys: [site.key],
		isActive: true,
	});
	expect(created).toMatchObject({ name: '19XRV VFD cooling fan', partNumber: 'HC99CA120', cost: 189.5, siteKeys: [site.key] });
	expect(byKey('materials', created.key)).toEqual(created);

	recorder.sent.splice(0);
	const [updated] = await run({
		resource: 'material',
		operation: 'update',
		materialKey: rl(created.key),
		updateFields: { minimumQuantity: '2', criticality: 'high' },
	} as INodeParameters);
	expect(recorder.written('PUT', `/api/eam/materials/${String(created.key)}`)).toEqual({ minimumQuantity: '2', criticality: 'high' });
	expect(updated).toMatchObject({ key: created.key, minimumQuantity: '2', criticality: 'high', name: '19XRV VFD cooling fan' });
});

test('Customer → Create', async () => {
	const company = records('companies')[0];
	const [created] = await run({
		resource: 'customer',
		operation: 'create',
		name: 'Lakeshore Office Park LLC',
		additionalFields: { code: 'C200', companyKey: company.key as string },
	});
	expect(recorder.written('POST', '/api/eam/customers')).toEqual({ name: 'Lakeshore Office Park LLC', code: 'C200', companyKey: company.key });
	expect(created).toMatchObject({ name: 'Lakeshore Office Park LLC', code: 'C200', companyKey: company.key });
	expect(byKey('customers', created.key)).toEqual(created);
});

test('Inventory → Update the counted quantity', async () => {
	const inventory = records('inventories')[0];
	const [updated] = await run({
		resource: 'inventory',
		operation: 'update',
		inventoryKey: rl(inventory.key),
		updateFields: { quantity: 17, unitCost: 90 },
	} as INodeParameters);
	expect(recorder.written('PUT', `/api/eam/inventories/${String(inventory.key)}`)).toEqual({ quantity: 17, unitCost: 90 });
	expect(updated).toMatchObject({ key: inventory.key, quantity: 17, unitCost: 90, name: inventory.name });
	expect(byKey('inventories', inventory.key)).toEqual(updated);
});

test('a write the published schema rejects is the sandbox\'s validation error', async () => {
	const inventory = records('inventories')[1];
	await expect(
		run({ resource: 'inventory', operation: 'update', inventoryKey: rl(inventory.key), updateFields: { quantity: 2.5 } } as INodeParameters),
	).rejects.toThrow(/quantity/i);
	expect(byKey('inventories', inventory.key)!.quantity).toBe(inventory.quantity);
});

test('Stock → Create a material in a storeroom bin, then Update its quantity', async () => {
	const material = records('materials')[2];
	const storeroom = records('storerooms')[1];
	const [created] = await run({
		resource: 'stock',
		operation: 'create',
		materialKey: material.key as string,
		additionalFields: { storeroomKey: storeroom.key as string, position: 'Bin C-2', quantity: 4 },
	});
	expect(recorder.written('POST', '/api/eam/stocks')).toEqual({ materialKey: material.key, storeroomKey: storeroom.key, position: 'Bin C-2', quantity: 4 });
	expect(created).toMatchObject({ materialKey: material.key, storeroomKey: storeroom.key, position: 'Bin C-2', quantity: 4 });
	expect(byKey('stocks', created.key)).toEqual(created);

	recorder.sent.splice(0);
	const [updated] = await run({ resource: 'stock', operation: 'update', stockKey: rl(created.key), updateFields: { quantity: 3 } } as INodeParameters);
	expect(recorder.written('PUT', `/api/eam/stocks/${String(created.key)}`)).toEqual({ quantity: 3 });
	expect(updated).toMatchObject({ key: created.key, quantity: 3, position: 'Bin C-2' });
});

// A foreign key picked From List ({__rl, mode: 'list'}) and the plain string a workflow saved before the field became a
// picker must send the same body (each checked against the published request schema by `written`).
const listed = (value: unknown) => ({ __rl: true, mode: 'list', value });
const plain = (value: unknown) => value;

describe('foreign keys from the lists and saved plain keys send the same body', () => {
	test.each([
		['list', listed],
		['plain', plain],
	])('Material → Create and Update with an account (%s)', async (_mode, wrap) => {
		const account = records('accounts')[1].key;
		const [created] = await run({ resource: 'material', operation: 'create', name: 'R-134a 30 lb cylinder', additionalFields: { accountKey: wrap(account) } } as INodeParameters);
		expect(recorder.written('POST', '/api/eam/materials')).toEqual({ name: 'R-134a 30 lb cylinder', accountKey: account });
		expect(byKey('materials', created.key)).toMatchObject({ accountKey: account });
		recorder.sent.splice(0);
		const other = records('accounts')[2].key;
		await run({ resource: 'material', operation: 'update', materialKey: rl(created.key), updateFields: { accountKey: wrap(other) } } as INodeParameters);
		expect(recorder.written('PUT', `/api/eam/materials/${String(created.key)}`)).toEqual({ accountKey: other });
	});

	test.each([
		['list', listed],
		['plain', plain],
	])('Customer → Create with a company (%s)', async (_mode, wrap) => {
		const company = records('companies')[1].key;
		const [created] = await run({ resource: 'customer', operation: 'create', name: 'Pier 9 Holdings', additionalFields: { companyKey: wrap(company) } } as INodeParameters);
		expect(recorder.written('POST', '/api/eam/customers')).toEqual({ name: 'Pier 9 Holdings', companyKey: company });
		expect(created).toMatchObject({ companyKey: company });
	});

	test.each([
		['list', listed],
		['plain', plain],
	])('Inventory → Update its location (%s)', async (_mode, wrap) => {
		const inventory = records('inventories')[2];
		const location = records('locations').find((l) => l.key !== inventory.locationKey)!.key;
		const [updated] = await run({ resource: 'inventory', operation: 'update', inventoryKey: rl(inventory.key), updateFields: { locationKey: wrap(location) } } as INodeParameters);
		expect(recorder.written('PUT', `/api/eam/inventories/${String(inventory.key)}`)).toEqual({ locationKey: location });
		expect(updated).toMatchObject({ key: inventory.key, locationKey: location });
	});

	test.each([
		['list', listed],
		['plain', plain],
	])('Stock → Create and Update with material, storeroom, location, asset and unit (%s)', async (_mode, wrap) => {
		const storeroom = records('storerooms').at(-1)!;
		const keys = {
			materialKey: records('materials')[3].key,
			storeroomKey: storeroom.key,
			locationKey: storeroom.locationKey,
			assetKey: records('assets')[1].key,
			uomKey: records('uom')[0].key,
		};
		const { materialKey, ...rest } = keys;
		const [created] = await run({
			resource: 'stock',
			operation: 'create',
			materialKey: wrap(materialKey),
			additionalFields: { ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, wrap(v)])), quantity: 2 },
		} as INodeParameters);
		expect(recorder.written('POST', '/api/eam/stocks')).toEqual({ ...keys, quantity: 2 });
		expect(byKey('stocks', created.key)).toMatchObject(keys);
		recorder.sent.splice(0);
		const material = records('materials')[4].key;
		await run({ resource: 'stock', operation: 'update', stockKey: rl(created.key), updateFields: { materialKey: wrap(material) } } as INodeParameters);
		expect(recorder.written('PUT', `/api/eam/stocks/${String(created.key)}`)).toEqual({ materialKey: material });
	});
});

test('Stock → Create without a material names the field to fill', async () => {
	await expect(run({ resource: 'stock', operation: 'create', materialKey: listed(''), additionalFields: { quantity: 1 } } as INodeParameters)).rejects.toThrow(/Material/);
	expect(recorder.sent.filter((s) => s.method === 'POST')).toEqual([]);
});
