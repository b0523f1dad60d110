import axios from 'axios';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { MakiniPollingTrigger } from '../../nodes/Makini/MakiniPollingTrigger.node';
import { TriggerHarness } from '../harness/trigger';
import { recordFigures } from './support/figures';
import { runMakini, sandboxSecrets } from './support/nodeRun';
import { useProxiedSandbox } from './support/proxiedSandbox';

// Records inserted and updated between two page reads (test-side hook in the proxy, changes through the
// sandbox's control endpoint, as if they came from the source system).
const env = useProxiedSandbox({ assets: 2000 });
const { fx, scan } = env;

async function change(key: string | undefined, patch: IDataObject): Promise<IDataObject> {
	const { data } = await axios.post(`${fx.sandbox.url}/__sandbox/connections/ccn/changes`, { entity: 'assets', key, patch });
	return data.data as IDataObject;
}
const assetKeys = () => fx.sandbox.records('ccn', 'assets').map((r) => String(r.key));
const credentials = () => ({ makiniApi: { baseUrl: env.proxy.url, token: fx.sandbox.connections.ccn.token } });
const duplicates = (keys: string[]) => keys.length - new Set(keys).size;

/** Runs `act` once, just before the n-th request through the proxy is forwarded. */
function beforeRequest(n: number, act: () => Promise<void>) {
	let count = 0;
	env.proxy.before = async () => {
		count += 1;
		if (count === n) await act();
	};
}

describe('Get Many (page-based) while the data changes', () => {
	test('inserts ahead of the read position shift records onto the next page: no record is emitted twice, none is lost', async () => {
		const before = assetKeys();
		const inserted: string[] = [];
		// Before pages 2 and 3: three records whose keys sort first (every later record moves down by three),
		// and an update of a record on a page already read.
		const act = async () => {
			for (let i = 0; i < 3; i++) inserted.push(String((await change(`0300000000${String(inserted.length).padStart(4, '0')}`, { name: 'Inserted while paging' })).key));
			await change(before[10], { notes: 'updated while paging' });
		};
		let count = 0;
		env.proxy.before = async (request) => {
			if (request.page !== undefined && request.page > 1 && request.page < 4 && ++count <= 2) await act();
		};
		const run = await runMakini(scan, credentials(), { resource: 'asset', operation: 'getAll', returnAll: true, simplify: false });
		const keys = run.json.map((r) => String(r.key));
		const missing = before.filter((k) => !keys.includes(k));
		recordFigures('paging-inserts', { recordsBefore: before.length, insertedWhilePaging: inserted.length, emitted: keys.length, emittedTwice: duplicates(keys), lost: missing.length });
		expect(run.error).toBeUndefined();
		expect(duplicates(keys)).toBe(0);
		expect(missing).toEqual([]);
	});

	test('updates under Updated Since (sorted by updatedAt) move records behind the read position: no duplicates, and the gap is bounded and documented', async () => {
		const since = '2000-01-01T00:00:00.000Z';
		const before = assetKeys();
		const oldest = fx.sandbox
			.records('ccn', 'assets')
			.slice()
			.sort((a, b) => String(a.updatedAt).localeCompare(String(b.updatedAt)) || String(a.key).localeCompare(String(b.key)))
			.slice(0, 3)
			.map((r) => String(r.key));
		const updated: string[] = [];
		// Before page 2: three records of page 1 change, jump to the end of the updatedAt order, and every record
		// behind them moves up by three, so three records cross from page 2 onto page 1 (already read).
		beforeRequest(2, async () => {
			for (const key of oldest) updated.push(String((await change(key, { notes: 'updated while paging' })).key));
		});
		const run = await runMakini(scan, credentials(), { resource: 'asset', operation: 'getAll', returnAll: true, simplify: false, updatedSince: since });
		const keys = run.json.map((r) => String(r.key));
		const missing = before.filter((k) => !keys.includes(k));
		recordFigures('paging-updates-sorted-by-updatedAt', { recordsBefore: before.length, updatedWhilePaging: updated.length, emitted: keys.length, emittedTwice: duplicates(keys), missedThisListing: missing.length });
		expect(run.error).toBeUndefined();
		expect(duplicates(keys)).toBe(0);
		// Page-based reads cannot promise more: at most one record per change made during the listing is missed.
		expect(missing.length).toBeLessThanOrEqual(updated.length);
		// The changed records themselves are read (at their new place); what can be missed are unchanged ones.
		expect(updated.every((k) => keys.includes(k))).toBe(true);
	});
});

describe('Polling Trigger cursor while the data changes', () => {
	const records = (result: INodeExecutionData[][] | null) => {
		scan.add('poll output', result);
		return result ? result[0].map((item) => item.json) : [];
	};

	test('changes during a poll are emitted once per poll, and the next poll picks up what changed meanwhile', async () => {
		const harness = new TriggerHarness({
			node: new MakiniPollingTrigger(),
			parameters: { event: 'recordChanged', resource: 'assets' },
			credentials: credentials(),
		});
		expect(await harness.poll()).toBeNull(); // first activation: cursor at the newest record
		const all = assetKeys();
		const changedBefore = all.slice(0, 450);
		for (const key of changedBefore) await change(key, { notes: 'changed before the poll' });

		const midPoll: string[] = [];
		env.proxy.seen.length = 0;
		beforeRequest(2, async () => {
			// Two already emitted (first page), two not yet read, two new records.
			for (const key of [changedBefore[0], changedBefore[1], changedBefore[300], changedBefore[301]]) midPoll.push(String((await change(key, { notes: 'changed during the poll' })).key));
			for (let i = 0; i < 2; i++) midPoll.push(String((await change(undefined, { name: `Inserted during the poll ${i}` })).key));
		});
		const firstRecords = records(await harness.poll());
		const first = firstRecords.map((r) => String(r.key));
		env.proxy.before = undefined;
		const second = records(await harness.poll()).map((r) => String(r.key));
		const third = await harness.poll();
		recordFigures('polling-cursor', {
			changedBeforePoll: changedBefore.length,
			changedDuringPoll: midPoll.length,
			firstPollEmitted: first.length,
			firstPollDuplicates: duplicates(first),
			secondPollEmitted: second.length,
			thirdPollEmitted: third === null ? 0 : third[0].length,
		});
		expect(duplicates(first)).toBe(0);
		expect(duplicates(second)).toBe(0);
		// Nothing that changed is lost across polls.
		const seen = new Set([...first, ...second]);
		expect([...changedBefore, ...midPoll].filter((k) => !seen.has(k))).toEqual([]);
		// A record read and then changed again during the same poll is read again at its new place (keyset paging
		// restarts from the newest updatedAt seen) and emitted once, in its newest version.
		for (const key of midPoll.slice(0, 4)) {
			if (first.includes(key)) expect(firstRecords.find((r) => r.key === key)?.notes).toBe('changed during the poll');
		}
		// Whatever the first poll could not see comes in the next one, and only that.
		expect(second.every((k) => midPoll.includes(k))).toBe(true);
		expect(third).toBeNull();
	}, 60_000);

	test('a poll that fails halfway keeps the old cursor: the next poll emits every change, once', async () => {
		const harness = new TriggerHarness({
			node: new MakiniPollingTrigger(),
			parameters: { event: 'recordChanged', resource: 'assets' },
			credentials: credentials(),
		});
		expect(await harness.poll()).toBeNull();
		const changed = assetKeys().slice(500, 950);
		for (const key of changed) await change(key, { notes: 'changed before a failing poll' });
		// The source fails from the poll's second page on, past every retry.
		env.proxy.seen.length = 0;
		beforeRequest(2, async () => fx.sandbox.setScenario('ccn', { errorRate: 1, errorStatuses: [502] }));
		const failure = (await harness.poll().then(() => undefined, (error: Error) => error))!;
		scan.add('error', failure);
		expect(failure.message).toMatch(/UPSTREAM_ERROR/);
		env.proxy.before = undefined;
		fx.sandbox.resetScenarios();
		const next = records(await harness.poll()).map((r) => String(r.key));
		recordFigures('polling-after-failed-poll', { changed: changed.length, failedPollRequests: env.proxy.seen.length, nextPollEmitted: next.length, duplicates: duplicates(next) });
		expect(duplicates(next)).toBe(0);
		expect(next.slice().sort()).toEqual(changed.slice().sort());
		expect(await harness.poll()).toBeNull();
	}, 60_000);
});

test('no secret in any output, error or log line', () => {
	expect(scan.size).toBeGreaterThan(2);
	recordFigures('secret-scan-changing-data', scan.counts());
	expect(scan.findings(sandboxSecrets(fx.sandbox))).toEqual([]);
});
