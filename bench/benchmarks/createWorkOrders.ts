import type { INodeParameters } from 'n8n-workflow';

import { benchSandbox, counted } from '../lib/sandbox';
import type { BenchLine } from '../lib/report';
import { median, round } from '../lib/stats';
import { Worker } from '../lib/worker';
import type { CreateResult } from '../tasks/create';

const createParameters = (options: INodeParameters): INodeParameters => ({
	resource: 'workOrder',
	operation: 'create',
	title: '={{ $json.title }}',
	additionalFields: {},
	options,
});

interface Run {
	result: CreateResult;
	requests: number;
	sandboxCpuMs: number;
	byStatus: Record<string, number>;
	/** Records the sandbox holds for this run's titles: duplicates and losses counted there, not by the client. */
	duplicates: number;
	losses: number;
}

type Env = Awaited<ReturnType<typeof benchSandbox>>;

let runCounter = 0;

async function createRun(env: Env, worker: Worker, items: number, parameters: INodeParameters | undefined): Promise<Run> {
	const prefix = `bench-${++runCounter}-${Date.now()}`;
	const titles = Array.from({ length: items }, (_, i) => `${prefix} WO ${i}`);
	const { value, requests, byStatus, sandboxCpuMs } = await counted(env.sandbox, env.connectionId, async () =>
		await worker.call<CreateResult>(parameters ? 'nodeCreate' : 'baselineCreate', { ...env.target, titles, parameters }),
	);
	const stored = new Map<string, number>();
	for (const record of env.sandbox.records(env.connectionId, 'work-orders')) {
		const title = String(record.title);
		if (title.startsWith(`${prefix} `)) stored.set(title, (stored.get(title) ?? 0) + 1);
	}
	const duplicates = [...stored.values()].reduce((sum, n) => sum + n - 1, 0);
	const losses = titles.filter((title) => !stored.has(title)).length;
	return { result: value, requests, byStatus, sandboxCpuMs, duplicates, losses };
}

/**
 * Benchmark 3: 1,000 work orders from 1,000 items with 20 ms added latency. Baseline: one POST per item in
 * sequence. Package: the node with Concurrency 8; then once more with the sandbox's rate limit on.
 */
export async function createWorkOrders(
	rounds: number,
	items: number,
	latencyMs: number,
	rateLimitPerMinute: number,
	log: (text: string) => void,
): Promise<BenchLine[]> {
	const env = await benchSandbox(40);
	const concurrency = 8;
	const node = new Worker('node');
	const baseline = new Worker('baseline');
	try {
		env.sandbox.setScenario(env.connectionId, { latencyMs });
		// Warm-up (modules, JIT, connections) on both sides; its records are not counted.
		await baseline.call('baselineCreate', { ...env.target, titles: ['bench warm-up 1', 'bench warm-up 2'] });
		await node.call('nodeCreate', { ...env.target, titles: ['bench warm-up 1', 'bench warm-up 2'], parameters: createParameters({ concurrency }) });

		const nodeRuns: Run[] = [];
		const baseRuns: Run[] = [];
		for (let r = 0; r < rounds; r++) {
			const sides: Array<[string, () => Promise<Run>]> = [
				['baseline', async () => await createRun(env, baseline, items, undefined)],
				[`node concurrency ${concurrency}`, async () => await createRun(env, node, items, createParameters({ concurrency }))],
			];
			for (const [name, run] of r % 2 ? sides.reverse() : sides) {
				const result = await run();
				(name === 'baseline' ? baseRuns : nodeRuns).push(result);
				log(`  round ${r + 1} ${name}: ${result.result.succeeded}/${items} in ${result.result.elapsedMs.toFixed(0)} ms (CPU: side ${result.result.cpuMs.toFixed(0)} ms, sandbox ${result.sandboxCpuMs.toFixed(0)} ms), ${result.requests} requests, ${result.duplicates} duplicates, ${result.losses} losses`);
			}
		}

		const perSecond = (run: Run) => items / (run.result.elapsedMs / 1000);
		const nodeRate = median(nodeRuns.map(perSecond));
		const baseRate = median(baseRuns.map(perSecond));
		const clean = (runs: Run[]) => runs.every((run) => run.duplicates === 0 && run.losses === 0 && run.result.failed === 0);
		const lines: BenchLine[] = [
			{
				name: `3 createWorkOrders.latency${latencyMs}ms.concurrency${concurrency}`,
				package: round(nodeRate, 1),
				baseline: round(baseRate, 1),
				ratio: round(nodeRate / baseRate, 3),
				unit: 'items/s',
				target: 'ratio >= 5, 0 duplicates, 0 losses',
				met: nodeRate / baseRate >= 5 && clean(nodeRuns),
				details: {
					items,
					latencyMs,
					rounds,
					duplicates: nodeRuns.reduce((s, r) => s + r.duplicates, 0),
					losses: nodeRuns.reduce((s, r) => s + r.losses, 0),
					failedItems: nodeRuns.reduce((s, r) => s + r.result.failed, 0),
					medianMs: round(median(nodeRuns.map((r) => r.result.elapsedMs)), 0),
					baselineMedianMs: round(median(baseRuns.map((r) => r.result.elapsedMs)), 0),
					cpuMs: {
						package: { side: round(median(nodeRuns.map((r) => r.result.cpuMs)), 0), sandbox: round(median(nodeRuns.map((r) => r.sandboxCpuMs)), 0) },
						baseline: { side: round(median(baseRuns.map((r) => r.result.cpuMs)), 0), sandbox: round(median(baseRuns.map((r) => r.sandboxCpuMs)), 0) },
					},
					baselineClean: clean(baseRuns),
				},
			},
		];
		if (rateLimitPerMinute > 0) lines.push(await rateLimited(env, node, items, latencyMs, rateLimitPerMinute, concurrency, log));
		return lines;
	} finally {
		await Promise.all([node.close(), baseline.close()]);
		await env.sandbox.close();
	}
}

/** The same run with the sandbox's rate limit on: every item must land once, with no more 429s than forced. */
async function rateLimited(
	env: Env,
	node: Worker,
	items: number,
	latencyMs: number,
	rateLimitPerMinute: number,
	concurrency: number,
	log: (text: string) => void,
): Promise<BenchLine> {
	env.sandbox.setScenario(env.connectionId, { latencyMs, rateLimitPerMinute });
	const limited = await createRun(env, node, items, createParameters({ concurrency }));
	env.sandbox.setScenario(env.connectionId, { rateLimitPerMinute: 0 });
	const tooMany = limited.byStatus['429'] ?? 0;
	// A client that does not know the limit must meet it: each time the window fills, the requests already in
	// flight (at most `concurrency`) can get a 429 before the shared gate stops the rest.
	const windowsFilled = Math.max(1, Math.ceil(items / rateLimitPerMinute) - 1);
	const allowed429 = concurrency * windowsFilled;
	const clean = limited.duplicates === 0 && limited.losses === 0 && limited.result.failed === 0;
	const errors = limited.result.errors.length ? `, errors: ${limited.result.errors.join('; ')}` : '';
	log(
		`  rate limit ${rateLimitPerMinute}/min: ${limited.result.succeeded}/${items} in ${limited.result.elapsedMs.toFixed(0)} ms, ` +
			`${tooMany} x 429 (allowed ${allowed429}), ${limited.duplicates} duplicates, ${limited.losses} losses${errors}`,
	);
	return {
		name: `3 createWorkOrders.rateLimit${rateLimitPerMinute}PerMin`,
		package: tooMany,
		baseline: allowed429,
		ratio: round(tooMany / allowed429, 3),
		unit: '429 answers',
		target: '0 failed items, 429s <= allowed',
		met: clean && tooMany <= allowed429,
		details: {
			items,
			rateLimitPerMinute,
			concurrency,
			latencyMs,
			elapsedMs: round(limited.result.elapsedMs, 0),
			failedItems: limited.result.failed,
			duplicates: limited.duplicates,
			losses: limited.losses,
			requests: limited.requests,
			byStatus: limited.byStatus,
			allowedRule: 'concurrency x times the window fills (ceil(items / limit) - 1)',
		},
	};
}
