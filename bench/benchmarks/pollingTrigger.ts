import { benchSandbox, counted } from '../lib/sandbox';
import type { BenchLine } from '../lib/report';
import { median, round } from '../lib/stats';
import { Worker } from '../lib/worker';
import type { PollResult } from '../tasks/poll';
import { keySet } from '../tasks/common';

const RESOURCE = 'meter-readings';
const PATH = `/api/eam/${RESOURCE}`;

type Env = Awaited<ReturnType<typeof benchSandbox>>;

/**
 * `count` new readings arrive in the source system (through the sandbox's control API, as a sync would): meter
 * readings are append-only, so a change without a key inserts one, on an existing meter. Returns the new keys.
 */
async function appendReadings(env: Env, count: number, round: number): Promise<string[]> {
	const meters = env.sandbox.records(env.connectionId, 'meters');
	const post = async (i: number): Promise<string> => {
		// A spread of meters, different each round (stride coprime with the count).
		const meter = meters[((round * count + i) * 7919) % meters.length];
		const patch = { assetKey: (meter.assetKeys as string[])[0], meterKey: meter.key, reading: (round * 1000 + i).toFixed(1) };
		const response = await fetch(`${env.target.url}/__sandbox/connections/${env.connectionId}/changes`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ entity: RESOURCE, patch }),
		});
		if (!response.ok) throw new Error(`append failed: HTTP ${response.status} ${await response.text()}`);
		const { data } = (await response.json()) as { data: { key: string } };
		return String(data.key);
	};
	const keys: string[] = [];
	for (let i = 0; i < count; i += 16) keys.push(...(await Promise.all(Array.from({ length: Math.min(16, count - i) }, async (_, j) => await post(i + j)))));
	return keys;
}

/** Benchmark 5: the polling trigger over ~100,000 readings with 2,000 new ones per poll vs a full re-read. */
export async function pollingTrigger(rounds: number, assets: number, changesPerPoll: number, log: (text: string) => void): Promise<BenchLine[]> {
	const env = await benchSandbox(assets);
	const readings = env.sandbox.records(env.connectionId, RESOURCE).length;
	const node = new Worker('node');
	const baseline = new Worker('baseline');
	const args = { ...env.target, path: PATH, resource: RESOURCE };
	try {
		// First poll of each side: the node stores its cursor, the baseline its snapshot; nothing is emitted.
		const firstNode = await counted(env.sandbox, env.connectionId, async () => await node.call<PollResult>('nodePoll', args));
		const firstBase = await counted(env.sandbox, env.connectionId, async () => await baseline.call<PollResult>('baselinePoll', args));
		log(`  ${readings} readings; first poll (no output): node ${firstNode.value.elapsedMs.toFixed(0)} ms / ${firstNode.requests} requests, baseline ${firstBase.value.elapsedMs.toFixed(0)} ms / ${firstBase.requests} requests`);

		const runs: Record<'node' | 'baseline', Array<{ ms: number; requests: number; correct: boolean }>> = { node: [], baseline: [] };
		// Poll 0 is a warm-up: it also moves the node's cursor off the seeded data's last sync instant (thousands
		// of records share it), which only the first poll after activation has to page past.
		for (let r = 0; r <= rounds; r++) {
			// Wait out the current millisecond so that new readings land strictly after what each side has seen.
			await new Promise((resolve) => setTimeout(resolve, 5));
			const expected = keySet((await appendReadings(env, changesPerPoll, r)).map((key) => ({ key })));
			const sides: Array<['node' | 'baseline', Worker, string]> = [
				['node', node, 'nodePoll'],
				['baseline', baseline, 'baselinePoll'],
			];
			for (const [name, worker, task] of r % 2 ? sides.reverse() : sides) {
				const { value, requests } = await counted(env.sandbox, env.connectionId, async () => await worker.call<PollResult>(task, args));
				const correct = value.changed.digest === expected.digest && value.changed.count === expected.unique;
				if (r > 0) runs[name].push({ ms: value.elapsedMs, requests, correct });
				log(`  poll ${r}${r ? '' : ' (warm-up)'} ${name}: ${value.changed.count} new readings (${correct ? 'exactly the appended set' : 'WRONG SET'}) in ${value.elapsedMs.toFixed(0)} ms, ${requests} requests`);
			}
		}
		const nodeMs = median(runs.node.map((run) => run.ms));
		const baseMs = median(runs.baseline.map((run) => run.ms));
		const nodeRequests = median(runs.node.map((run) => run.requests));
		const baseRequests = median(runs.baseline.map((run) => run.requests));
		const correct = runs.node.every((run) => run.correct) && runs.baseline.every((run) => run.correct);
		const details = { readings, changesPerPoll, rounds, correct, nodeFirstPollMs: round(firstNode.value.elapsedMs, 0), nodeFirstPollRequests: firstNode.requests };
		return [
			{
				name: '5 pollingTrigger.timePerPoll',
				package: round(nodeMs, 1),
				baseline: round(baseMs, 1),
				ratio: round(nodeMs / baseMs, 3),
				unit: 'ms/poll',
				target: 'ratio < 1, exactly the appended readings',
				met: nodeMs < baseMs && correct,
				details,
			},
			{
				name: '5 pollingTrigger.requestsPerPoll',
				package: nodeRequests,
				baseline: baseRequests,
				ratio: round(nodeRequests / baseRequests, 3),
				unit: 'requests/poll',
				target: 'ratio < 1',
				met: nodeRequests < baseRequests,
				details: { readings, changesPerPoll },
			},
		];
	} finally {
		await Promise.all([node.close(), baseline.close()]);
		await env.sandbox.close();
	}
}
