import type { IDataObject } from 'n8n-workflow';

import { Makini } from '../../nodes/Makini/Makini.node';
import { runNode } from '../harness/execute';
import { useSandbox } from '../harness/sandbox';

const fx = useSandbox();
const node = new Makini();
const records = (entity: string) => fx.sandbox.records('ccn', entity) as IDataObject[];

/** The snapshot computed straight from the sandbox's data, to compare with the node's. */
function expectedSnapshot(assetKey: string) {
	const meters = records('meters').filter((m) => m.assetKey === assetKey);
	const readings = records('meter-readings').filter((r) => r.assetKey === assetKey);
	const latest = (meterKey: unknown) =>
		readings.filter((r) => r.meterKey === meterKey).sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)))[0] ?? null;
	return {
		asset: records('assets').find((a) => a.key === assetKey),
		meters: meters.map((m) => ({ ...m, latestReading: latest(m.key) })),
		openDowntime: records('assets-downtime').filter((d) => d.assetKey === assetKey && d.endedAt === null),
		openWorkOrders: records('work-orders').filter(
			(w) => w.assetKey === assetKey && !w.completedAt && !/^(complete|closed?|cancel)/i.test(String(w.status)),
		),
	};
}

test('one item per input asset: meters with latest readings, open downtime, open work orders', async () => {
	// Assets that exercise every part: one with open downtime, one with open work orders, one with meters.
	const down = records('assets-downtime').find((d) => d.endedAt === null)!.assetKey as string;
	const busy = records('work-orders').find((w) => !w.completedAt)!.assetKey as string;
	const metered = records('meters')[0].assetKey as string;
	const keys = [down, busy, metered];

	const requestsBefore = fx.sandbox.stats('ccn').requests;
	const [output] = await runNode({
		node,
		parameters: { resource: 'asset', operation: 'getSnapshot', assetKey: { __rl: true, mode: 'key', value: '={{ $json.assetKey }}' } },
		credentials: fx.tokenCredentials(),
		items: keys.map((assetKey) => ({ json: { assetKey } })),
	});
	const requests = fx.sandbox.stats('ccn').requests - requestsBefore;

	expect(output).toHaveLength(3);
	output.forEach((item, index) => {
		const expected = expectedSnapshot(keys[index]);
		expect(item.pairedItem).toEqual({ item: index });
		expect(item.json).toMatchObject(expected);
		expect(item.json.summary).toEqual({
			assetKey: keys[index],
			name: expected.asset!.name,
			meterCount: expected.meters.length,
			isDown: expected.openDowntime.length > 0,
			openDowntimeCount: expected.openDowntime.length,
			openWorkOrderCount: expected.openWorkOrders.length,
		});
	});
	expect((output[0].json.summary as IDataObject).isDown).toBe(true);
	expect((output[1].json.summary as IDataObject).openWorkOrderCount).toBeGreaterThan(0);
	const meters = output[2].json.meters as IDataObject[];
	expect(meters.length).toBeGreaterThan(1);
	expect(meters.every((m) => m.latestReading !== null)).toBe(true);
	// List filters, not a request per meter: asset, meters, downtime, work orders, readings = 5 per asset.
	expect(requests).toBe(15);
});

test('an unknown asset fails with 404 before the related lists are read', async () => {
	const before = fx.sandbox.stats('ccn').requests;
	const error = await runNode({
		node,
		parameters: { resource: 'asset', operation: 'getSnapshot', assetKey: { __rl: true, mode: 'key', value: 'no-such-asset' } },
		credentials: fx.tokenCredentials(),
	}).catch((e: Error & { httpCode?: string }) => e);
	expect((error as { httpCode?: string }).httpCode).toBe('404');
	expect(fx.sandbox.stats('ccn').requests - before).toBe(1);
});

test('Snapshot Of "Assets Matching Filters": one item per matching asset, all paired with the input item', async () => {
	const chillers = records('assets').filter((a) => String(a.categoryName).includes('Chiller'));
	expect(chillers.length).toBeGreaterThan(1);
	const [output] = await runNode({
		node,
		parameters: {
			resource: 'asset',
			operation: 'getSnapshot',
			snapshotOf: 'list',
			returnAll: true,
			filters: { conditions: [{ field: 'categoryName', operator: 'contains', value: 'Chiller' }] },
		},
		credentials: fx.tokenCredentials(),
	});
	expect(output.map((item) => (item.json.asset as IDataObject).key)).toEqual(chillers.map((c) => c.key));
	output.forEach((item) => {
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject(expectedSnapshot((item.json.asset as IDataObject).key as string));
	});

	const [limited] = await runNode({
		node,
		parameters: { resource: 'asset', operation: 'getSnapshot', snapshotOf: 'list', limit: 2 },
		credentials: fx.tokenCredentials(),
	});
	expect(limited.map((item) => (item.json.summary as IDataObject).assetKey)).toEqual(records('assets').slice(0, 2).map((a) => a.key));
});
