import type { INodeParameters } from 'n8n-workflow';

import { loadNode } from '../lib/nodes';
import { measure, type Measured } from '../lib/measure';
import { authHeaders, keySet, type Target } from './common';

export interface ListArgs extends Target {
	path: string;
	/** Baseline: the page size; the node always uses the largest the API takes. */
	perPage: number;
	/** The node's parameters (the node side only). */
	parameters?: INodeParameters;
	/**
	 * A small unmeasured run (the baseline: `warmupPages` pages; the node: `parameters` with a limit) before the
	 * measured one in the same process, so that modules are loaded and JIT and connections warm on both sides.
	 */
	warmupOnly?: boolean;
	warmupPages: number;
}

export type ListResult = Omit<Measured<unknown>, 'value'> & {
	records: number;
	recordBytes: number;
	keys: ReturnType<typeof keySet>;
};

/** The baseline: a bare loop over the pages, doing nothing but collecting the records. */
async function fetchLoop(args: ListArgs, maxPages = Infinity): Promise<Array<Record<string, unknown>>> {
	const records: Array<Record<string, unknown>> = [];
	const headers = authHeaders(args);
	for (let page = 1; page <= maxPages; page++) {
		const response = await fetch(`${args.url}${args.path}?page=${page}&per_page=${args.perPage}`, { headers });
		if (!response.ok) throw new Error(`baseline got HTTP ${response.status}`);
		const body = (await response.json()) as { data: Array<Record<string, unknown>>; meta: { current_page: number; last_page: number } };
		for (const record of body.data) records.push(record);
		if (body.data.length === 0 || body.meta.current_page >= body.meta.last_page) break;
	}
	return records;
}

async function nodeGetMany(args: Target, parameters: INodeParameters): Promise<Array<Record<string, unknown>>> {
	// Loaded here so that the baseline's process never loads n8n-core.
	const { runNode } = await import('../../test/harness/execute');
	const output = await runNode({
		node: loadNode('Makini'),
		parameters,
		credentials: { makiniApi: { baseUrl: args.url, token: args.token } },
	});
	return output[0].map((item) => item.json);
}

async function finish(measured: Measured<Array<Record<string, unknown>>>): Promise<ListResult> {
	const { value: records, ...figures } = measured;
	// Computed after the peak was read: JSON text of the records, the "size of the records themselves".
	const recordBytes = Buffer.byteLength(JSON.stringify(records));
	return { ...figures, records: records.length, recordBytes, keys: keySet(records) };
}

export async function baselineList(args: ListArgs): Promise<ListResult | undefined> {
	if (args.warmupOnly) {
		await fetchLoop(args, args.warmupPages);
		return undefined;
	}
	return await finish(await measure(async () => await fetchLoop(args)));
}

export async function nodeList(args: ListArgs): Promise<ListResult | undefined> {
	const parameters = args.parameters;
	if (!parameters) throw new Error('nodeList needs parameters');
	if (args.warmupOnly) {
		await nodeGetMany(args, parameters);
		return undefined;
	}
	return await finish(await measure(async () => await nodeGetMany(args, parameters)));
}
