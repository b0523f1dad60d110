import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Makini } from '../../nodes/Makini/Makini.node';
import { runNode } from '../harness/execute';
import { useSandbox } from '../harness/sandbox';

const fx = useSandbox();
const node = new Makini();

async function run(parameters: INodeParameters) {
	const [output] = await runNode({ node, parameters, credentials: fx.tokenCredentials() });
	return output;
}
const jsonOf = async (parameters: INodeParameters) => (await run(parameters)).map((item) => item.json);
const records = (entity: string) => fx.sandbox.records('ccn', entity) as IDataObject[];

// Every generic Get / Get Many against the sandbox's own data.
const resources: Array<[resource: string, entity: string, keyParameter: string, locator: boolean]> = [
	['asset', 'assets', 'assetKey', true],
	['workOrder', 'work-orders', 'workOrderKey', true],
	['location', 'locations', 'locationKey', true],
	['site', 'sites', 'siteKey', true],
	['serviceRequest', 'service-requests', 'serviceRequestKey', false],
	['preventiveMaintenance', 'pm', 'preventiveMaintenanceKey', false],
	['user', 'users', 'userKey', false],
	['team', 'teams', 'teamKey', false],
	['meter', 'meters', 'meterKey', false],
	['meterReading', 'meter-readings', 'meterReadingKey', false],
	['assetDowntime', 'assets-downtime', 'assetDowntimeKey', false],
];

describe.each(resources)('%s', (resource, entity, keyParameter, locator) => {
	test('Get returns the record by key, with every field', async () => {
		const expected = records(entity)[1];
		const key = locator ? { __rl: true, mode: 'key', value: expected.key } : expected.key;
		const [item] = await run({ resource, operation: 'get', [keyParameter]: key } as INodeParameters);
		expect(item.json).toEqual(expected);
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	test('Get Many returns the first 50 records in order, raw when Simplify is off', async () => {
		const output = await jsonOf({ resource, operation: 'getAll', simplify: false });
		expect(output).toEqual(records(entity).slice(0, 50));
	});
});

test('Get Many with Return All reads every record once', async () => {
	const output = await jsonOf({ resource: 'meterReading', operation: 'getAll', returnAll: true });
	const all = records('meter-readings');
	expect(all.length).toBeGreaterThan(500);
	expect(output.map((r) => r.key)).toEqual(all.map((r) => r.key));
});

test('Limit fetches one page of exactly the limit', async () => {
	const before = fx.sandbox.stats('ccn').requests;
	const output = await jsonOf({ resource: 'asset', operation: 'getAll', limit: 7 });
	expect(output).toHaveLength(7);
	expect(fx.sandbox.stats('ccn').requests - before).toBe(1);
});

test('Simplify keeps identity and the common fields only; off returns everything', async () => {
	const [simple] = await jsonOf({ resource: 'workOrder', operation: 'getAll', limit: 1 });
	const [raw] = await jsonOf({ resource: 'workOrder', operation: 'getAll', limit: 1, simplify: false });
	expect(Object.keys(simple)).toEqual(expect.arrayContaining(['key', 'title', 'status', 'assetKey']));
	expect(Object.keys(simple).length).toBeLessThan(Object.keys(raw).length);
	expect(simple.instructions).toBeUndefined();
	expect(raw.instructions).toBeDefined();
	for (const [field, value] of Object.entries(simple)) expect(raw[field]).toEqual(value);
});

describe('filters', () => {
	test('conditions matching all', async () => {
		const output = await jsonOf({
			resource: 'asset',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
			filters: {
				conditions: [
					{ field: 'makeName', operator: 'equals', value: 'Carrier' },
					{ field: 'name', operator: 'contains', value: 'chiller' },
				],
			},
		});
		const expected = records('assets').filter(
			(a) => a.makeName === 'Carrier' && String(a.name).toLowerCase().includes('chiller'),
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(output).toEqual(expected);
	});

	test('conditions matching any, still within the operation\'s own asset filter', async () => {
		const meter = records('meters')[0];
		const assetKey = (meter.assetKeys as string[])[0];
		const output = await jsonOf({
			resource: 'meterReading',
			operation: 'getAll',
			returnAll: true,
			assetFilter: assetKey,
			filterMatch: 'any',
			filters: {
				conditions: [
					{ field: 'meterKey', operator: 'equals', value: meter.key as string },
					{ field: 'reading', operator: 'startsWith', value: '9' },
				],
			},
		});
		const expected = records('meter-readings').filter(
			(r) => r.assetKey === assetKey && (r.meterKey === meter.key || String(r.reading).startsWith('9')),
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(output.map((r) => r.key)).toEqual(expected.map((r) => r.key));
	});

	test('meter readings by meter and time window', async () => {
		const all = records('meter-readings');
		const meterKey = all[0].meterKey as string;
		const ofMeter = all.filter((r) => r.meterKey === meterKey);
		const from = ofMeter[3].createdAt as string;
		const to = ofMeter[8].createdAt as string;
		const output = await jsonOf({ resource: 'meterReading', operation: 'getAll', returnAll: true, meterFilter: meterKey, from, to });
		expect(output).toEqual(ofMeter.filter((r) => r.createdAt! >= from && r.createdAt! <= to));
		expect(output.length).toBe(6);
	});

	test('open downtime only, by asset', async () => {
		const open = records('assets-downtime').filter((d) => d.endedAt === null);
		expect(open.length).toBeGreaterThan(0);
		const all = await jsonOf({ resource: 'assetDowntime', operation: 'getAll', returnAll: true, openOnly: true });
		expect(all.map((d) => d.key)).toEqual(open.map((d) => d.key));
		const assetKey = open[0].assetKey as string;
		const one = await jsonOf({ resource: 'assetDowntime', operation: 'getAll', returnAll: true, openOnly: true, assetFilter: assetKey });
		expect(one.map((d) => d.key)).toEqual(open.filter((d) => d.assetKey === assetKey).map((d) => d.key));
	});

	test('meters of one asset', async () => {
		const assetKey = (records('meters')[0].assetKeys as string[])[0];
		const output = await jsonOf({ resource: 'meter', operation: 'getAll', returnAll: true, assetFilter: assetKey, simplify: false });
		expect(output).toEqual(records('meters').filter((m) => (m.assetKeys as string[]).includes(assetKey)));
	});

	test('Updated Since returns only later changes, oldest first', async () => {
		const sorted = [...records('work-orders')].sort((a, b) => String(a.updatedAt).localeCompare(String(b.updatedAt)));
		const since = sorted[Math.floor(sorted.length / 2)].updatedAt as string;
		const output = await jsonOf({ resource: 'workOrder', operation: 'getAll', returnAll: true, updatedSince: since });
		const expected = sorted.filter((w) => String(w.updatedAt) > since);
		expect(expected.length).toBeGreaterThan(0);
		expect(new Set(output.map((w) => w.key))).toEqual(new Set(expected.map((w) => w.key)));
		const stamps = output.map((w) => String(w.updatedAt));
		expect(stamps).toEqual([...stamps].sort());
	});

	test('Sort descending', async () => {
		const output = await jsonOf({
			resource: 'asset',
			operation: 'getAll',
			limit: 5,
			sort: { rules: [{ field: 'name', direction: 'desc' }] },
		});
		const names = records('assets').map((a) => String(a.name)).sort().reverse().slice(0, 5);
		expect(output.map((a) => a.name)).toEqual(names);
	});
});

test('Get Materials of an asset and a work order', async () => {
	const asset = records('assets')[0];
	const workOrder = records('work-orders')[0];
	const a = await run({ resource: 'asset', operation: 'getMaterials', assetKey: { __rl: true, mode: 'key', value: asset.key } } as INodeParameters);
	const w = await run({ resource: 'workOrder', operation: 'getMaterials', returnAll: true, workOrderKey: { __rl: true, mode: 'key', value: workOrder.key } } as INodeParameters);
	// The sandbox has no asset materials (the call succeeds with nothing to emit); the first work order has parts.
	expect(a).toEqual([]);
	const lines = (fx.sandbox.records('ccn', 'material-items') as IDataObject[]).filter((l) => l.workOrderKey === workOrder.key);
	expect(lines.length).toBeGreaterThan(0);
	expect(w.map((item) => item.json)).toEqual(lines);
});

test('a key given By URL is extracted from the API URL', async () => {
	const asset = records('assets')[2];
	const [item] = await run({
		resource: 'asset',
		operation: 'get',
		assetKey: { __rl: true, mode: 'url', value: `${fx.sandbox.url}/api/eam/assets/${String(asset.key)}?x=1` },
	} as INodeParameters);
	expect(item.json).toEqual(asset);
});

test('Connection → Get Sync Status', async () => {
	const [item] = await run({ resource: 'connection', operation: 'getSyncStatus' });
	expect(item.json).toMatchObject({ id: 'ccn', sync_status: 'done', provider: expect.any(String) });
});

test('one output item per record per input item, each paired with its input', async () => {
	const [a, b] = records('assets');
	const [output] = await runNode({
		node,
		parameters: { resource: 'asset', operation: 'get', assetKey: { __rl: true, mode: 'key', value: '={{ $json.key }}' } },
		credentials: fx.tokenCredentials(),
		items: [{ json: { key: b.key } }, { json: { key: a.key } }],
	});
	expect(output.map((i) => i.json.key)).toEqual([b.key, a.key]);
	expect(output.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
});
