// `npm run bench`: the five benchmarks of issue 6, each against its own sandbox, package and baseline
// alternating over several rounds; prints a table and writes bench/results/latest.json (one JSON line each).
import { cpus, loadavg, totalmem } from 'os';
import { join } from 'path';

import { createWorkOrders } from './benchmarks/createWorkOrders';
import { getManyLatency, getManyReturnAll } from './benchmarks/getMany';
import { pollingTrigger } from './benchmarks/pollingTrigger';
import { webhookIntake } from './benchmarks/webhookIntake';
import { printTable, writeResults, type BenchLine } from './lib/report';

const rounds = (fallback: number) => Number(process.env.BENCH_ROUNDS ?? fallback);

const benchmarks: Array<[string, () => Promise<BenchLine[]>]> = [
	['1. Get Many, Return All, 50,000 assets, no added latency', async () => await getManyReturnAll(rounds(3), 50_000, log)],
	['2. Get Many, 20,000 assets, 50 ms added latency', async () => await getManyLatency(rounds(5), 20_000, 50, log)],
	['3. Create 1,000 work orders, 20 ms added latency', async () => await createWorkOrders(rounds(3), 1_000, 20, 600, log)],
	['4. Webhook intake, 10,000 signed deliveries (30 % duplicates)', async () => await webhookIntake(rounds(3), 10_000, log)],
	['5. Polling trigger, ~100,000 readings, 2,000 new readings per poll', async () => await pollingTrigger(rounds(3), 3_000, 2_000, log)],
];

function log(text: string): void {
	console.log(text);
}

async function main(): Promise<void> {
	const only = process.argv.slice(2).map(Number).filter((n) => n > 0);
	const started = Date.now();
	const loadAtStart = loadavg().map((n) => Number(n.toFixed(2)));
	const machine: Record<string, unknown> = {
		cpu: cpus()[0]?.model ?? 'unknown',
		cores: cpus().length,
		memoryGiB: Math.round(totalmem() / 2 ** 30),
		node: process.version,
		platform: `${process.platform}-${process.arch}`,
		at: new Date().toISOString(),
	};
	// The machine is shared: its load average says how much of the 2 cores the benchmarks really had.
	console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; load average ${loadAtStart.join(' ')}`);
	const lines: BenchLine[] = [];
	for (const [index, [title, run]] of benchmarks.entries()) {
		if (only.length && !only.includes(index + 1)) continue;
		const start = Date.now();
		console.log(`\n${title}`);
		lines.push(...(await run()));
		console.log(`  (${((Date.now() - start) / 1000).toFixed(0)} s)`);
	}
	const loadAtEnd = loadavg().map((n) => Number(n.toFixed(2)));
	machine.loadAverage = { start: loadAtStart, end: loadAtEnd };
	machine.seconds = Math.round((Date.now() - started) / 1000);
	console.log(`\nAll benchmarks: ${machine.seconds} s; load average at the end ${loadAtEnd.join(' ')}\n`);
	printTable(lines);
	if (!only.length) writeResults(join(__dirname, 'results', 'latest.json'), lines, machine);
	if (lines.some((line) => !line.met)) process.exitCode = 1;
}

main().catch((error: Error) => {
	console.error(error);
	process.exit(1);
});
