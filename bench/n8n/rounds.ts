// Sides run in turn, several rounds, the order reversed every other round so no side always goes first
// (warm caches, the other engineers' load on this shared machine); medians and spread per side.
import { loadavg } from 'os';

import { median, round } from '../lib/stats';

export interface Sample {
	/** the measured time: node execution time(s) n8n recorded, or the bare script's own timing */
	ms: number;
	peakRssMb?: number;
	/** requests the sandbox answered during the run */
	requests?: number;
	/** what the correctness check found ('' = passed) */
	problem: string;
	details?: Record<string, unknown>;
}

export interface Side {
	name: string;
	run(): Promise<Sample>;
	/** a slow side may take part in fewer rounds than the others (its first ones) */
	rounds?: number;
}

export interface SideFigures {
	medianMs: number;
	minMs: number;
	maxMs: number;
	runsMs: number[];
	medianPeakRssMb?: number;
	medianRequests?: number;
	problems: string[];
}

export const load = () => loadavg().map((n) => round(n, 2));

export async function alternate(sides: Side[], rounds: number, log: (line: string) => void): Promise<Record<string, SideFigures>> {
	const samples: Record<string, Sample[]> = Object.fromEntries(sides.map((s) => [s.name, []]));
	for (let r = 0; r < rounds; r++) {
		const order = r % 2 ? [...sides].reverse() : sides;
		for (const side of order) {
			if (r >= (side.rounds ?? rounds)) continue;
			const sample = await side.run();
			samples[side.name].push(sample);
			const rss =
				(sample.peakRssMb === undefined ? '' : `, peak RSS ${sample.peakRssMb.toFixed(0)} MB`) +
				(sample.requests === undefined ? '' : `, ${sample.requests} requests`);
			const wall = sample.details?.wallMs === undefined ? '' : `, process ${(Number(sample.details.wallMs) / 1000).toFixed(1)} s`;
			log(`    round ${r + 1} ${side.name}: ${sample.ms.toFixed(0)} ms${rss}${wall}${sample.problem ? `  CHECK FAILED: ${sample.problem}` : ''}  (load ${load()[0]})`);
		}
	}
	return Object.fromEntries(
		Object.entries(samples).map(([name, list]) => {
			const ms = list.map((s) => s.ms);
			const rss = list.map((s) => s.peakRssMb).filter((v): v is number => v !== undefined);
			const requests = list.map((s) => s.requests).filter((v): v is number => v !== undefined);
			return [
				name,
				{
					medianMs: round(median(ms), 1),
					minMs: round(Math.min(...ms), 1),
					maxMs: round(Math.max(...ms), 1),
					runsMs: ms.map((v) => round(v, 1)),
					...(rss.length ? { medianPeakRssMb: round(median(rss), 1) } : {}),
					...(requests.length ? { medianRequests: median(requests) } : {}),
					problems: list.map((s) => s.problem).filter(Boolean),
				},
			];
		}),
	);
}
