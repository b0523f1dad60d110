// `npm run bench:n8n`: the package measured inside a real n8n (1.x, and 2.x where installed), installed from
// its packed tarball, each side a workflow run with `n8n execute --id`, sides alternating over rounds.
// Writes bench/results/n8n-latest.json (one JSON line per figure). BENCH_N8N_ONLY=reads,snapshot,writes,webhooks
// runs some groups (nothing written); BENCH_N8N_VERSIONS=1.123.81 picks versions; BENCH_N8N_DELIVERIES sets
// the webhook deliveries per run (default 2,000); BENCH_N8N_SCALE=0.1 multiplies every size (assets, items,
// deliveries, chillers) for a smoke run (nothing written unless 1); BENCH_N8N_OUT names the results file.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { cpus, tmpdir, totalmem } from 'os';
import { dirname, join } from 'path';

import { n8nInstallDir } from '../../demo/n8n/install';
import { startSandbox } from '../../sandbox';
import type { Figure } from './figures';
import { startBenchN8n } from './instance';
import { packPackage } from './install';
import { reads } from './reads';
import { snapshot } from './snapshot';
import { load } from './rounds';
import { webhooks } from './webhooks';
import { writes } from './writes';

const VERSIONS = (process.env.BENCH_N8N_VERSIONS ?? '1.123.81,2.40.7').split(',');
const ONLY = process.env.BENCH_N8N_ONLY?.split(',');
const wanted = (group: string) => !ONLY || ONLY.includes(group);
const log = (line: string) => console.log(line);
/** BENCH_N8N_ROUNDS overrides every group's rounds (e.g. 1 for a quick try). */
const rounds = (fallback: number) => Number(process.env.BENCH_N8N_ROUNDS ?? fallback);
/** BENCH_N8N_SCALE shrinks every size for a smoke run (e.g. 0.1); the issue's sizes at 1. */
const SCALE = Number(process.env.BENCH_N8N_SCALE ?? 1);
const size = (n: number) => Math.max(1, Math.round(n * SCALE));

const figures: Figure[] = [];
const started = Date.now();
const loadAtStart = load();
/** BENCH_N8N_OUT names another results file (e.g. one per version when the versions run one at a time). */
const RESULTS = process.env.BENCH_N8N_OUT ?? join(__dirname, '..', 'results', 'n8n-latest.json');

/** Rewritten after every group, so that a run cut short still leaves the figures it measured. */
function save(): void {
	if (ONLY || SCALE !== 1) return;
	const machine = {
		cpu: cpus()[0]?.model,
		cores: cpus().length,
		loadAverage: { start: loadAtStart, end: load() },
		seconds: Math.round((Date.now() - started) / 1000),
		at: new Date().toISOString(),
	};
	mkdirSync(dirname(RESULTS), { recursive: true });
	writeFileSync(RESULTS, figures.map((f) => JSON.stringify({ ...f, machine })).join('\n') + '\n');
}

const record = (list: Figure[]) => {
	figures.push(...list);
	save();
};

async function benchVersion(version: string, tarball: string): Promise<void> {
	const n8n = await startBenchN8n(version, tarball, log);
	try {
		const assets = size(20_000);
		const small = await startSandbox({ port: 0, assets, control: true });
		try {
			if (wanted('reads')) {
				record(await reads(n8n, small, { assets, latencyMs: 0, rounds: rounds(2), sides: ['default', 'raw', 'http', 'bare'] }, log));
				record(await reads(n8n, small, { assets, latencyMs: 50, rounds: rounds(2), sides: ['pc4', 'http', 'default'], once: ['default'] }, log));
			}
			if (wanted('snapshot')) record(await snapshot(n8n, small, { chillers: size(500), rounds: rounds(2) }, log));
			if (wanted('writes')) {
				const items = size(1_000);
				record(await writes(n8n, small, { items, latencyMs: 0, rounds: rounds(2), sides: ['c1', 'c8', 'http'] }, log));
				// The bounded baseline (Loop Over Items, 8 at a time) only here: with no latency, what is in flight changes
				// little. Concurrency 1 at 50 ms is one round trip after another (1,000 take a minute), so it is compared
				// on 200 items, both sides, every round (two rounds take less time than one round of 1,000 did).
				record(await writes(n8n, small, { items, latencyMs: 50, rounds: rounds(2), sides: ['c8', 'http', 'loop8'] }, log));
				record(await writes(n8n, small, { items: size(200), latencyMs: 50, rounds: rounds(2), sides: ['c1', 'http'] }, log));
			}
			if (wanted('webhooks')) record(await webhooks(n8n, small, size(Number(process.env.BENCH_N8N_DELIVERIES ?? 2_000)), rounds(2), log));
		} finally {
			await small.close();
		}
		if (wanted('reads')) {
			const many = size(100_000);
			const large = await startSandbox({ port: 0, assets: many, control: true });
			try {
				record(await reads(n8n, large, { assets: many, latencyMs: 0, rounds: rounds(2), sides: ['default', 'http', 'bare'], once: ['bare'] }, log));
			} finally {
				await large.close();
			}
		}
	} finally {
		await n8n.stop();
	}
}

async function main(): Promise<void> {
	const versions = VERSIONS.filter((v) => existsSync(join(n8nInstallDir(v), '.install-complete')));
	log(`bench:n8n on ${cpus()[0]?.model}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; n8n ${versions.join(', ')}; load ${loadAtStart.join(' ')}`);
	const scratch = mkdtempSync(join(tmpdir(), 'bench-n8n-pack-'));
	const tarball = packPackage(scratch);
	log(`Package packed: ${tarball}`);
	for (const version of versions) {
		log(`\nn8n ${version}`);
		await benchVersion(version, tarball);
	}
	rmSync(scratch, { recursive: true, force: true });
	save();
	log(`\n${Math.round((Date.now() - started) / 1000)} s; load ${loadAtStart.join(' ')} -> ${load().join(' ')}\n`);
	for (const f of figures) {
		log(`${f.met ? 'met ' : 'MISS'}  n8n ${f.n8n}  ${f.name}: ${f.ratio}x (target ${f.target}); ` +
			Object.entries(f.sides).map(([n, s]) => `${n} ${s.medianMs} ms [${s.minMs}-${s.maxMs}]${s.medianPeakRssMb ? ` ${s.medianPeakRssMb} MB` : ''}${s.medianRequests ? ` ${s.medianRequests} requests` : ''}`).join(' | '));
	}
	if (!ONLY) log(`Written: ${RESULTS}`);
	if (figures.some((f) => !f.met)) process.exitCode = 1;
}

// Ctrl-C or a kill: exit normally, so that the n8n server started here is stopped with this process.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().catch((error: Error) => {
	console.error(error);
	process.exit(1);
});
