import type { BenchLine } from '../lib/report';
import { median, round } from '../lib/stats';
import { inFreshProcess, Worker } from '../lib/worker';
import type { WebhookArgs, WebhookResult } from '../tasks/webhook';

/**
 * Benchmark 4: 10,000 signed deliveries (30 % redeliveries) through the Makini Trigger's webhook() in
 * n8n-core's WebhookContext, in-process. Baseline: a bare HMAC check plus a Set lookup (the least any
 * receiver does). Then the duplicate memory is filled to its bound and weighed.
 */
export async function webhookIntake(rounds: number, deliveries: number, log: (text: string) => void): Promise<BenchLine[]> {
	const node = new Worker('node');
	const baseline = new Worker('baseline');
	const args: WebhookArgs = { deliveries, duplicateShare: 0.3, seed: 7, fillTo: 5_000 };
	try {
		const runs: Record<'node' | 'baseline', WebhookResult[]> = { node: [], baseline: [] };
		for (let r = 0; r < rounds; r++) {
			const sides: Array<['node' | 'baseline', () => Promise<WebhookResult>]> = [
				// The memory is filled to its bound once, in the last round.
				['node', async () => await node.call<WebhookResult>('nodeWebhook', { ...args, seed: args.seed + r, fillTo: r === rounds - 1 ? args.fillTo : 0 })],
				['baseline', async () => await baseline.call<WebhookResult>('baselineWebhook', { ...args, seed: args.seed + r })],
			];
			for (const [name, run] of r % 2 ? sides.reverse() : sides) {
				const result = await run();
				runs[name].push(result);
				log(`  round ${r + 1} ${name}: median ${result.medianUs.toFixed(1)} µs (first 500: ${result.firstMedianUs.toFixed(1)} µs), p95 ${result.p95Us.toFixed(1)} µs; ${result.accepted} accepted, ${result.duplicates} duplicates, ${result.rejected} rejected${result.bound ? `; at its bound: ${result.bound.entries} entries, median ${result.bound.medianUsAtBound.toFixed(1)} µs per delivery` : ''}`);
			}
		}
		const nodeUs = median(runs.node.map((r) => r.medianUs));
		const baseUs = median(runs.baseline.map((r) => r.medianUs));
		// Both sides must agree on which deliveries were redeliveries.
		const agree = runs.node.every((n, i) => n.accepted === runs.baseline[i].accepted && n.duplicates === runs.baseline[i].duplicates && n.rejected === 0);
		const bound = runs.node[runs.node.length - 1].bound!;
		// Weighed three times, each in a fresh process; the median is reported.
		const weighings: Array<{ heapBytes: number; jsonBytes: number }> = [];
		for (let i = 0; i < 3; i++) weighings.push(await inFreshProcess('weigh', 'weighMemory', { json: bound.json }));
		const weight = { heapBytes: median(weighings.map((w) => w.heapBytes)), jsonBytes: weighings[0].jsonBytes };
		log(`  duplicate memory at its bound: ${bound.entries} entries, ${(weight.heapBytes / 1024).toFixed(0)} KiB heap once loaded (weighings: ${weighings.map((w) => (w.heapBytes / 1024).toFixed(0)).join(', ')} KiB), ${(weight.jsonBytes / 1024).toFixed(0)} KiB saved as static data`);
		return [
			{
				name: '4 webhookIntake.perDelivery',
				package: round(nodeUs, 1),
				baseline: round(baseUs, 1),
				ratio: round(nodeUs / baseUs, 3),
				unit: 'µs/delivery (median)',
				target: 'package <= 50 µs, same duplicates found',
				met: nodeUs <= 50 && agree,
				details: {
					deliveries,
					duplicates: runs.node[0].duplicates,
					accepted: runs.node[0].accepted,
					p95Us: round(median(runs.node.map((r) => r.p95Us)), 1),
					firstDeliveriesMedianUs: round(median(runs.node.map((r) => r.firstMedianUs)), 1),
					baselineP95Us: round(median(runs.baseline.map((r) => r.p95Us)), 1),
					agree,
					rounds,
					rememberedDeliveries: '10,000 (option; default 5,000), so that no redelivery of the run is evicted',
					path: 'MakiniTrigger.webhook() via n8n-core WebhookContext (credential read, HMAC verify, parse, fingerprint, duplicate memory)',
				},
			},
			{
				name: '4 webhookIntake.memoryAtBound',
				package: round(weight.heapBytes / 1024, 0),
				baseline: round(weight.jsonBytes / 1024, 0),
				ratio: round(weight.heapBytes / weight.jsonBytes, 3),
				unit: 'KiB (heap | saved JSON)',
				target: 'reported',
				met: true,
				details: {
					entries: bound.entries,
					medianUsAtBound: round(bound.medianUsAtBound, 1),
					note: 'package = heap of the memory once n8n has loaded the static data; baseline column = its saved JSON, which n8n reads and writes with the workflow',
				},
			},
		];
	} finally {
		await Promise.all([node.close(), baseline.close()]);
	}
}
