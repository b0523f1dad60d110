import axios from 'axios';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { Makini } from '../../nodes/Makini/Makini.node';
import { MakiniPollingTrigger } from '../../nodes/Makini/MakiniPollingTrigger.node';
import { MakiniSystem } from '../../nodes/Makini/MakiniSystem.node';
import { runNode } from '../harness/execute';
import { useSandbox } from '../harness/sandbox';
import { TriggerHarness } from '../harness/trigger';

// The examples' own node parameters and Code, run node by node against the strict sandbox in both record shapes.
jest.setTimeout(60_000);

const fx = useSandbox();
const node = new Makini();
interface ExampleNode {
	name: string;
	parameters: INodeParameters & { jsCode?: string };
	executeOnce?: boolean;
	credentials?: Record<string, { id: string; name: string }>;
}
const example = (file: string) => {
	const nodes = (JSON.parse(readFileSync(join(__dirname, '../../examples', file), 'utf8')) as { nodes: ExampleNode[] }).nodes;
	return (name: string) => nodes.find((n) => n.name === name)!;
};
const records = (connection: 'ccn' | 'cmms', entity: string) => fx.sandbox.records(connection, entity) as IDataObject[];
const keyOf = (r: IDataObject) => String(r.key ?? r.id);

async function step(n: ExampleNode, items: INodeExecutionData[], connection: 'ccn' | 'cmms' = 'ccn') {
	const input = n.executeOnce ? items.slice(0, 1) : items;
	return (await runNode({ node, parameters: n.parameters, items: input, credentials: fx.tokenCredentials(connection) }))[0];
}

/** A Code node's JavaScript with n8n's `$input` and `$('Node')` over the items the test ran. */
function code(n: ExampleNode, input: INodeExecutionData[], named: Record<string, INodeExecutionData[]>): INodeExecutionData[] {
	const run = new Function('$input', '$', n.parameters.jsCode!) as (i: unknown, d: unknown) => INodeExecutionData[];
	return run({ all: () => input }, (name: string) => ({ all: () => named[name] }));
}

describe.each([['published shape', 'key'], ['v4 records', 'v4']] as const)('%s', (_name, recordShape) => {
	beforeAll(() => fx.sandbox.configure({ recordShape }));
	afterAll(() => fx.sandbox.resetSettings());

	test('example 1: one service request per outage, from the resolved record', async () => {
		const node1 = example('1-ccn-alarm-to-service-request.json');
		// A new CCN alarm (open downtime after the seeded data) on a chiller, another one per record shape.
		const assetKey = records('ccn', 'assets').filter((a) => String(a.categoryName).includes('Chiller'))[recordShape === 'key' ? 0 : 1].key as string;
		await axios.post(`${fx.sandbox.url}/__sandbox/connections/ccn/changes`, {
			entity: 'assets-downtime',
			patch: { assetKey, description: 'CCN alarm 140: compressor high discharge temperature', startedAt: '2026-10-02T00:00:00.000Z', endedAt: null },
		});
		await axios.post(`${fx.sandbox.url}/__sandbox/connections/ccn/changes`, { entity: 'assets', key: assetKey, patch: { criticality: 'high' } });
		const [resolved] = await runNode({ node, parameters: { resource: 'asset', operation: 'get', assetKey: { __rl: true, mode: 'key', value: assetKey } }, credentials: fx.tokenCredentials() });
		const delivery = [{ json: { event: 'assets.updated', entity: 'assets', recordId: assetKey, record: resolved[0].json } }];

		const before = fx.sandbox.stats('ccn').requests;
		const snapshots = await step(node1('Get Snapshot'), delivery);
		expect(snapshots[0].json.asset).toEqual(resolved[0].json);
		const open = records('ccn', 'assets-downtime').filter((d) => d.assetKey === assetKey && d.endedAt === null);
		expect((snapshots[0].json.openDowntime as IDataObject[]).map(keyOf).sort()).toEqual(open.map((d) => String(d.key)).sort());
		// The asset is not read again: no GET /assets/<key> among the snapshot's requests.
		expect(fx.sandbox.stats('ccn').requests - before).toBeLessThanOrEqual(4 + 5);
		const downAndCritical = snapshots.filter((s) => (s.json.summary as IDataObject).isDown && (s.json.asset as IDataObject).criticality === 'high');
		expect(downAndCritical).toHaveLength(1);

		const raiseIfNew = async () => {
			const requests = await step(node1('Requests of the Asset'), downAndCritical);
			return code(node1('No Request Yet?'), requests, { 'Down and Critical?': downAndCritical });
		};
		const due = await raiseIfNew();
		expect(due).toHaveLength(1);
		const [created] = await step(node1('Create Service Request'), due);
		expect(created.json).toMatchObject({ assetKey, title: expect.stringContaining(String((snapshots[0].json.openDowntime as IDataObject[])[0].description)) });
		// The next alarm for the same outage raises nothing.
		expect(await raiseIfNew()).toHaveLength(0);
	});

	test('example 2: run-hours meters, latest readings and open RH work orders without null filters', async () => {
		const node2 = example('2-chiller-run-hours-maintenance.json');
		const chillers = await step(node2('Chillers'), [{ json: {} }]);
		expect(chillers.length).toBeGreaterThan(1);
		const meters = await step(node2('Run-Hours Meter'), chillers);
		expect(meters).toHaveLength(chillers.length);
		expect(meters.every((m) => m.json.uomName === 'hours')).toBe(true);
		const readings = await step(node2('Latest Reading'), meters);
		const stored = records('ccn', 'meter-readings');
		for (const r of readings) {
			const newest = stored.filter((s) => s.meterKey === r.json.meterKey).sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)))[0];
			expect(keyOf(r.json)).toBe(newest.key);
		}
		const workOrders = await step(node2('Run-Hours Work Orders'), readings, 'cmms');
		const run = () => code(node2('Crossed Service Interval?'), workOrders, { Chillers: chillers, 'Latest Reading': readings });
		const expected = readings
			.map((r) => Number(r.json.reading))
			.filter((h) => Math.floor(h / 2000) >= 1 && h - Math.floor(h / 2000) * 2000 <= 168);
		expect(run().map((d) => d.json.runHours)).toEqual(expected);
	});

	test('example 6: provisions a connection, reads it with the token of the input item, tags it', async () => {
		const node6 = example('6-provision-connection.json');
		const system = new MakiniSystem();
		const admin = { makiniSystemApi: { baseUrl: `${fx.sandbox.url}/`, clientId: fx.sandbox.oauthClient.clientId, clientSecret: fx.sandbox.oauthClient.clientSecret } };
		const runSystem = async (n: ExampleNode, items: INodeExecutionData[]) =>
			(await runNode({ node: system, parameters: n.parameters, items: n.executeOnce ? items.slice(0, 1) : items, credentials: admin }))[0];

		const [created] = await runSystem(node6('Create Connection'), [{ json: {} }]);
		const key = String(created.json.key);
		expect(created.json).toMatchObject({ access_token: expect.any(String), key: expect.stringMatching(/^conn_/) });
		// The new connection's source system delivers one asset before the token is used.
		await axios.post(`${fx.sandbox.url}/__sandbox/connections/${key}/changes`, { entity: 'assets', patch: { name: 'Lakeshore chiller 1' } });
		const tokens = await runSystem(node6('Create Token'), [created]);
		expect(tokens).toHaveLength(1);
		expect(tokens[0].json.token).toEqual(expect.any(String));

		// The Makini API credential of the read node takes its Connection Token from the input item, as in n8n.
		const read = node6('Read Assets With The New Token');
		expect(Object.keys(read.credentials ?? {})).toEqual(['makiniApi']);
		const before = fx.sandbox.stats(key).requests;
		const [assets] = await runNode({ node, parameters: read.parameters, items: tokens, credentials: { makiniApi: { baseUrl: `${fx.sandbox.url}/`, token: '={{ $json.token }}' } } });
		expect(assets.map((a) => a.json[recordShape === 'v4' ? '_displayValue' : 'name'])).toEqual(['Lakeshore chiller 1']);
		expect(fx.sandbox.stats(key).requests).toBeGreaterThan(before); // read as the new connection, not another one

		const metadata = node6('Set Metadata');
		const entries = (metadata.parameters.metadata as { entries: Array<{ key: string; value: string }> }).entries;
		expect(metadata.parameters.connectionKey).toBe("={{ $('Create Connection').first().json.key }}");
		const [tagged] = await runSystem({ ...metadata, parameters: { ...metadata.parameters, connectionKey: key, metadata: { entries: entries.map((e) => ({ key: e.key, value: e.key === 'assets_at_start' ? String(assets.length) : e.value })) } } }, assets);
		expect(tagged.json).toMatchObject({ key, metadata: { provisioned_by: 'n8n', assets_at_start: '1' } });
	});

	test('example 5: alerts at activation when the connection is already failing', async () => {
		const node5 = example('5-connection-health.json')('Sync Status Changed');
		fx.sandbox.setScenario('ccn', { reauthorizationRequired: true });
		const trigger = new TriggerHarness({ node: new MakiniPollingTrigger(), parameters: node5.parameters, credentials: fx.tokenCredentials() });
		const fired = await trigger.poll();
		expect(fired?.[0].map((i) => i.json)).toEqual([expect.objectContaining({ reauthorizationRequired: true, previousSyncStatus: null })]);
	});
});
