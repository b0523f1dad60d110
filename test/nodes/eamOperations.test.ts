// The EAM operations that complete the published API (material inventory and children, material lists of asset templates,
// PM plans and work orders, work order custom fields, status lists, return order writes), through n8n-core's real
// contexts against the strict sandbox. Every body the node sends is caught on its way and checked against the published
// request schema; what a write changes is read back through the node.
import type { IDataObject, INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { Makini } from '../../nodes/Makini/Makini.node';
import { runMethod, runNode } from '../harness/execute';
import { useRecorder } from '../harness/recorder';
import { useSandbox } from '../harness/sandbox';

const fx = useSandbox();
const recorder = useRecorder(fx);
const node = new Makini();
const records = (entity: string) => fx.sandbox.records('ccn', entity) as IDataObject[];
const byKey = (entity: string, key: unknown) => records(entity).find((r) => r.key === key);
const rl = (value: unknown, mode = 'key') => ({ __rl: true, mode, value });
const lines = (field: string, key?: unknown) => records('material-items').filter((l) => (key === undefined ? l[field] != null : l[field] === key));

async function run(parameters: INodeParameters | IDataObject): Promise<IDataObject[]> {
	const [output] = await runNode({ node, parameters: parameters as INodeParameters, credentials: recorder.credentials() });
	return output.map((item) => item.json);
}

describe('Material', () => {
	test('Set Inventory sends the published body and changes what inventories read back', async () => {
		const material = records('materials')[0];
		const own = material.inventory as IDataObject;
		const [answer] = await run({ resource: 'material', operation: 'setInventory', materialKey: rl(material.key), quantity: 5, additionalFields: { unitCost: 91 } });
		expect(recorder.written('PUT', `/api/eam/materials/${String(material.key)}/inventory`)).toEqual({ quantity: 5, unitCost: 91 });
		// Makini answers the material (published as Material) with its inventories.
		expect(answer).toMatchObject({ key: material.key, name: material.name });
		expect(answer.inventories).toContainEqual(expect.objectContaining({ key: own.key, quantity: 5, unitCost: 91 }));

		const [inventory] = await run({ resource: 'inventory', operation: 'get', inventoryKey: rl(own.key) });
		expect(inventory).toMatchObject({ key: own.key, quantity: 5, unitCost: 91, locationKey: own.locationKey });
	});

	test('Set Inventory at another location (picked from the list) counts the stock there', async () => {
		const material = records('materials')[1];
		const other = records('inventories').find((i) => i.name === material.name && i.locationKey !== (material.inventory as IDataObject).locationKey)!;
		await run({
			resource: 'material',
			operation: 'setInventory',
			materialKey: rl(material.key, 'list'),
			quantity: 0,
			additionalFields: { locationKey: rl(other.locationKey, 'list') },
		});
		expect(recorder.written('PUT', `/api/eam/materials/${String(material.key)}/inventory`)).toEqual({ quantity: 0, locationKey: other.locationKey });
		const [inventory] = await run({ resource: 'inventory', operation: 'get', inventoryKey: rl(other.key) });
		expect(inventory.quantity).toBe(0);
	});

	test('Set Inventory: an unpublished field is the sandbox\'s 422 naming it; a fraction fails before sending', async () => {
		const material = records('materials')[2];
		await expect(
			run({ resource: 'material', operation: 'setInventory', materialKey: rl(material.key), quantity: 3, jsonFields: '{"binLocation": "C-2"}' }),
		).rejects.toThrow(/binLocation/);
		recorder.sent.splice(0);
		await expect(run({ resource: 'material', operation: 'setInventory', materialKey: rl(material.key), quantity: 2.5 })).rejects.toThrow(
			/quantity: "2.5" is not a whole number/,
		);
		expect(recorder.sent.filter((s) => s.method === 'PUT')).toEqual([]);
	});

	test('Get Children lists the parts of the 19XR service kit', async () => {
		const kit = records('materials').find((m) => m.isAssembly === true)!;
		const children = await run({ resource: 'material', operation: 'getChildren', materialKey: rl(kit.key), returnAll: true });
		expect(children.map((c) => c.partNumber).sort()).toEqual(['KH11EG121', 'KH43LZ002', 'P903-1001']);
		expect(children).toEqual(records('materials').filter((m) => (m.parentKeys as string[]).includes(kit.key as string)));
	});
});

describe('material lists', () => {
	test('Asset Template → Get Materials: the parts a 19XR calls for', async () => {
		const template = records('asset-templates').find((t) => t.name === 'Carrier 19XR centrifugal chiller')!;
		const output = await run({ resource: 'assetTemplate', operation: 'getMaterials', assetTemplateKey: rl(template.key), returnAll: true });
		expect(output.length).toBeGreaterThan(0);
		expect(output).toEqual(lines('assetTemplateKey', template.key));
		expect(output.map((l) => l.name)).toContain('19XR oil filter element');
	});

	test('Preventive Maintenance → Get Materials (key typed as a plain string, as older workflows hold it)', async () => {
		const plan = records('pm').find((p) => p.title === 'Monthly AHU filter change')!;
		const output = await run({ resource: 'preventiveMaintenance', operation: 'getMaterials', preventiveMaintenanceKey: plan.key, returnAll: true });
		expect(output).toEqual(lines('pmKey', plan.key));
		expect(output).toEqual([expect.objectContaining({ partNumber: 'M13-24242', requiredQuantity: 4 })]);
		// Get of a PM plan, now a picker, still takes a plain key.
		expect(await run({ resource: 'preventiveMaintenance', operation: 'get', preventiveMaintenanceKey: plan.key })).toEqual([plan]);
	});

	test('Work Order → Get Materials of All Work Orders, all and filtered by material', async () => {
		const all = await run({ resource: 'workOrder', operation: 'getAllMaterials', returnAll: true });
		expect(all.length).toBeGreaterThan(0);
		expect(all).toEqual(lines('workOrderKey'));
		const filter = all[0].materialKey;
		const some = await run({
			resource: 'workOrder',
			operation: 'getAllMaterials',
			returnAll: true,
			filters: { conditions: [{ field: 'materialKey', operator: 'equals', value: filter }] },
		});
		expect(some.length).toBeGreaterThan(0);
		expect(some).toEqual(all.filter((l) => l.materialKey === filter));
	});

	test('Work Order → Get Custom Fields', async () => {
		const output = await run({ resource: 'workOrder', operation: 'getCustomFields', returnAll: true });
		expect(output).toContainEqual({ name: 'CCN alarm code' });
		expect(output.every((f) => Object.keys(f).join() === 'name')).toBe(true);
	});
});

describe('work order materials', () => {
	test('Add Material, read it back, Update Material, read it back', async () => {
		const order = records('work-orders').find((w) => !lines('workOrderKey', w.key).length)!;
		const part = records('materials').find((m) => m.partNumber === 'HN54KD018')!;
		const storeroom = records('storerooms')[0];
		const [answer] = await run({
			resource: 'workOrder',
			operation: 'addMaterial',
			workOrderKey: rl(order.key, 'list'),
			materialKey: rl(part.key, 'list'),
			storeroomKey: rl(storeroom.key, 'list'),
			requiredQuantity: 2,
			usedQuantity: 0,
		});
		expect(recorder.written('POST', `/api/eam/work-orders/${String(order.key)}/materials`)).toEqual({
			materialKey: part.key,
			storeroomKey: storeroom.key,
			requiredQuantity: 2,
			usedQuantity: 0,
		});
		// Published as answering the work order: returned as it comes.
		expect(answer).toMatchObject({ key: order.key, title: order.title, materialCount: '1' });

		const read = await run({ resource: 'workOrder', operation: 'getMaterials', workOrderKey: rl(order.key), returnAll: true });
		expect(read).toEqual([expect.objectContaining({ workOrderKey: order.key, materialKey: part.key, name: part.name, requiredQuantity: 2, quantity: 0 })]);

		recorder.sent.splice(0);
		const [updated] = await run({
			resource: 'workOrder',
			operation: 'updateMaterial',
			workOrderKey: rl(order.key),
			materialKey: part.key, // a plain key in the material picker
			requiredQuantity: 2,
			usedQuantity: 2,
			updateFields: { storeroomKey: storeroom.key },
		});
		expect(recorder.written('PUT', `/api/eam/work-orders/${String(order.key)}/materials/${String(part.key)}`)).toEqual({
			requiredQuantity: 2,
			usedQuantity: 2,
			storeroomKey: storeroom.key,
		});
		expect(updated).toMatchObject({ key: order.key, materialCount: '1' });
		const again = await run({ resource: 'workOrder', operation: 'getMaterials', workOrderKey: rl(order.key), returnAll: true });
		expect(again).toEqual([expect.objectContaining({ materialKey: part.key, requiredQuantity: 2, quantity: 2 })]);
	});

	test('Update Material of a part not on the work order is Makini\'s 404, named', async () => {
		const order = records('work-orders')[3];
		const part = records('materials').find((m) => m.partNumber === 'BAC-FP1020')!;
		await expect(
			run({ resource: 'workOrder', operation: 'updateMaterial', workOrderKey: rl(order.key), materialKey: rl(part.key), requiredQuantity: 1, usedQuantity: 1 }),
		).rejects.toThrow(/404|not found|no line/i);
	});
});

describe('Status → Get Many', () => {
	test.each([
		['workOrders', 'statuses/work-orders'],
		['serviceRequests', 'statuses/service-requests'],
		['purchaseOrders', 'statuses/purchase-orders'],
		['returnOrders', 'statuses/return-orders'],
	])('kind %s lists the connection\'s statuses', async (kind, entity) => {
		const output = await run({ resource: 'status', operation: 'getAll', kind, returnAll: true });
		expect(output.length).toBeGreaterThan(0);
		expect(output).toEqual(records(entity));
	});
});

describe('Return Order', () => {
	test('Create, then Update with a status from the picker', async () => {
		const vendor = records('vendors')[1];
		const location = records('storerooms')[0].locationKey;
		const [created] = await run({
			resource: 'returnOrder',
			operation: 'create',
			description: 'Wrong filter drier core shipped',
			additionalFields: { vendorKey: rl(vendor.key, 'list'), locationKey: rl(location, 'key'), organizationKey: records('organizations')[0].key },
		});
		expect(recorder.written('POST', '/api/eam/return-orders')).toEqual({
			description: 'Wrong filter drier core shipped',
			vendorKey: vendor.key,
			locationKey: location,
			organizationKey: records('organizations')[0].key,
		});
		expect(created).toMatchObject({ description: 'Wrong filter drier core shipped', vendorKey: vendor.key });
		expect(byKey('return-orders', created.key)).toEqual(created);

		const statuses = await runMethod<INodePropertyOptions[]>({
			node,
			parameters: { resource: 'returnOrder', operation: 'update' },
			credentials: recorder.credentials(),
			method: 'loadOptions.getReturnOrderStatuses',
		});
		const shipped = statuses.find((s) => s.name.startsWith('Shipped to Vendor'))!;
		expect(shipped.value).toBe(records('statuses/return-orders').find((s) => s.code === 'SHIPPED')!.key);

		recorder.sent.splice(0);
		const [updated] = await run({
			resource: 'returnOrder',
			operation: 'update',
			returnOrderKey: rl(created.key),
			updateFields: { statusKey: shipped.value, notes: 'RMA 7731, UPS ground', shippingMethod: 'Ground' },
		});
		expect(recorder.written('PUT', `/api/eam/return-orders/${String(created.key)}`)).toEqual({
			statusKey: shipped.value,
			notes: 'RMA 7731, UPS ground',
			shippingMethod: 'Ground',
		});
		expect(updated).toMatchObject({ key: created.key, statusKey: shipped.value, notes: 'RMA 7731, UPS ground' });
		const [read] = await run({ resource: 'returnOrder', operation: 'get', returnOrderKey: created.key });
		expect(read.statusKey).toBe(shipped.value);
	});
});

describe('work order forms', () => {
	test('Create with pickers, a task and completion fields sends the published body', async () => {
		const asset = records('assets')[1];
		const team = records('teams')[1];
		const user = records('users')[2];
		const storeroom = records('storerooms')[0];
		const [created] = await run({
			resource: 'workOrder',
			operation: 'create',
			title: 'RTU-2 belt replacement',
			additionalFields: {
				assetKey: rl(asset.key, 'list'),
				teamKey: rl(team.key, 'list'),
				laborAssignedKey: rl(user.key, 'key'),
				storeroomKey: rl(`${fx.sandbox.url}/api/eam/storerooms/${String(storeroom.key)}`, 'url'),
				siteKey: rl('', 'list'), // left empty: not sent
				tasks: { task: { title: 'Replace A48 belt', code: 'T1', description: '', priority: 'High' } },
				completedAt: '2026-11-02T15:30:00Z',
				completionRemarks: 'Belt replaced, tension checked',
				actualTime: 2,
			},
		});
		expect(recorder.written('POST', '/api/eam/work-orders')).toEqual({
			title: 'RTU-2 belt replacement',
			assetKey: asset.key,
			teamKey: team.key,
			laborAssignedKey: user.key,
			storeroomKey: storeroom.key,
			tasks: { title: 'Replace A48 belt', code: 'T1', priority: 'High' },
			completedAt: '2026-11-02T15:30:00.000Z',
			completionRemarks: 'Belt replaced, tension checked',
			actualTime: 2,
		});
		expect(created).toMatchObject({
			assetKey: asset.key,
			teamKey: team.key,
			laborAssignedKey: user.key,
			completionRemarks: 'Belt replaced, tension checked',
			actualTime: '2',
			tasks: [expect.objectContaining({ title: 'Replace A48 belt' })],
		});
	});

	test('plain keys saved before the fields became pickers still work', async () => {
		const order = records('work-orders')[5];
		const team = records('teams')[0];
		const user = records('users')[0];
		const site = records('sites')[0];
		const location = records('locations').find((l) => l.siteKey === site.key)!;
		const [updated] = await run({
			resource: 'workOrder',
			operation: 'update',
			workOrderKey: order.key, // plain string in the record picker too
			updateFields: { teamKey: team.key, laborAssignedKey: user.key, siteKey: site.key, locationKey: location.key, serviceRequestKey: records('service-requests')[0].key },
		});
		expect(recorder.written('PUT', `/api/eam/work-orders/${String(order.key)}`)).toEqual({
			teamKey: team.key,
			laborAssignedKey: user.key,
			siteKey: site.key,
			locationKey: location.key,
			serviceRequestKey: records('service-requests')[0].key,
		});
		expect(updated).toMatchObject({ key: order.key, teamKey: team.key, laborAssignedKey: user.key, siteKey: site.key });
	});

	test.each([
		['listSearch.searchUsers', 'users', 'name'],
		['listSearch.searchTeams', 'teams', 'name'],
		['listSearch.searchStorerooms', 'storerooms', 'name'],
		['listSearch.searchServiceRequests', 'service-requests', 'title'],
		['listSearch.searchVendors', 'vendors', 'name'],
		['listSearch.searchAssetTemplates', 'asset-templates', 'name'],
		['listSearch.searchPreventiveMaintenance', 'pm', 'title'],
		['listSearch.searchReturnOrders', 'return-orders', 'title'],
		['listSearch.searchOrganizations', 'organizations', 'name'],
	])('%s finds records by their %s', async (method, entity) => {
		const record = records(entity)[0];
		const label = String(record.name ?? record.title);
		const { results } = await runMethod<{ results: Array<{ name: string; value: string }> }>({
			node,
			parameters: { resource: 'workOrder', operation: 'create' },
			credentials: recorder.credentials(),
			method,
			args: [label.slice(0, 8)],
		});
		expect(results).toContainEqual({ name: `${label} (${String(record.key)})`, value: record.key });
		expect(results.every((r) => r.name.toLowerCase().includes(label.slice(0, 8).toLowerCase()))).toBe(true);
	});
});
