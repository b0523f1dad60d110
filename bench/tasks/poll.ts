import { timed } from '../lib/measure';
import type { TriggerWorkflow } from '../lib/n8nContexts';
import { authHeaders, keySet, type Target } from './common';
import { loadNode } from '../lib/nodes';

export interface PollArgs extends Target {
	path: string;
	resource: string;
}

export interface PollResult {
	elapsedMs: number;
	changed: ReturnType<typeof keySet>;
}

// Each side keeps its state across polls in its own process, as an active workflow does between polls.
let trigger: TriggerWorkflow | undefined;
let snapshot: Set<string> | undefined;

/** The node: the Makini Polling Trigger's poll() through n8n-core's PollContext, cursor in static data. */
export async function nodePoll(args: PollArgs): Promise<PollResult> {
	if (!trigger) {
		const { TriggerWorkflow } = await import('../lib/n8nContexts');
		trigger = new TriggerWorkflow(
			loadNode('MakiniPollingTrigger'),
			{ event: 'recordChanged', resource: args.resource, filters: {}, startFrom: '' },
			{ makiniApi: { baseUrl: args.url, token: args.token } },
		);
	}
	const active = trigger;
	const { value, elapsedMs } = await timed(async () => await active.poll());
	return { elapsedMs, changed: keySet((value?.[0] ?? []).map((item) => item.json)) };
}

/**
 * The baseline: re-read everything (largest pages) and compare the set of keys with the last read. Meter readings
 * are append-only and have no updatedAt, so a key not seen last time is a new reading.
 */
export async function baselinePoll(args: PollArgs): Promise<PollResult> {
	const { value, elapsedMs } = await timed(async () => {
		const current = new Set<string>();
		const changed: Array<Record<string, unknown>> = [];
		const headers = authHeaders(args);
		for (let page = 1; ; page++) {
			const response = await fetch(`${args.url}${args.path}?page=${page}&per_page=500`, { headers });
			if (!response.ok) throw new Error(`baseline got HTTP ${response.status}`);
			const body = (await response.json()) as { data: Array<Record<string, unknown>>; meta: { current_page: number; last_page: number } };
			for (const record of body.data) {
				const key = String(record.key);
				current.add(key);
				if (snapshot && !snapshot.has(key)) changed.push(record);
			}
			if (body.data.length === 0 || body.meta.current_page >= body.meta.last_page) break;
		}
		snapshot = current;
		return changed;
	});
	return { elapsedMs, changed: keySet(value) };
}
