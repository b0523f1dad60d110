import type { INodeParameters } from 'n8n-workflow';

import { timed } from '../lib/measure';
import { loadNode } from '../lib/nodes';
import { authHeaders, type Target } from './common';

export interface CreateArgs extends Target {
	titles: string[];
	/** The node's parameters (the node side only); the title comes from each item's `title`. */
	parameters?: INodeParameters;
}

export interface CreateResult {
	elapsedMs: number;
	cpuMs: number;
	succeeded: number;
	failed: number;
	/** Error messages of failed items (first few), for the report. */
	errors: string[];
}

/** The baseline: one POST per item, in sequence, as n8n's HTTP Request node does by default. */
export async function baselineCreate(args: CreateArgs): Promise<CreateResult> {
	const headers = { ...authHeaders(args), 'Content-Type': 'application/json' };
	const { value, elapsedMs, cpuMs } = await timed(async () => {
		let succeeded = 0;
		const errors: string[] = [];
		for (const title of args.titles) {
			const response = await fetch(`${args.url}/api/eam/work-orders`, { method: 'POST', headers, body: JSON.stringify({ title }) });
			await response.arrayBuffer();
			if (response.ok) succeeded++;
			else errors.push(`HTTP ${response.status}`);
		}
		return { succeeded, errors };
	});
	return { elapsedMs, cpuMs, succeeded: value.succeeded, failed: value.errors.length, errors: value.errors.slice(0, 5) };
}

export async function nodeCreate(args: CreateArgs): Promise<CreateResult> {
	if (!args.parameters) throw new Error('nodeCreate needs parameters');
	const { runNode } = await import('../../test/harness/execute');
	const parameters = args.parameters;
	const items = args.titles.map((title) => ({ json: { title } }));
	const { value: output, elapsedMs, cpuMs } = await timed(
		async () =>
			await runNode({
				node: loadNode('Makini'),
				parameters,
				credentials: { makiniApi: { baseUrl: args.url, token: args.token } },
				items,
				continueOnFail: true,
			}),
	);
	const failedItems = output[0].filter((item) => item.json.error !== undefined || item.error !== undefined);
	return {
		elapsedMs,
		cpuMs,
		succeeded: output[0].length - failedItems.length,
		failed: failedItems.length,
		errors: failedItems.slice(0, 5).map((item) => String(item.json.error ?? item.error?.message)),
	};
}
