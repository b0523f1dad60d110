// Runs one workflow with `n8n execute --id` in its own process, as n8n's CLI does, and reads back each node's
// execution time (from n8n's own run data) and the process's peak RSS (GNU time's maximum resident set size).
import { spawn } from 'child_process';
import { closeSync, createReadStream, openSync, readFileSync, rmSync } from 'fs';
import { createInterface } from 'readline';
import { join } from 'path';

import { envFor, n8nBin, n8nMajor, nodeFor } from '../../demo/n8n/install';

export interface N8nTarget {
	version: string;
	userFolder: string;
	/** n8n 2.x: the execute process's own task broker port (the server holds the default one). */
	brokerPort: number;
}

export interface ExecuteResult {
	/** executionTime per node name, in ms, as n8n recorded it (summed over the node's runs) */
	nodeMs: Record<string, number>;
	peakRssMb: number;
	wallMs: number;
	/** numeric fields of the last item n8n printed (e.g. a Summarize node's counts) */
	summary: Record<string, number>;
}

/** The environment of the execute process: the same settings the server runs with (demo/n8n/process.ts). */
export function executeEnv(target: N8nTarget): NodeJS.ProcessEnv {
	const base = Object.fromEntries(Object.entries(envFor(target.version)).filter(([k]) => !k.startsWith('JEST_') && !/^npm_/i.test(k)));
	return {
		...base,
		NODE_ENV: 'production',
		N8N_USER_FOLDER: target.userFolder,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		DB_SQLITE_POOL_SIZE: '2',
		...(n8nMajor(target.version) < 2
			? { N8N_EXPRESSION_ENGINE: 'legacy', N8N_RUNNERS_ENABLED: 'false' }
			: { N8N_RUNNERS_BROKER_PORT: String(target.brokerPort) }),
	};
}

/**
 * Reads n8n's pretty-printed run data line by line (it can be hundreds of MB): node names are the keys at
 * runData's depth, each followed by its executionTime; the last numeric `"field": n` lines are the last item.
 */
async function readRun(file: string): Promise<{ nodeMs: Record<string, number>; summary: Record<string, number>; ok: boolean }> {
	const nodeMs: Record<string, number> = {};
	let summary: Record<string, number> = {};
	let node = '';
	let ok = false;
	const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
	for await (const line of lines) {
		if (line.startsWith('Execution was successful')) ok = true;
		const name = /^ {8}"(.+)": \[$/.exec(line);
		if (name) {
			node = name[1];
			summary = {};
			continue;
		}
		const time = /^ {12}"executionTime": (\d+),?$/.exec(line);
		// A node inside a loop runs many times: its runs are summed.
		if (time && node) nodeMs[node] = (nodeMs[node] ?? 0) + Number(time[1]);
		const field = /^ {22}"(\w+)": (-?\d+(?:\.\d+)?),?$/.exec(line);
		if (field) summary[field[1]] = Number(field[2]);
	}
	return { nodeMs, summary, ok };
}

export async function executeWorkflow(target: N8nTarget, workflowId: string, scratch: string): Promise<ExecuteResult> {
	const outFile = join(scratch, `execute-${workflowId}.out`);
	const rssFile = join(scratch, `execute-${workflowId}.rss`);
	// A file, not a pipe: n8n exits right after printing, and only a file keeps the whole output.
	const out = openSync(outFile, 'w');
	const started = Date.now();
	const code = await new Promise<number | null>((done, fail) => {
		const child = spawn('/usr/bin/time', ['-f', '%M', '-o', rssFile, nodeFor(target.version), n8nBin(target.version), 'execute', '--id', workflowId], {
			env: executeEnv(target),
			stdio: ['ignore', out, out],
		});
		child.on('error', fail);
		child.on('close', done);
	});
	const wallMs = Date.now() - started;
	closeSync(out);
	const run = await readRun(outFile);
	if (code !== 0 || !run.ok) {
		const text = readFileSync(outFile, 'utf8').slice(0, 2000);
		throw new Error(`n8n execute --id ${workflowId} failed (exit ${code}):\n${text}`);
	}
	const peakRssMb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024;
	rmSync(outFile, { force: true });
	return { nodeMs: run.nodeMs, summary: run.summary, peakRssMb, wallMs };
}
