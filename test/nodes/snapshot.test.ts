import type { IDataObject } from 'n8n-workflow';

import { Makini } from '../../nodes/Makini/Makini.node';
import type { Settings } from '../../sandbox/types';
import { runNode } from '../harness/execute';
import { useRecorder } from '../harness/recorder';
import { useSandbox } from '../harness/sandbox';

// Snapshot, Open Only, meters by asset and Updated Since on documented behaviour only, against the strict sandbox
// under the settings a real Makini may use: its published shape, a per_page cap of 5 with the v4 record shape
// and {status, errors} bodies, and a cap of 100.
const fx = useSandbox();
const recorder = useRecorder(fx);
const node = new Makini();
const records = (entity: string) => fx.sandbox.records('ccn', entity) as IDataObject[];
const keyOf = (r: IDataObject) => String(r.key ?? r.id);
const keys = (list: unknown) => (list as IDataObject[]).map(keyOf);
const itemKeys = (items: Array<{ json: IDataObject }>) => items.map((item) => keyOf(item.json));

async function run(parameters: IDataObject, items?: IDataObject[], credentials = fx.tokenCredentials()) {
	const [output] = await runNode({
		node,
		parameters: parameters as never,
		credentials,
		items: items?.map((json) => ({ json })),
	});
	return output;
}

/** The snapshot computed straight from the stored (key-shape) data. */
function expectedSnapshot(assetKey: string) {
	const meters = records('meters').filter((m) => (m.assetKeys as string[]).includes(assetKey));
	const latest = (meterKey: unknown) =>
		records('meter-readings')
			.filter((r) => r.meterKey === meterKey)
			.sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)))[0];
	return {
		meters: meters.map((m) => m.key),
		latest: meters.map((m) => latest(m.key)?.key ?? null),
		openDowntime: records('assets-downtime')
			.filter((d) => d.assetKey === assetKey && d.endedAt === null)
			.sort((a, b) => String(b.startedAt).localeCompare(String(a.startedAt)))
			.map((d) => d.key),
		openWorkOrders: records('work-orders')
			.filter((w) => w.assetKey === assetKey && !w.completedAt && !/^(complete|closed?|cancel)/i.test(String(w.status)))
			.map((w) => w.key),
	};
}

const SETTINGS: Array<[string, Partial<Settings>]> = [
	['published shape', {}],
	['per_page capped at 5, v4 records, {status, errors} bodies', { maxPerPage: 5, recordShape: 'v4', errorForm: 'status' }],
	['per_page capped at 100', { maxPerPage: 100 }],
];

describe.each(SETTINGS)('%s', (_name, settings) => {
	beforeAll(() => fx.sandbox.configure(settings));
	afterAll(() => fx.sandbox.resetSettings());

	test('Get Snapshot: meters (by assetKeys) with latest readings, open downtime and open work orders', async () => {
		const down = records('assets-downtime').find((d) => d.endedAt === null)!.assetKey as string;
		const busy = records('work-orders').find((w) => !w.completedAt)!.assetKey as string;
		const metered = (records('meters')[0].assetKeys as string[])[0];
		const assetKeys = [down, busy, metered];
		const output = await run(
			{ resource: 'asset', operation: 'getSnapshot', assetKey: { __rl: true, mode: 'key', value: '={{ $json.assetKey }}' } },
			assetKeys.map((assetKey) => ({ assetKey })),
		);
		expect(output).toHaveLength(3);
		output.forEach((item, index) => {
			const expected = expectedSnapshot(assetKeys[index]);
			const meters = item.json.meters as IDataObject[];
			expect(keys(meters)).toEqual(expected.meters);
			expect(meters.map((m) => (m.latestReading ? keyOf(m.latestReading as IDataObject) : null))).toEqual(expected.latest);
			expect(keys(item.json.openDowntime)).toEqual(expected.openDowntime);
			expect(keys(item.json.openWorkOrders)).toEqual(expected.openWorkOrders);
			expect(item.json.summary).toMatchObject({
				assetKey: assetKeys[index],
				meterCount: expected.meters.length,
				isDown: expected.openDowntime.length > 0,
				openWorkOrderCount: expected.openWorkOrders.length,
			});
		});
		expect(expectedSnapshot(down).openDowntime.length).toBeGreaterThan(0);
		expect(expectedSnapshot(busy).openWorkOrders.length).toBeGreaterThan(0);
		expect(expectedSnapshot(metered).meters.length).toBeGreaterThan(1);
	});

	test("Get Snapshot reads a site's meters once per execution, shared by all its assets", async () => {
		const bySite = new Map<string, string[]>();
		for (const a of records('assets')) bySite.set(String(a.siteKey), [...(bySite.get(String(a.siteKey)) ?? []), String(a.key)]);
		const [[siteA, ofA], [siteB, ofB]] = [...bySite].filter(([, list]) => list.length >= 4);
		// Four assets of one site and two of another, interleaved.
		const assetKeys = [ofA[0], ofB[0], ofA[1], ofA[2], ofB[1], ofA[3]];
		const snapshot = { resource: 'asset', operation: 'getSnapshot', assetKey: { __rl: true, mode: 'key', value: '={{ $json.assetKey }}' } };
		const perPage = settings.maxPerPage ?? 500;
		const pagesOf = (site: string) => Math.max(1, Math.ceil(records('meters').filter((m) => m.siteKey === site).length / perPage));
		const meterReads = () => recorder.sent.filter((s) => s.path === '/api/eam/meters');

		for (let execution = 1; execution <= 2; execution++) {
			recorder.sent.splice(0);
			const output = await run(snapshot, assetKeys.map((assetKey) => ({ assetKey })), recorder.credentials());
			// Results as before: each asset's own meters with their latest readings.
			output.forEach((item, index) => {
				const expected = expectedSnapshot(assetKeys[index]);
				const meters = item.json.meters as IDataObject[];
				expect(keys(meters)).toEqual(expected.meters);
				expect(meters.map((m) => (m.latestReading ? keyOf(m.latestReading as IDataObject) : null))).toEqual(expected.latest);
			});
			// One read of each site's meter list (page 1 once per site, then its other pages), again in the next execution.
			const firstPages = meterReads().filter((s) => s.query.page === '1');
			expect(firstPages.map((s) => s.query['filter[siteKey]']).sort()).toEqual([siteA, siteB].sort());
			expect(meterReads()).toHaveLength(pagesOf(siteA) + pagesOf(siteB));
			// Every asset still reads its own downtime and work orders.
			const ofAsset = (path: string) => new Set(recorder.sent.filter((s) => s.path === path && s.query.page === '1').map((s) => s.query['filter[assetKey]']));
			expect(ofAsset('/api/eam/assets-downtime')).toEqual(new Set(assetKeys));
			expect(ofAsset('/api/eam/work-orders')).toEqual(new Set(assetKeys));
		}
	});

	test('Get Snapshot of every asset matching filters: one meter-list read per site', async () => {
		const assets = records('assets').filter((a) => /chiller/i.test(String(a.categoryName)));
		const sites = new Set(assets.map((a) => String(a.siteKey)));
		expect(assets.length).toBeGreaterThan(sites.size);
		recorder.sent.splice(0);
		const output = await run(
			{ resource: 'asset', operation: 'getSnapshot', snapshotOf: 'list', returnAll: true, filters: { conditions: [{ field: 'categoryName', operator: 'contains', value: 'chiller' }] } },
			undefined,
			recorder.credentials(),
		);
		expect(output.map((item) => (item.json.summary as IDataObject).assetKey)).toEqual(assets.map((a) => a.key));
		output.forEach((item, index) => expect(keys(item.json.meters)).toEqual(expectedSnapshot(String(assets[index].key)).meters));
		const firstPages = recorder.sent.filter((s) => s.path === '/api/eam/meters' && s.query.page === '1');
		expect(firstPages.map((s) => s.query['filter[siteKey]']).sort()).toEqual([...sites].sort());
	});

	test('Get Snapshot of the asset record in the input item reads no asset again', async () => {
		const asset = records('assets').find((a) => records('assets-downtime').some((d) => d.assetKey === a.key && d.endedAt === null))!;
		const [record] = await run({ resource: 'asset', operation: 'get', assetKey: { __rl: true, mode: 'key', value: asset.key } });
		const before = fx.sandbox.stats('ccn').requests;
		const [item] = await run({ resource: 'asset', operation: 'getSnapshot', snapshotOf: 'item' }, [{ record: record.json }]);
		expect(keys(item.json.openDowntime)).toEqual(expectedSnapshot(asset.key as string).openDowntime);
		expect(item.json.asset).toEqual(record.json);
		const meters = expectedSnapshot(asset.key as string).meters.length;
		// meters of the site, downtime, work orders, one page of readings; a meter without a reading there costs one more.
		expect(fx.sandbox.stats('ccn').requests - before).toBeLessThanOrEqual(settings.maxPerPage === 5 ? 4 + 40 + meters : 4 + meters);
	});

	test('Open Only downtime of an asset, and of all assets', async () => {
		const asset = records('assets-downtime').find((d) => d.endedAt === null)!.assetKey as string;
		const ofAsset = await run({ resource: 'assetDowntime', operation: 'getAll', returnAll: true, openOnly: true, assetFilter: asset });
		expect(itemKeys(ofAsset)).toEqual(records('assets-downtime').filter((d) => d.assetKey === asset && d.endedAt === null).map((d) => d.key));
		const open = records('assets-downtime').filter((d) => d.endedAt === null);
		const limited = await run({ resource: 'assetDowntime', operation: 'getAll', limit: 3, openOnly: true });
		expect(itemKeys(limited)).toEqual(open.slice(0, 3).map((d) => d.key));
	});

	test('Meters of one asset (Asset Key) and Simplify keeping the published fields', async () => {
		const assetKey = (records('meters')[3].assetKeys as string[])[0];
		const output = await run({ resource: 'meter', operation: 'getAll', returnAll: true, assetFilter: assetKey });
		const expected = records('meters').filter((m) => (m.assetKeys as string[]).includes(assetKey));
		expect(expected.length).toBeGreaterThan(1);
		expect(itemKeys(output)).toEqual(expected.map((m) => m.key));
		const updated = settings.recordShape === 'v4' ? '_updatedAt' : 'updatedAt';
		expect(Object.keys(output[0].json).sort()).toEqual(
			[settings.recordShape === 'v4' ? 'id' : 'key', ...(settings.recordShape === 'v4' ? ['_idValue', '_displayValue'] : []), 'siteKey', 'assetKeys', 'uomName', 'uomKey', 'lastReading', 'lastReadingAt', updated].sort(),
		);
	});

	test('Updated Since filters the served timestamp field, oldest change first', async () => {
		const all = records('work-orders');
		const since = [...all].map((w) => String(w.updatedAt)).sort()[Math.floor(all.length / 2)];
		const output = await run({ resource: 'workOrder', operation: 'getAll', returnAll: true, simplify: false, updatedSince: since });
		const expected = all
			.filter((w) => String(w.updatedAt) > since)
			.sort((a, b) => String(a.updatedAt).localeCompare(String(b.updatedAt)) || String(a.key).localeCompare(String(b.key)));
		expect(expected.length).toBeGreaterThan(0);
		expect(itemKeys(output)).toEqual(expected.map((w) => w.key));
	});

	test('Match Any with two conditions on the same field and operator is refused, never cut to one', async () => {
		const error = await run({
			resource: 'asset',
			operation: 'getAll',
			filterMatch: 'any',
			filters: { conditions: [{ field: 'categoryName', operator: 'equals', value: 'Chiller' }, { field: 'categoryName', operator: 'equals', value: 'Boiler' }] },
		}).catch((e: Error) => e);
		expect((error as Error).message).toMatch(/^Filters: two "any" conditions on filter\[categoryName\]/);
	});

	test('Match All with two conditions on the same field and operator honours both', async () => {
		const output = await run({
			resource: 'asset',
			operation: 'getAll',
			returnAll: true,
			filters: { conditions: [{ field: 'name', operator: 'contains', value: 'chiller' }, { field: 'name', operator: 'contains', value: '30X' }] },
		});
		const expected = records('assets').filter((a) => /chiller/i.test(String(a.name)) && /30x/i.test(String(a.name)));
		expect(expected.length).toBeGreaterThan(0);
		expect(itemKeys(output)).toEqual(expected.map((a) => a.key));
	});

	test('an unknown asset fails with 404 and its message before the related lists are read', async () => {
		const before = fx.sandbox.stats('ccn').requests;
		const error = await run({ resource: 'asset', operation: 'getSnapshot', assetKey: { __rl: true, mode: 'key', value: 'no-such-asset' } }).catch(
			(e: Error & { httpCode?: string }) => e,
		);
		expect((error as { httpCode?: string }).httpCode).toBe('404');
		expect((error as Error).message).not.toMatch(/HTTP 404/);
		expect(fx.sandbox.stats('ccn').requests - before).toBe(1);
	});
});
