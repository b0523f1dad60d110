import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';

import { Makini } from '../../nodes/Makini/Makini.node';
import { runMethod, runNode } from '../harness/execute';
import { useSandbox } from '../harness/sandbox';
import { startRecorder } from '../harness/recorder';
import { requestErrors } from '../contract/validate';

const fx = useSandbox();
const node = new Makini();
const records = (entity: string) => fx.sandbox.records('ccn', entity) as IDataObject[];
const byKey = (entity: string, key: unknown) => records(entity).find((r) => r.key === key);
const rl = (value: unknown) => ({ __rl: true, mode: 'key', value });

// Every write body the node sends passes through a recorder and must be valid against the published request schema.
let recorder: Awaited<ReturnType<typeof startRecorder>>;
const writesSent = () => recorder.sent.filter((r) => r.method === 'POST' || r.method === 'PUT');
beforeAll(async () => {
	recorder = await startRecorder(fx.sandbox.url);
});
afterAll(async () => recorder.close());
afterEach(() => {
	for (const { method, path, body } of writesSent()) expect([method, path, requestErrors(method, path, body)]).toEqual([method, path, []]);
	recorder.sent.length = 0;
});

async function run(parameters: INodeParameters, items?: IDataObject[]) {
	const [output] = await runNode({
		node,
		parameters,
		credentials: { makiniApi: { baseUrl: `${recorder.url}/`, token: fx.sandbox.connections.ccn.token } },
		items: items?.map((json) => ({ json })),
	});
	return output;
}

test('Asset → Create with typed, additional and JSON fields', async () => {
	const site = records('sites')[0];
	const [item] = await run({
		resource: 'asset',
		operation: 'create',
		name: 'CH-9 30XA air-cooled chiller',
		additionalFields: { makeName: 'Carrier', modelName: '30XA-502', siteKey: site.key as string, isActive: true },
		jsonFields: '{"serialNumber": "SN-30XA-9", "notes": "commissioned by n8n"}',
	});
	// The published request names the maker `manufacturerName` (the record's `makeName` is not writable).
	expect(writesSent()[0].body).toMatchObject({ manufacturerName: 'Carrier' });
	expect(writesSent()[0].body).not.toHaveProperty('makeName');
	expect(item.json).toMatchObject({
		name: 'CH-9 30XA air-cooled chiller',
		modelName: '30XA-502',
		siteKey: site.key,
		serialNumber: 'SN-30XA-9',
		notes: 'commissioned by n8n',
	});
	expect(byKey('assets', item.json.key)).toEqual(item.json);
});

test('Asset → Update changes only the given fields', async () => {
	const asset = records('assets')[4];
	const [item] = await run({
		resource: 'asset',
		operation: 'update',
		assetKey: rl(asset.key),
		updateFields: { criticality: 'low', notes: 'updated from n8n' },
	});
	expect(item.json).toMatchObject({ key: asset.key, name: asset.name, criticality: 'low', notes: 'updated from n8n' });
	expect(byKey('assets', asset.key)).toMatchObject({ criticality: 'low', notes: 'updated from n8n' });
});

// A foreign key picked From List ({__rl, mode: 'list'}) and the plain string a workflow saved before the field became a
// picker must send the same body.
const listed = (value: unknown) => ({ __rl: true, mode: 'list', value });
const plain = (value: unknown) => value;
const wrapKeys = (keys: IDataObject, wrap: (value: unknown) => unknown) =>
	Object.fromEntries(Object.entries(keys).map(([name, value]) => [name, wrap(value)]));

test('Asset → Create and Update: foreign keys from the lists and saved plain keys send the same body', async () => {
	const site = records('sites')[1];
	const keys = {
		assetTemplateKey: records('asset-templates')[0].key,
		siteKey: site.key,
		locationKey: records('locations').find((l) => l.siteKey === site.key)!.key,
		parentKey: records('assets')[0].key,
	};
	const created: IDataObject[] = [];
	for (const wrap of [listed, plain]) {
		const [item] = await run({ resource: 'asset', operation: 'create', name: 'AHU-7 air handler', additionalFields: wrapKeys(keys, wrap) } as INodeParameters);
		created.push(item.json);
	}
	const bodies = writesSent().map((w) => w.body);
	expect(bodies).toEqual([{ name: 'AHU-7 air handler', ...keys }, { name: 'AHU-7 air handler', ...keys }]);
	for (const item of created) expect(byKey('assets', item.key)).toMatchObject(keys);

	recorder.sent.length = 0;
	const { assetTemplateKey: _template, ...updatable } = keys;
	for (const wrap of [listed, plain]) {
		await run({ resource: 'asset', operation: 'update', assetKey: rl(created[0].key), updateFields: wrapKeys(updatable, wrap) } as INodeParameters);
	}
	expect(writesSent().map((w) => w.body)).toEqual([updatable, updatable]);
});

test('every foreign key of a create/update form is a picker (only keys without a published list stay text boxes)', () => {
	const textBoxes: string[] = [];
	const pickers: string[] = [];
	for (const property of node.description.properties) {
		const show = property.displayOptions?.show;
		if (!(show?.operation as string[] | undefined)?.some((o) => o === 'create' || o === 'update')) continue;
		const resource = String((show?.resource as string[])[0]);
		for (const field of [property, ...((property.options ?? []) as INodeProperties[])]) {
			if (!/Key$/.test(field.name)) continue;
			if (field.type === 'string') {
				textBoxes.push(`${resource}.${field.name}`);
				continue;
			}
			expect([resource, field.name, field.type]).toEqual([resource, field.name, expect.stringMatching(/^(resourceLocator|options)$/)]);
			if (field.type === 'resourceLocator') {
				const method = field.modes?.find((m) => m.name === 'list')?.typeOptions?.searchListMethod as string;
				expect([field.name, typeof (node.methods.listSearch as Record<string, unknown>)[method]]).toEqual([field.name, 'function']);
			}
			pickers.push(`${resource}.${field.name}`);
		}
	}
	// Create and Update each list them: currencies and products have no published list endpoint.
	expect(textBoxes.sort()).toEqual(['purchaseOrder.currencyKey', 'purchaseOrder.currencyKey', 'stock.productKey', 'stock.productKey']);
	for (const field of ['asset.parentKey', 'customer.companyKey', 'inventory.locationKey', 'material.accountKey', 'stock.materialKey', 'stock.uomKey', 'workOrder.assetDowntimeKey', 'serviceRequest.assetKey']) {
		expect(pickers).toContain(field);
	}
});

test('Work Order → Create, Update, Update Status with a status from load options', async () => {
	const asset = records('assets')[1];
	const statuses = await runMethod<Array<{ name: string; value: string }>>({
		node,
		parameters: { resource: 'workOrder', operation: 'updateStatus' },
		credentials: fx.tokenCredentials(),
		method: 'loadOptions.getWorkOrderStatuses',
	});
	expect(statuses.map((s) => s.name)).toEqual(expect.arrayContaining(['In Progress (INPRG)', 'Completed (COMP)']));

	const [created] = await run({
		resource: 'workOrder',
		operation: 'create',
		title: 'CH-1: 2,000 run hours service',
		additionalFields: { assetKey: asset.key as string, severity: 'High', dueAt: '2026-12-01T08:00:00+01:00' },
	});
	expect(created.json).toMatchObject({ title: 'CH-1: 2,000 run hours service', assetKey: asset.key, dueAt: '2026-12-01T07:00:00.000Z' });

	const [updated] = await run({
		resource: 'workOrder',
		operation: 'update',
		workOrderKey: rl(created.json.key),
		updateFields: { instructions: 'Check oil and refrigerant charge' },
	});
	expect(updated.json.instructions).toBe('Check oil and refrigerant charge');

	const inProgress = statuses.find((s) => s.name.startsWith('In Progress'))!;
	const [moved] = await run({ resource: 'workOrder', operation: 'updateStatus', workOrderKey: rl(created.json.key), statusKey: inProgress.value });
	expect(moved.json).toMatchObject({ key: created.json.key, statusKey: inProgress.value, status: 'In Progress' });
	expect(byKey('work-orders', created.json.key)).toMatchObject({ statusKey: inProgress.value, instructions: 'Check oil and refrigerant charge' });
});

test('Service Request → Create: asset and requester from the lists and saved plain keys send the same body', async () => {
	const asset = records('assets')[3].key;
	const user = records('users')[1].key;
	for (const wrap of [listed, plain]) {
		const [item] = await run({
			resource: 'serviceRequest',
			operation: 'create',
			title: 'RTU-4 short cycling',
			assetKey: wrap(asset),
			additionalFields: { userRequestedKey: wrap(user) },
		} as INodeParameters);
		expect(item.json).toMatchObject({ assetKey: asset, userRequestedKey: user });
	}
	const body = { title: 'RTU-4 short cycling', assetKey: asset, userRequestedKey: user };
	expect(writesSent().map((w) => w.body)).toEqual([body, body]);
});

test('Work Order → Create with an asset downtime from the list or as a saved plain key', async () => {
	const downtime = records('assets-downtime')[0].key;
	for (const wrap of [listed, plain]) {
		await run({ resource: 'workOrder', operation: 'create', title: 'Restore CH-1', additionalFields: { assetDowntimeKey: wrap(downtime) } } as INodeParameters);
	}
	const body = { title: 'Restore CH-1', assetDowntimeKey: downtime };
	expect(writesSent().map((w) => w.body)).toEqual([body, body]);
});

test('Service Request → Create', async () => {
	const asset = records('assets')[2];
	const [item] = await run({
		resource: 'serviceRequest',
		operation: 'create',
		title: 'AHU-3 supply air temperature alarm',
		assetKey: asset.key as string,
		description: 'SAT 19.5 °C for 20 min',
	});
	expect(item.json).toMatchObject({ title: 'AHU-3 supply air temperature alarm', assetKey: asset.key, description: 'SAT 19.5 °C for 20 min' });
	expect(byKey('service-requests', item.json.key)).toBeDefined();
	expect(writesSent()).toHaveLength(1);
});

test('service request fields the published request lacks are not offered, and a saved workflow does not send them', async () => {
	const user = records('users')[0].key as string;
	const [item] = await run({
		resource: 'serviceRequest',
		operation: 'create',
		title: 'Leak',
		additionalFields: { severity: 'high', siteKey: 'x', userRequestedKey: user },
	});
	expect(item.json).toMatchObject({ title: 'Leak', userRequestedKey: user });
	expect(writesSent().map((w) => w.body)).toEqual([{ title: 'Leak', userRequestedKey: user }]);
	const create = node.description.properties.find(
		(p) => p.name === 'additionalFields' && p.displayOptions?.show?.resource?.includes('serviceRequest'),
	);
	expect((create?.options ?? []).map((o) => o.name)).toEqual(['userRequestedKey']);
});

test('writes over many items with Concurrency keep input order and pairing', async () => {
	const before = records('service-requests').length;
	const items = Array.from({ length: 12 }, (_, i) => ({ title: `Alarm ${i}` }));
	const output = await run(
		{ resource: 'serviceRequest', operation: 'create', title: '={{ $json.title }}', options: { concurrency: 4 } },
		items,
	);
	expect(output.map((i) => i.json.title)).toEqual(items.map((i) => i.title));
	expect(output.map((i) => i.pairedItem)).toEqual(items.map((_, item) => ({ item })));
	expect(records('service-requests').length).toBe(before + 12);
});

test('concurrent writes that hit 429 slow down together and each lands exactly once', async () => {
	const before = records('service-requests').length;
	fx.sandbox.setScenario('ccn', { errorRate: 0.4, errorStatuses: [429] });
	const items = Array.from({ length: 10 }, (_, i) => ({ title: `Throttled ${i}` }));
	const output = await run(
		{ resource: 'serviceRequest', operation: 'create', title: '={{ $json.title }}', options: { concurrency: 5, maxAttempts: 10 } },
		items,
	);
	expect(output.map((i) => i.json.title)).toEqual(items.map((i) => i.title));
	expect(fx.sandbox.stats('ccn').byStatus['429']).toBeGreaterThan(0);
	const titles = records('service-requests').slice(before).map((r) => r.title);
	expect(titles.sort()).toEqual(items.map((i) => i.title).sort());
});

test('a 503 on a write is retried (not processed), a 500 is not (outcome unknown)', async () => {
	const before = records('work-orders').length;
	fx.sandbox.setScenario('ccn', { errorRate: 0.5, errorStatuses: [503] });
	const retried = await run({ resource: 'workOrder', operation: 'create', title: '={{ $json.t }}', options: { maxAttempts: 10 } }, [
		{ t: 'a' },
		{ t: 'b' },
		{ t: 'c' },
	]);
	expect(retried.map((i) => i.json.title)).toEqual(['a', 'b', 'c']);
	expect(records('work-orders').length).toBe(before + 3);

	fx.sandbox.setScenario('ccn', { errorRate: 1, errorStatuses: [500] });
	const requests = fx.sandbox.stats('ccn').requests;
	await expect(run({ resource: 'workOrder', operation: 'create', title: 'x' })).rejects.toThrow(/Outcome unknown/);
	expect(fx.sandbox.stats('ccn').requests - requests).toBe(1);
});

test('a write whose answer is lost is reported as outcome unknown, never resent', async () => {
	const before = records('work-orders').length;
	fx.sandbox.setScenario('ccn', { lostResponseRate: 1 });
	const error = await run({ resource: 'workOrder', operation: 'create', title: 'lost answer' }).catch((e: Error) => e);
	expect(error).toBeInstanceOf(Error);
	expect((error as Error).message).toMatch(/^Outcome unknown: POST \/api\/eam\/work-orders may or may not have been applied/);
	expect((error as Error & { description: string }).description).toMatch(/Check the record in Makini/);
	// Processed once by the server, not repeated by the node.
	expect(records('work-orders').length).toBe(before + 1);
});

test('422 names the rejected fields', async () => {
	const error = await run({
		resource: 'workOrder',
		operation: 'create',
		title: 'bad refs',
		additionalFields: { assetKey: 'does-not-exist' },
	}).catch((e: Error & { description?: string; httpCode?: string }) => e);
	expect(error.message).toMatch(/VALIDATION_FAILED/);
	expect(error.message).toMatch(/\[item 0\]$/);
	expect(error.httpCode).toBe('422');
	expect(error.description).toMatch(/rejected these fields: assetKey/);
	expect(error.description).toMatch(/Request ID: \S+/);
});
