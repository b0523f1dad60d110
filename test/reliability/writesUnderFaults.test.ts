import type { IDataObject } from 'n8n-workflow';

import { useSandbox } from '../harness/sandbox';
import { recordFigures } from './support/figures';
import { runMakini, sandboxSecrets } from './support/nodeRun';
import { SecretScan } from './support/secretScan';

// Creates while answers get lost after the sandbox processed them: nothing may be created twice, and every
// item whose outcome is unknown must say so. Real HTTP against the sandbox.
const fx = useSandbox();
const scan = new SecretScan();

beforeAll(() => scan.captureLogs());
afterAll(() => scan.releaseLogs());

const createAssets = (names: string[], options: IDataObject) =>
	runMakini(
		scan,
		fx.tokenCredentials(),
		{ resource: 'asset', operation: 'create', name: '={{ $json.name }}', options: { maxAttempts: 5, maxWaitSeconds: 10, ...options } },
		{ items: names.map((name) => ({ json: { name } })), continueOnFail: true },
	);

/** How many sandbox assets carry each name. */
function createdCount(names: string[]): Map<string, number> {
	const counts = new Map(names.map((n) => [n, 0]));
	for (const record of fx.sandbox.records('ccn', 'assets')) {
		const name = String(record.name);
		if (counts.has(name)) counts.set(name, counts.get(name)! + 1);
	}
	return counts;
}

test('500 creates with 10 % of answers lost: none created twice, every unknown outcome said so, records reconcile', async () => {
	const names = Array.from({ length: 500 }, (_, i) => `Reliability lost-answer ${String(i).padStart(3, '0')}`);
	fx.sandbox.setScenario('ccn', { lostResponseRate: 0.1 });
	const before = fx.sandbox.stats('ccn');
	const run = await createAssets(names, { concurrency: 5 });
	const after = fx.sandbox.stats('ccn');

	expect(run.error).toBeUndefined();
	expect(run.output).toHaveLength(500);
	const created = createdCount(names);
	const records = new Map(fx.sandbox.records('ccn', 'assets').map((r) => [String(r.name), r]));
	const unknown: number[] = [];
	run.output.forEach((item, position) => {
		const index = (item.pairedItem as { item: number }).item;
		expect(index).toBe(position);
		if (item.json.error !== undefined) {
			expect(item.json).toEqual(expect.objectContaining({ code: 'OUTCOME_UNKNOWN', error: expect.stringMatching(/^Outcome unknown: POST \/api\/eam\/assets/) }));
			expect(item.json.description).toMatch(/not retried .* Check the record in Makini/);
			unknown.push(index);
		} else {
			// A confirmed create is exactly the record the sandbox holds.
			expect(item.json.key).toBe(records.get(names[index])?.key);
		}
	});
	const lost = after.faults - before.faults;
	const requests = after.requests - before.requests;
	const twice = [...created.values()].filter((n) => n > 1).length;
	const missing = [...created.values()].filter((n) => n === 0).length;
	recordFigures('writes-lost-answers', {
		creates: names.length,
		requests,
		answersLost: lost,
		itemsOutcomeUnknown: unknown.length,
		itemsConfirmed: names.length - unknown.length,
		recordsCreated: [...created.values()].reduce((a, b) => a + b, 0),
		createdTwice: twice,
		notCreated: missing,
	});
	expect(lost).toBeGreaterThan(20);
	expect(requests).toBe(500); // no write was sent twice
	expect(unknown).toHaveLength(lost); // every lost answer surfaced as "outcome unknown", no other item did
	expect(twice).toBe(0);
	// The sandbox processed every request before dropping the answer: each item's record exists exactly once.
	expect(missing).toBe(0);
}, 120_000);

test('creates answered 503/429 before processing are retried and still created exactly once', async () => {
	const names = Array.from({ length: 100 }, (_, i) => `Reliability retried ${String(i).padStart(3, '0')}`);
	fx.sandbox.setScenario('ccn', { errorRate: 0.2, errorStatuses: [503, 429] });
	const before = fx.sandbox.stats('ccn');
	const run = await createAssets(names, { concurrency: 4 });
	const after = fx.sandbox.stats('ccn');
	expect(run.json.filter((j) => j.error !== undefined)).toEqual([]);
	expect([...createdCount(names).values()].every((n) => n === 1)).toBe(true);
	const retried = after.faults - before.faults;
	expect(retried).toBeGreaterThan(5);
	expect(after.requests - before.requests).toBe(100 + retried);
	recordFigures('writes-retried-before-processing', { creates: 100, rejectedBeforeProcessing: retried, recordsCreated: 100, createdTwice: 0 });
}, 60_000);

test('a create slower than the Timeout option is reported as outcome unknown and not resent', async () => {
	const name = 'Reliability slow create';
	fx.sandbox.setScenario('ccn', { slowMs: 2500 });
	const before = fx.sandbox.stats('ccn').requests;
	const run = await createAssets([name], { timeoutSeconds: 1, maxAttempts: 5 });
	expect(run.json[0].error).toMatch(/^Outcome unknown: POST \/api\/eam\/assets .* timed out/);
	await new Promise((resolve) => setTimeout(resolve, 2000)); // let the sandbox finish the slow request
	expect(fx.sandbox.stats('ccn').requests - before).toBe(1);
	expect(createdCount([name]).get(name)).toBe(1);
}, 20_000);

test('no secret in any output, error or log line', () => {
	expect(scan.size).toBeGreaterThan(2);
	recordFigures('secret-scan-writes', scan.counts());
	expect(scan.findings(sandboxSecrets(fx.sandbox))).toEqual([]);
});
