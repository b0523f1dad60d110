import { readFileSync } from 'fs';
import { join } from 'path';

import axios from 'axios';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MakiniPollingTrigger } from '../../nodes/Makini/MakiniPollingTrigger.node';
import { clockOf } from '../../nodes/Makini/polling/entities';
import { startSandbox } from '../../sandbox';
import type { Sandbox, SandboxOptions } from '../../sandbox';
import { TriggerHarness } from '../harness/trigger';

// The Makini Polling Trigger's poll() through n8n-core's PollContext against the sandbox over HTTP, with the
// workflow's static data kept between polls the way n8n keeps it.

jest.setTimeout(60_000);

let sandbox: Sandbox;
const ccn = () => sandbox.connections.ccn;
const rows = (entity: string) => sandbox.records(ccn().id, entity) as Array<IDataObject & { key: string }>;

async function restartSandbox(options: SandboxOptions = {}): Promise<void> {
	await sandbox?.close();
	sandbox = await startSandbox({ port: 0, control: true, ...options });
}

function poller(parameters: INodeParameters): TriggerHarness {
	return new TriggerHarness({
		node: new MakiniPollingTrigger(),
		parameters: { event: 'recordChanged', resource: 'work-orders', ...parameters },
		credentials: { makiniApi: { baseUrl: sandbox.url, token: ccn().token } },
	});
}

/** A change arriving from the source system (control endpoint): updates or inserts, and bumps updatedAt. */
async function change(entity: string, key: string | undefined, patch: IDataObject): Promise<IDataObject> {
	const response = await axios.post(`${sandbox.url}/__sandbox/connections/${ccn().id}/changes`, { entity, key, patch });
	return response.data.data as IDataObject;
}

const records = (result: INodeExecutionData[][] | null) => (result ? result[0].map((item) => item.json) : []);
const keys = (result: INodeExecutionData[][] | null) => records(result).map((record) => String(record.key ?? record.id));
const BEFORE_SEED = '2020-01-01T00:00:00.000Z';

beforeEach(async () => restartSandbox());
afterAll(async () => sandbox?.close());

describe('Makini Polling Trigger: records', () => {
	test('first activation starts from now: existing records are not emitted, later changes are, each once', async () => {
		const trigger = poller({});
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();

		const [first, second] = rows('work-orders').slice(-2);
		await change('work-orders', first.key, { notes: 'Compressor 2 high discharge pressure' });
		await change('work-orders', second.key, { severity: 'high' });
		const inserted = await change('work-orders', undefined, { title: 'Inspect 30XA condenser fans', assetKey: first.assetKey });

		const emitted = await trigger.poll();
		expect(keys(emitted)).toEqual([first.key, second.key, inserted.key]);
		expect(records(emitted)[0]).toMatchObject({ notes: 'Compressor 2 high discharge pressure' });
		expect(await trigger.poll()).toBeNull();
	});

	test('updates landing between polls are emitted in the next poll, a record updated twice twice', async () => {
		const trigger = poller({ resource: 'assets' });
		await trigger.poll();
		const [a, b] = rows('assets').slice(0, 2);

		await change('assets', a.key, { notes: 'CCN alarm: high discharge pressure' });
		expect(keys(await trigger.poll())).toEqual([a.key]);

		await change('assets', b.key, { notes: 'CCN alarm: high discharge pressure' });
		await change('assets', a.key, { notes: 'Alarm cleared' });
		const next = records(await trigger.poll());
		expect(next.map((r) => [r.key, r.notes])).toEqual([
			[b.key, 'CCN alarm: high discharge pressure'],
			[a.key, 'Alarm cleared'],
		]);
		expect(await trigger.poll()).toBeNull();
	});

	test('records sharing updatedAt across page boundaries are neither lost nor repeated (1,000 assets, 48 sync instants)', async () => {
		await restartSandbox({ assets: 1000 });
		const all = rows('assets');
		const instants = new Set(all.map((r) => r.updatedAt));
		expect(instants.size).toBeLessThanOrEqual(48); // ~20 records per timestamp, so ties straddle every page boundary

		const trigger = poller({ resource: 'assets', startFrom: BEFORE_SEED });
		const emitted = keys(await trigger.poll());
		expect(emitted).toHaveLength(all.length);
		expect(new Set(emitted).size).toBe(all.length);
		expect([...emitted].sort()).toEqual(all.map((r) => r.key).sort());

		// The cursor sits on the newest instant with all its keys: nothing at that timestamp comes back.
		expect(await trigger.poll()).toBeNull();
		const latest = await change('assets', all[500].key, { notes: 'CCN alarm: high discharge pressure' });
		expect(keys(await trigger.poll())).toEqual([latest.key]);
	});

	test('records changing while a poll pages through them shift no unread record out of sight', async () => {
		await restartSandbox({ assets: 1000 });
		const all = rows('assets');
		const oldestFirst = [...all].sort((a, b) => String(a.updatedAt).localeCompare(String(b.updatedAt)) || a.key.localeCompare(b.key));
		const trigger = poller({ resource: 'assets', startFrom: BEFORE_SEED });

		sandbox.setScenario(ccn().id, { latencyMs: 60 });
		const before = sandbox.stats(ccn().id).requests;
		const polling = trigger.poll();
		while (sandbox.stats(ccn().id).requests < before + 1) await new Promise((resolve) => setTimeout(resolve, 2));
		// Records from the first page move to the end; with plain page numbers the unread ones would slide onto page 1.
		const moved = oldestFirst.slice(0, 30);
		await Promise.all(moved.map((r) => change('assets', r.key, { notes: 'moved during the poll' })));
		const emitted = records(await polling);
		sandbox.resetScenarios();

		expect(new Set(emitted.map((r) => r.key)).size).toBe(emitted.length);
		expect(emitted.map((r) => r.key).sort()).toEqual(all.map((r) => r.key).sort());
		expect(emitted.filter((r) => r.notes === 'moved during the poll')).toHaveLength(30);
		expect(await trigger.poll()).toBeNull();
	});

	test('a poll interrupted by a 500 halfway throws, keeps the cursor, and the next poll reads everything once', async () => {
		await restartSandbox({ assets: 1000 });
		const total = rows('assets').length;
		const trigger = poller({ resource: 'assets', startFrom: BEFORE_SEED });

		sandbox.setScenario(ccn().id, { latencyMs: 40 });
		const before = sandbox.stats(ccn().id).requests;
		const interrupted = trigger.poll();
		const failed = expect(interrupted).rejects.toThrow();
		while (sandbox.stats(ccn().id).requests < before + 2) await new Promise((resolve) => setTimeout(resolve, 5));
		sandbox.setScenario(ccn().id, { latencyMs: 0, errorRate: 1, errorStatuses: [500] });
		await failed;
		expect(trigger.savedNodeData.cursor).toBeUndefined();

		sandbox.resetScenarios();
		const emitted = keys(await trigger.poll());
		expect(emitted).toHaveLength(total);
		expect(new Set(emitted).size).toBe(total);
		const cursor = trigger.savedNodeData.cursor as { updatedAt: string; keys: string[] };

		// Later changes, then a failing poll: the stored cursor does not move and the changes come next time.
		const [x, y] = rows('assets').slice(10, 12);
		await change('assets', x.key, { notes: 'CCN alarm: high discharge pressure' });
		await change('assets', y.key, { notes: 'CCN alarm: high discharge pressure' });
		sandbox.setScenario(ccn().id, { errorRate: 1, errorStatuses: [500] });
		await expect(trigger.poll()).rejects.toThrow();
		expect(trigger.savedNodeData.cursor).toEqual(cursor);
		sandbox.resetScenarios();
		expect(keys(await trigger.poll())).toEqual([x.key, y.key]);
	});

	test('the cursor survives a restart of n8n once a poll has emitted', async () => {
		const trigger = poller({});
		await trigger.poll();
		const [w1, w2] = rows('work-orders');
		await change('work-orders', w1.key, { severity: 'urgent' });
		expect(keys(await trigger.poll())).toEqual([w1.key]);

		trigger.restart();
		await change('work-orders', w2.key, { severity: 'urgent' });
		expect(keys(await trigger.poll())).toEqual([w2.key]);
	});

	test('a start date emits what changed since then on the first poll', async () => {
		const all = rows('service-requests');
		const since = [...all.map((r) => String(r.updatedAt))].sort()[Math.floor(all.length / 2)];
		const trigger = poller({ resource: 'service-requests', startFrom: since });
		const expected = all.filter((r) => String(r.updatedAt) >= since).map((r) => r.key);
		const emitted = keys(await trigger.poll());
		expect(emitted.length).toBeGreaterThan(0);
		expect([...emitted].sort()).toEqual([...expected].sort());
		expect(await trigger.poll()).toBeNull();
	});

	test('filters narrow what triggers (a blank row is ignored); changing resource or filters starts a fresh cursor', async () => {
		const [a, b] = rows('assets').slice(0, 2);
		const trigger = poller({
			resource: 'assets',
			filters: {
				filter: [
					{ field: '', operator: 'equals', value: '' },
					{ field: 'criticality', operator: 'equals', value: 'critical' },
				],
			},
		});
		await trigger.poll();
		await change('assets', a.key, { criticality: 'critical' });
		await change('assets', b.key, { criticality: 'low' });
		expect(keys(await trigger.poll())).toEqual([a.key]);

		trigger.setParameters({ event: 'recordChanged', resource: 'assets' });
		expect(await trigger.poll()).toBeNull(); // new query: starts from now again
		await change('assets', b.key, { criticality: 'medium' });
		expect(keys(await trigger.poll())).toEqual([b.key]);
	});

	test('a bad filter field or operator fails the poll, naming the row, before any request', async () => {
		const before = sandbox.stats(ccn().id).requests;
		const badField = poller({
			filters: {
				filter: [
					{ field: '', operator: 'equals', value: '' },
					{ field: 'status]&filter[x', operator: 'equals', value: 'open' },
				],
			},
		});
		await expect(badField.poll()).rejects.toThrow(NodeOperationError);
		await expect(badField.poll()).rejects.toThrow('Filters › Field 2: "status]&filter[x" is not a field name');

		const badOperator = poller({ filters: { filter: [{ field: 'status', operator: 'like', value: 'open' }] } });
		await expect(badOperator.poll()).rejects.toThrow('Filters › Operator 1: unknown operator "like"');
		expect(sandbox.stats(ccn().id).requests).toBe(before);
	});

	test('a manual run returns a sample of the latest records without moving the cursor', async () => {
		const trigger = poller({});
		await trigger.poll();
		const [w] = rows('work-orders');
		const changed = await change('work-orders', w.key, { severity: 'high' });

		const sample = records(await trigger.poll('manual'));
		expect(sample).toHaveLength(3);
		expect(sample[0].key).toBe(changed.key);
		const times = sample.map((r) => String(r.updatedAt));
		expect([...times].sort().reverse()).toEqual(times);

		expect(keys(await trigger.poll())).toEqual([w.key]);
	});
});

describe('Makini Polling Trigger: every listable entity', () => {
	// The published list paths /api/eam/<entity> (status lists and work-order sub-lists are not entities) and the
	// clock each one's component publishes.
	const published = (() => {
		const spec = JSON.parse(readFileSync(join(__dirname, '../../sandbox/openapi/openapi-eam.json'), 'utf8'));
		const resolve = (schema: IDataObject): IDataObject =>
			schema.$ref ? resolve(String(schema.$ref).split('/').slice(1).reduce((o: IDataObject, k) => o[k] as IDataObject, spec)) : schema;
		return Object.entries(spec.paths as Record<string, IDataObject>)
			.filter(([path, item]) => /^\/api\/eam\/[^/{}]+$/.test(path) && item.get)
			.map(([path, item]) => {
				const list = resolve((item.get as any).responses['200'].content['application/json'].schema);
				const record = resolve(resolve((list.properties as any).data).items as IDataObject);
				const fields = Object.keys(record.properties as IDataObject);
				const clock = fields.includes('updatedAt') ? 'updatedAt' : fields.includes('createdAt') ? 'createdAt' : undefined;
				return { entity: path.slice('/api/eam/'.length), clock };
			});
	})();
	const resourceProperty = new MakiniPollingTrigger().description.properties.find((p) => p.name === 'resource')!;

	test('the Resource list offers every published list with updatedAt or createdAt, each read by that clock', () => {
		const offered = (resourceProperty.options as Array<{ value: string }>).map((o) => o.value).sort();
		expect(offered).toEqual(published.filter((p) => p.clock).map((p) => p.entity).sort());
		expect(offered.length).toBeGreaterThanOrEqual(26);
		for (const { entity, clock } of published.filter((p) => p.clock)) expect([entity, clockOf(entity)]).toEqual([entity, clock]);
		expect(clockOf('meter-readings')).toBe('createdAt');
	});

	test('lists without a clock are left out, and the description says why', async () => {
		const without = published.filter((p) => !p.clock).map((p) => p.entity);
		expect(without).toEqual(['uom']);
		expect(resourceProperty.description).toMatch(/Units of measure are not offered: they publish no updatedAt or createdAt/);
		// A saved workflow naming such a list fails with the reason instead of polling without a clock.
		await expect(poller({ resource: 'uom' }).poll()).rejects.toThrow('"uom" cannot be polled for changes: its records publish no updatedAt or createdAt');
	});

	test.each([
		['purchase-orders', { notes: 'Expedite: chiller down' }, { title: '19XR oil filters' }],
		['materials', { notes: 'Superseded by HC99CA121' }, { name: '19XRV VFD cooling fan' }],
		['return-orders', { notes: 'Carrier RMA 4471' }, { title: 'Return damaged filters' }],
		['stocks', { position: 'Bin C-3' }, { materialKey: undefined }],
	])('%s: a change and an insert in the source system are each emitted once', async (entity, patch, insert) => {
		const trigger = poller({ resource: entity });
		expect(await trigger.poll()).toBeNull();
		const [existing] = rows(entity);
		const updated = await change(entity, existing.key, patch);
		const body = 'materialKey' in insert ? { materialKey: rows('materials')[0].key } : insert;
		const inserted = await change(entity, undefined, body);
		const emitted = records(await trigger.poll());
		expect(emitted.map((r) => r.key)).toEqual([existing.key, inserted.key]);
		expect(emitted[0]).toMatchObject({ ...patch, updatedAt: updated.updatedAt });
		expect(await trigger.poll()).toBeNull();
	});
});

describe('Makini Polling Trigger: sync status', () => {
	test('fires when the sync status changes (fail = reauthorization needed) and again when it recovers', async () => {
		const trigger = poller({ event: 'syncStatusChanged' });
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();

		sandbox.setScenario(ccn().id, { reauthorizationRequired: true });
		const failed = records(await trigger.poll());
		expect(failed).toEqual([
			expect.objectContaining({ syncStatus: 'fail', previousSyncStatus: 'done', reauthorizationRequired: true }),
		]);
		expect((failed[0].connection as IDataObject).id).toBe(ccn().id);
		expect(await trigger.poll()).toBeNull();

		sandbox.resetScenarios();
		expect(records(await trigger.poll())).toEqual([
			expect.objectContaining({ syncStatus: 'done', previousSyncStatus: 'fail', reauthorizationRequired: false }),
		]);
	});

	test('fires at activation when the connection is already failing', async () => {
		sandbox.setScenario(ccn().id, { reauthorizationRequired: true });
		const trigger = poller({ event: 'syncStatusChanged' });
		expect(records(await trigger.poll())).toEqual([
			expect.objectContaining({ syncStatus: 'fail', previousSyncStatus: null, reauthorizationRequired: true }),
		]);
		expect(await trigger.poll()).toBeNull();
	});

	test('a manual run returns the current status', async () => {
		const trigger = poller({ event: 'syncStatusChanged' });
		expect(records(await trigger.poll('manual'))).toEqual([
			expect.objectContaining({ syncStatus: 'done', previousSyncStatus: null, reauthorizationRequired: false }),
		]);
	});
});

// A server capping per_page below what the trigger asks (200), and one serving the v4 record shape.
describe.each<[string, SandboxOptions['settings']]>([
	['per_page capped at 5, v4 records', { maxPerPage: 5, recordShape: 'v4' }],
	['per_page capped at 100', { maxPerPage: 100 }],
])('Makini Polling Trigger: %s', (_name, settings) => {
	test('a tie group larger than a page is read whole in one poll, each record once, and the cursor moves on', async () => {
		await restartSandbox({ assets: 1000, settings });
		const all = rows('assets');
		const trigger = poller({ resource: 'assets', startFrom: BEFORE_SEED });
		const emitted = keys(await trigger.poll());
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...emitted].sort()).toEqual(all.map((r) => r.key).sort());
		expect(await trigger.poll()).toBeNull();
		const latest = await change('assets', all[500].key, { notes: 'CCN alarm: high discharge pressure' });
		expect(keys(await trigger.poll())).toEqual([String(latest.key ?? latest.id)]);
	});

	test('new meter readings trigger by createdAt (readings have no updatedAt), each once', async () => {
		await restartSandbox({ settings });
		const trigger = poller({ resource: 'meter-readings' });
		expect(await trigger.poll()).toBeNull();
		const [reading] = rows('meter-readings');
		const createdAt = new Date(Date.parse('2026-10-02T00:00:00.000Z')).toISOString();
		const inserted = await change('meter-readings', undefined, {
			assetKey: reading.assetKey,
			meterKey: reading.meterKey,
			reading: '50123.5',
			createdAt,
		});
		const emitted = records(await trigger.poll());
		expect(emitted.map((r) => String(r.key ?? r.id))).toEqual([String(inserted.key ?? inserted.id)]);
		expect(emitted[0]).toMatchObject({ reading: '50123.5' });
		expect(await trigger.poll()).toBeNull();
	});
});
