import { recordFigures } from './support/figures';
import { runMakini, sandboxSecrets } from './support/nodeRun';
import { useProxiedSandbox } from './support/proxiedSandbox';

// Return All over 5,000 assets while about 20 % of the requests fail: 500/502/503, 429 (+Retry-After),
// connection resets and JSON cut off mid-answer. Real HTTP: node → proxy (counts pages) → sandbox (faults).
const ASSETS = 5000;
const env = useProxiedSandbox({ assets: ASSETS });
const { fx, scan } = env;

const FLAKY = { errorRate: 0.12, errorStatuses: [429, 503, 502, 500], resetRate: 0.06, truncateRate: 0.07 };
// Generous attempts, short waits: the backoff itself is the transport's (250 ms doubling, with jitter).
const OPTIONS = { maxAttempts: 10, maxWaitSeconds: 30, timeoutSeconds: 10 };

const ROUNDS = 5;

/** ROUNDS complete Return Alls in a row under one fault scenario (one continuous fault sequence). */
async function returnAllUnderFaults(pageConcurrency: number) {
	const credentials = { makiniApi: { baseUrl: env.proxy.url, token: fx.sandbox.connections.ccn.token } };
	const expected = fx.sandbox.records('ccn', 'assets').map((r) => String(r.key));
	fx.sandbox.setScenario('ccn', FLAKY);
	const before = fx.sandbox.stats('ccn');
	env.proxy.seen.length = 0;
	const rounds = [];
	for (let round = 0; round < ROUNDS; round++) {
		const run = await runMakini(scan, credentials, {
			resource: 'asset',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
			options: { ...OPTIONS, pageConcurrency },
		});
		rounds.push({ error: run.error?.message, keys: run.json.map((r) => String(r.key)), ms: run.ms });
	}
	const after = fx.sandbox.stats('ccn');
	const delta = (status: string) => (after.byStatus[status] ?? 0) - (before.byStatus[status] ?? 0);
	const requests = after.requests - before.requests;
	const failed = after.faults - before.faults;
	const statuses = Object.keys(after.byStatus).filter((s) => s !== '200');
	const failuresByKind: Record<string, number> = Object.fromEntries(statuses.map((s) => [s, delta(s)]).filter(([, n]) => n));
	// A cut-off answer is counted by the sandbox as a 200 that was a fault.
	failuresByKind.truncated = failed - Object.values(failuresByKind).reduce((a, b) => a + b, 0);
	const pagesPerRound = Math.ceil(expected.length / 500);
	const received = rounds.reduce((n, r) => n + r.keys.length, 0);
	const figures = {
		pageConcurrency,
		rounds: ROUNDS,
		recordsExpected: expected.length * ROUNDS,
		recordsReceived: received,
		duplicatesReceived: rounds.reduce((n, r) => n + r.keys.length - new Set(r.keys).size, 0),
		requests,
		failedRequests: failed,
		failedShare: Number((failed / requests).toFixed(3)),
		retries: requests - pagesPerRound * ROUNDS,
		failuresByKind,
		msPerReturnAll: Math.round(rounds.reduce((n, r) => n + r.ms, 0) / ROUNDS),
	};
	recordFigures(`flaky-reads-concurrency-${pageConcurrency}`, figures);
	return { rounds, expected, figures };
}

describe('flaky reads: Return All over 5,000 assets with ~20 % of requests failing', () => {
	test.each([1, 4])('Page Concurrency %i: exactly every record once, in order, after retries', async (pageConcurrency) => {
		const { rounds, expected, figures } = await returnAllUnderFaults(pageConcurrency);
		expect(expected).toHaveLength(ASSETS);
		for (const round of rounds) {
			expect(round.error).toBeUndefined();
			expect(round.keys).toEqual(expected); // no gaps, no duplicates, same order
		}
		// Every kind of fault really happened, and each failed request cost exactly one retry.
		expect(Object.keys(figures.failuresByKind).sort()).toEqual(expect.arrayContaining(['429', 'reset', 'truncated']));
		expect(Object.keys(figures.failuresByKind).filter((k) => /^5\d\d$/.test(k)).length).toBeGreaterThan(0);
		expect(figures.failedShare).toBeGreaterThan(0.1);
		expect(figures.retries).toBe(figures.failedRequests);
	}, 120_000);

	test('no secret in any output, error or log line', () => {
		expect(scan.size).toBeGreaterThan(1);
		recordFigures('secret-scan-flaky-reads', scan.counts());
	expect(scan.findings(sandboxSecrets(fx.sandbox))).toEqual([]);
	});
});
