// Purchase orders through n8n-core's real contexts against the strict sandbox: reads, Create, Update and Update Status
// with the status picked from the connection's purchase order statuses. Every request body the node sends is caught on
// its way to the sandbox and checked against the published request schema.
import type { IDataObject, INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { Makini } from '../../nodes/Makini/Makini.node';
import { responseErrors } from '../contract/validate';
import { runMethod, runNode } from '../harness/execute';
import { useRecorder } from '../harness/recorder';
import { useSandbox } from '../harness/sandbox';

const fx = useSandbox();
const node = new Makini();
const records = (entity: string) => fx.sandbox.records('ccn', entity) as IDataObject[];
const byKey = (entity: string, key: unknown) => records(entity).find((r) => r.key === key);
const rl = (value: unknown) => ({ __rl: true, mode: 'key', value });

const recorder = useRecorder(fx);

async function run(parameters: INodeParameters): Promise<IDataObject[]> {
	const [output] = await runNode({ node, parameters, credentials: recorder.credentials() });
	return output.map((item) => item.json);
}
test('Get Many and Get read purchase orders as published', async () => {
	const all = await run({ resource: 'purchaseOrder', operation: 'getAll', returnAll: true, simplify: false });
	expect(all).toEqual(records('purchase-orders'));
	for (const po of all) expect(responseErrors('GET', `/api/eam/purchase-orders/${String(po.key)}`, { data: po })).toEqual([]);
	const last = records('purchase-orders').at(-1)!;
	expect(await run({ resource: 'purchaseOrder', operation: 'get', purchaseOrderKey: rl(last.key) } as INodeParameters)).toEqual([last]);
});

test('Create raises a purchase order with typed, additional and JSON fields', async () => {
	const vendor = records('vendors')[0];
	const site = records('sites')[0];
	const draft = records('statuses/purchase-orders').find((s) => s.code === 'DRAFT')!;
	const [created] = await run({
		resource: 'purchaseOrder',
		operation: 'create',
		title: '19XR oil filters for Harbor Point',
		additionalFields: {
			vendorKey: vendor.key as string,
			siteKey: site.key as string,
			statusKey: draft.key as string,
			orderDate: '2026-11-02T09:00:00.000Z',
			dueAt: '2026-11-20',
			totalNetValue: 172,
			terms: 'Net 30',
		},
		jsonFields: '{"orderNo": "PO-4509001"}',
	});
	const body = recorder.written('POST', '/api/eam/purchase-orders');
	expect(body).toEqual({
		title: '19XR oil filters for Harbor Point',
		vendorKey: vendor.key,
		siteKey: site.key,
		statusKey: draft.key,
		orderDate: '2026-11-02T09:00:00.000Z',
		dueAt: new Date('2026-11-20').toISOString(),
		totalNetValue: 172,
		terms: 'Net 30',
		orderNo: 'PO-4509001',
	});
	expect(created).toMatchObject({ title: body.title, vendorKey: vendor.key, statusKey: draft.key, orderNo: 'PO-4509001', terms: 'Net 30' });
	expect(byKey('purchase-orders', created.key)).toEqual(created);
});

test('Update changes the fields given', async () => {
	const po = records('purchase-orders')[0];
	const [updated] = await run({
		resource: 'purchaseOrder',
		operation: 'update',
		purchaseOrderKey: rl(po.key),
		updateFields: { notes: 'Expedite: chiller down', shippingMethod: 'Overnight' },
	} as INodeParameters);
	expect(recorder.written('PUT', `/api/eam/purchase-orders/${String(po.key)}`)).toEqual({ notes: 'Expedite: chiller down', shippingMethod: 'Overnight' });
	expect(updated).toMatchObject({ key: po.key, notes: 'Expedite: chiller down', shippingMethod: 'Overnight' });
	expect(byKey('purchase-orders', po.key)).toEqual(updated);
});

test('Update Status moves a purchase order to a status picked from the connection\'s list', async () => {
	const options = await runMethod<INodePropertyOptions[]>({
		node,
		parameters: { resource: 'purchaseOrder', operation: 'updateStatus' },
		credentials: fx.tokenCredentials(),
		method: 'loadOptions.getPurchaseOrderStatuses',
	});
	const statuses = records('statuses/purchase-orders');
	expect(options.map((o) => o.value).sort()).toEqual(statuses.map((s) => s.key).sort());
	const received = options.find((o) => String(o.name).startsWith('Received'))!;
	expect(received.name).toBe('Received (RECEIVED)');
	const po = records('purchase-orders').find((p) => p.statusKey !== received.value)!;
	const [moved] = await run({
		resource: 'purchaseOrder',
		operation: 'updateStatus',
		purchaseOrderKey: rl(po.key),
		status: received.value,
	} as INodeParameters);
	expect(recorder.written('PUT', `/api/eam/purchase-orders/${String(po.key)}/status`)).toEqual({ status: received.value });
	expect(moved).toMatchObject({ key: po.key, statusKey: received.value });
	expect(byKey('purchase-orders', po.key)!.statusKey).toBe(received.value);
});

test('an unknown status is the sandbox\'s validation error, not a silent success', async () => {
	const po = records('purchase-orders')[0];
	await expect(
		run({ resource: 'purchaseOrder', operation: 'updateStatus', purchaseOrderKey: rl(po.key), status: 'NOPE' } as INodeParameters),
	).rejects.toThrow(/status/i);
	expect(byKey('purchase-orders', po.key)!.statusKey).not.toBe('NOPE');
});

test.each([
	['picked from the lists', (value: unknown) => ({ __rl: true, mode: 'list', value })],
	['typed as saved plain keys', (value: unknown) => value],
])('Create and Update with site and vendor %s send the same body', async (_how, wrap) => {
	const vendor = records('vendors')[1].key;
	const site = records('sites')[0].key;
	const [created] = await run({ resource: 'purchaseOrder', operation: 'create', title: 'Belts for RTU-2', additionalFields: { vendorKey: wrap(vendor), siteKey: wrap(site) } } as INodeParameters);
	expect(recorder.written('POST', '/api/eam/purchase-orders')).toEqual({ title: 'Belts for RTU-2', vendorKey: vendor, siteKey: site });
	expect(byKey('purchase-orders', created.key)).toMatchObject({ vendorKey: vendor, siteKey: site });
	recorder.sent.splice(0);
	const other = records('vendors')[0].key;
	await run({ resource: 'purchaseOrder', operation: 'update', purchaseOrderKey: rl(created.key), updateFields: { vendorKey: wrap(other) } } as INodeParameters);
	expect(recorder.written('PUT', `/api/eam/purchase-orders/${String(created.key)}`)).toEqual({ vendorKey: other });
});
