// Reads: Makini Get Many (Return All) against HTTP Request pagination + Split Out, and against a bare fetch
// loop in a plain Node script, on the same sandbox data.
import { spawn } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';

import { nodeFor } from '../../demo/n8n/install';
import type { RunningSandbox } from '../../sandbox';
import { memoryFigure, speedFigure, type Figure } from './figures';
import type { BenchN8n } from './instance';
import { alternate, type Sample, type Side } from './rounds';
import { httpGetMany, makiniGetMany, PAGE_SIZE } from './workflows';

export const SIDES = {
	default: 'Makini Get Many (defaults: Simplify on)',
	raw: 'Makini Get Many, Simplify off',
	pc4: 'Makini Get Many, Page Concurrency 4',
	http: 'HTTP Request pagination + Split Out',
	bare: 'bare fetch loop (plain Node script)',
} as const;
type SideKey = keyof typeof SIDES;

function checkCount(count: number | undefined, unique: number | undefined, expected: number): string {
	return count === expected && unique === expected ? '' : `${count} records, ${unique} distinct keys, expected ${expected}`;
}

/** The bare loop, on the Node that n8n runs on, with GNU time's peak RSS. */
async function bareLoop(n8n: BenchN8n, baseUrl: string, token: string, expected: number): Promise<Sample> {
	const rssFile = join(n8n.scratch, 'bare.rss');
	const script = join(__dirname, 'bareLoop.js');
	let out = '';
	const code = await new Promise<number | null>((done, fail) => {
		const child = spawn('/usr/bin/time', ['-f', '%M', '-o', rssFile, nodeFor(n8n.version), script, baseUrl, token, '/api/eam/assets', String(PAGE_SIZE)], {
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.on('error', fail);
		child.on('close', done);
	});
	if (code !== 0) throw new Error(`bare loop failed (exit ${code})`);
	const result = JSON.parse(out) as { ms: number; count: number; unique: number };
	const peakRssMb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024;
	return { ms: result.ms, peakRssMb, problem: checkCount(result.count, result.unique, expected) };
}

export interface ReadsPlan {
	assets: number;
	latencyMs: number;
	rounds: number;
	sides: SideKey[];
	/** sides (also in `sides`) too slow for every round: they run in the first round only */
	once?: SideKey[];
}

export async function reads(n8n: BenchN8n, sandbox: RunningSandbox, plan: ReadsPlan, log: (line: string) => void): Promise<Figure[]> {
	const ccn = sandbox.connections.ccn;
	const label = `${plan.assets.toLocaleString('en')} assets, ${plan.latencyMs} ms latency`;
	const makiniCred = await n8n.credential(`Makini ${sandbox.url}`, 'makiniApi', { baseUrl: sandbox.url, token: ccn.token, webhookSecret: ccn.webhookSecret });
	const headerCred = await n8n.credential('Makini token (header)', 'httpHeaderAuth', { name: 'Authorization', value: `Bearer ${ccn.token}` });

	const viaN8n = async (key: SideKey, workflowId: string, measured: string[]): Promise<Side> => ({
		name: SIDES[key],
		run: async () => {
			const result = await n8n.execute(workflowId);
			const ms = measured.reduce((sum, node) => sum + (result.nodeMs[node] ?? NaN), 0);
			return {
				ms,
				peakRssMb: result.peakRssMb,
				problem: checkCount(result.summary.count_key, result.summary.unique_count_key, plan.assets),
				details: { wallMs: result.wallMs },
			};
		},
	});
	const build: Record<SideKey, () => Promise<Side>> = {
		default: async () => await viaN8n('default', await n8n.workflow(makiniGetMany(`${SIDES.default}, ${label}`, makiniCred, true, 1)), ['Makini']),
		raw: async () => await viaN8n('raw', await n8n.workflow(makiniGetMany(`${SIDES.raw}, ${label}`, makiniCred, false, 1)), ['Makini']),
		pc4: async () => await viaN8n('pc4', await n8n.workflow(makiniGetMany(`${SIDES.pc4}, ${label}`, makiniCred, true, 4)), ['Makini']),
		http: async () =>
			await viaN8n('http', await n8n.workflow(httpGetMany(`${SIDES.http}, ${label}`, sandbox.url, headerCred)), ['HTTP Request', 'Split Out']),
		bare: async () => ({ name: SIDES.bare, run: async () => await bareLoop(n8n, sandbox.url, ccn.token, plan.assets) }),
	};
	const sides: Side[] = [];
	for (const key of plan.sides) sides.push({ ...(await build[key]()), rounds: plan.once?.includes(key) ? 1 : undefined });

	sandbox.setScenario(ccn.id, { latencyMs: plan.latencyMs });
	log(`  Reads, ${label} (n8n ${n8n.version}, ${plan.rounds} rounds)`);
	const figures = await alternate(sides, plan.rounds, log);
	sandbox.setScenario(ccn.id, {});

	const has = (key: SideKey) => plan.sides.includes(key);
	const out: Figure[] = [];
	const speed = (pkg: SideKey, base: SideKey, target: number | undefined) => {
		if (has(pkg) && has(base)) out.push(speedFigure(`Get Many, ${label}: ${SIDES[pkg]} vs ${SIDES[base]}`, n8n.version, figures, SIDES[pkg], SIDES[base], target));
	};
	const noLatency = plan.latencyMs === 0;
	speed('default', 'bare', noLatency ? 0.8 : undefined);
	speed('default', 'http', noLatency ? 1.7 : undefined);
	speed('raw', 'bare', undefined);
	speed('raw', 'http', undefined);
	speed('pc4', 'http', noLatency ? undefined : 3);
	if (plan.assets >= 100_000 && has('default') && has('http')) {
		out.push(memoryFigure(`Peak RSS of n8n, ${label}: ${SIDES.default} vs ${SIDES.http}`, n8n.version, figures, SIDES.default, SIDES.http));
	}
	return out;
}
