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
