import type { INodeParameters } from 'n8n-workflow';

import { benchSandbox, counted } from '../lib/sandbox';
import type { BenchLine } from '../lib/report';
import { MB, median, round } from '../lib/stats';
import { Worker } from '../lib/worker';
import type { ListArgs, ListResult } from '../tasks/list';

const PATH = '/api/eam/assets';
/** The largest page the API accepts: the baseline uses it too, so both fetch the same pages. */
const PAGE_SIZE = 500;

const getManyParameters = (options: INodeParameters, limit?: number): INodeParameters => ({
	resource: 'asset',
	operation: 'getAll',
	returnAll: limit === undefined,
	...(limit === undefined ? {} : { limit }),
	// Raw records, as the baseline collects them.
	simplify: false,
	options,
});

type Side = 'baseline' | string;

interface SideRun {
	result: ListResult;
	requests: number;
	sandboxCpuMs: number;
}

/**
 * Runs the sides in turn for several rounds, alternating which goes first so that neither always meets a
 * warmer or colder sandbox. With `freshProcesses`, every run gets a new process (fresh heap, a peak RSS of its
 * own); otherwise each side keeps one warmed-up process for all rounds (quicker, for time-only benchmarks).
 */
async function alternate(
	rounds: number,
	sides: Record<Side, INodeParameters | undefined>,
	base: Omit<ListArgs, 'parameters'>,
	env: Awaited<ReturnType<typeof benchSandbox>>,
	freshProcesses: boolean,
	log: (text: string) => void,
): Promise<Record<Side, SideRun[]>> {
	const names = Object.keys(sides);
	const runs: Record<Side, SideRun[]> = Object.fromEntries(names.map((n) => [n, []]));
	const workers = new Map<Side, Worker>();
	const task = (name: Side) => (sides[name] ? 'nodeList' : 'baselineList');
	const workerFor = async (name: Side): Promise<Worker> => {
		const existing = workers.get(name);
		if (existing) return existing;
		const worker = new Worker(name);
		const parameters = sides[name];
		// Warm-up in the same process: modules loaded, JIT and connections warm, on both sides alike.
		const warmup = parameters ? { ...parameters, returnAll: false, limit: base.warmupPages * PAGE_SIZE } : undefined;
		await worker.call(task(name), { ...base, parameters: warmup, warmupOnly: true });
		workers.set(name, worker);
		return worker;
	};
	const release = async (name: Side) => {
		await workers.get(name)?.close();
		workers.delete(name);
	};
	try {
		for (let r = 0; r < rounds; r++) {
			for (const name of r % 2 ? [...names].reverse() : names) {
				const worker = await workerFor(name);
				const { value, requests, sandboxCpuMs } = await counted(env.sandbox, env.connectionId, async () =>
					await worker.call<ListResult>(task(name), { ...base, parameters: sides[name] }),
				);
				if (freshProcesses) await release(name);
				runs[name].push({ result: value, requests, sandboxCpuMs });
				log(
					`  round ${r + 1} ${name}: ${value.records} records in ${value.elapsedMs.toFixed(0)} ms (CPU: side ${value.cpuMs.toFixed(0)} ms, sandbox ${sandboxCpuMs.toFixed(0)} ms), ` +
						`${requests} requests` +
						(freshProcesses ? `, peak RSS ${(value.peakRss / MB).toFixed(0)} MB (+${(value.rssGrowth / MB).toFixed(0)} MB)` : ''),
				);
			}
		}
	} finally {
		for (const name of [...workers.keys()]) await release(name);
	}
	return runs;
}

const recordsPerSecond = (run: SideRun) => run.result.records / (run.result.elapsedMs / 1000);

/** Median CPU time of a side's runs and of the sandbox serving them (what bounds a run on a busy machine). */
const cpu = (runs: SideRun[]) => ({
	sideCpuMs: round(median(runs.map((run) => run.result.cpuMs)), 0),
	sandboxCpuMs: round(median(runs.map((run) => run.sandboxCpuMs)), 0),
});

/** Benchmark 1: Return All over 50,000 assets, no added latency; throughput and peak RSS. */
export async function getManyReturnAll(rounds: number, assets: number, log: (text: string) => void): Promise<BenchLine[]> {
	const env = await benchSandbox(assets);
	try {
		const runs = await alternate(
			rounds,
			{ baseline: undefined, node: getManyParameters({}) },
			{ ...env.target, path: PATH, perPage: PAGE_SIZE, warmupPages: 4 },
			env,
			true,
			log,
		);
		const node = runs.node;
		const baseline = runs.baseline;
		const sameRecords = node.every((run) => run.result.keys.digest === baseline[0].result.keys.digest && run.result.keys.count === run.result.keys.unique);
		const nodeRate = median(node.map(recordsPerSecond));
		const baseRate = median(baseline.map(recordsPerSecond));
		const nodeGrowth = median(node.map((run) => run.result.rssGrowth));
		const baseGrowth = median(baseline.map((run) => run.result.rssGrowth));
		const recordBytes = baseline[0].result.recordBytes;
		const excessPerRecordSize = (nodeGrowth - baseGrowth) / recordBytes;
		return [
			{
				name: '1 getMany.returnAll.throughput',
				package: round(nodeRate, 0),
				baseline: round(baseRate, 0),
				ratio: round(nodeRate / baseRate, 3),
				unit: 'records/s',
				target: 'ratio >= 0.8',
				met: nodeRate / baseRate >= 0.8 && sameRecords,
				details: {
					assets,
					records: node[0].result.records,
					sameRecords,
					rounds,
					requests: node[0].requests,
					pageSize: PAGE_SIZE,
					medianMs: round(median(node.map((run) => run.result.elapsedMs)), 0),
					baselineMedianMs: round(median(baseline.map((run) => run.result.elapsedMs)), 0),
					cpu: { package: cpu(node), baseline: cpu(baseline) },
				},
			},
			{
				name: '1 getMany.returnAll.peakRssGrowth',
				package: round(nodeGrowth / MB, 1),
				baseline: round(baseGrowth / MB, 1),
				ratio: round(nodeGrowth / baseGrowth, 3),
				unit: 'MB',
				target: '(package - baseline) <= 2 x records JSON size',
				met: excessPerRecordSize <= 2,
				details: {
					recordsJsonMB: round(recordBytes / MB, 1),
					excessOverRecordSize: round(excessPerRecordSize, 2),
					peakRssMB: { package: round(median(node.map((r) => r.result.peakRss)) / MB, 1), baseline: round(median(baseline.map((r) => r.result.peakRss)) / MB, 1) },
				},
			},
		];
	} finally {
		await env.sandbox.close();
	}
}

/** Benchmark 2: Get Many against 50 ms added latency: Page Concurrency 4 and the default vs the bare sequential loop. */
export async function getManyLatency(rounds: number, assets: number, latencyMs: number, log: (text: string) => void): Promise<BenchLine[]> {
	const env = await benchSandbox(assets);
	try {
		env.sandbox.setScenario(env.connectionId, { latencyMs });
		const runs = await alternate(
			rounds,
			{ baseline: undefined, 'node default': getManyParameters({}), 'node pageConcurrency 4': getManyParameters({ pageConcurrency: 4 }) },
			{ ...env.target, path: PATH, perPage: PAGE_SIZE, warmupPages: 1 },
			env,
			false,
			log,
		);
		const baseline = runs.baseline;
		const baseRate = median(baseline.map(recordsPerSecond));
		const line = (side: string, target: number, targetText: string): BenchLine => {
			const rate = median(runs[side].map(recordsPerSecond));
			const sameRecords = runs[side].every((run) => run.result.keys.digest === baseline[0].result.keys.digest && run.result.keys.count === baseline[0].result.keys.count);
			return {
				name: `2 getMany.latency${latencyMs}ms.${side.replace('node ', '').replace(' ', '')}`,
				package: round(rate, 0),
				baseline: round(baseRate, 0),
				ratio: round(rate / baseRate, 3),
				unit: 'records/s',
				target: targetText,
				met: rate / baseRate >= target && sameRecords,
				details: {
					assets,
					latencyMs,
					sameRecords,
					pagesFetched: runs[side][0].requests,
					baselinePagesFetched: baseline[0].requests,
					pageSize: PAGE_SIZE,
					medianMs: round(median(runs[side].map((run) => run.result.elapsedMs)), 0),
					baselineMedianMs: round(median(baseline.map((run) => run.result.elapsedMs)), 0),
					cpu: { package: cpu(runs[side]), baseline: cpu(baseline) },
					rounds,
				},
			};
		};
		return [line('node pageConcurrency 4', 3, 'ratio >= 3'), line('node default', 0.95, 'ratio >= 0.95')];
	} finally {
		await env.sandbox.close();
	}
}
