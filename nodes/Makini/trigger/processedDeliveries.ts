import { sleep, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { DeliveryJson } from './deliveryItems';
import { deliveryKeys, duplicateOptions } from './deliveryMemory';

/**
 * n8n's deduplication store keeps plain values with no time, so each key is recorded for the slice of time
 * (one window long) it arrives in and for the slice before: a delivery within the window of an earlier one
 * always shares one of them (one up to two windows older may too). Two entries per key keep the stored list,
 * which n8n reads and rewrites whole at every check, small.
 */
const ITEMS_PER_KEY = 2;

export function windowItems(keys: string[], nowMs: number, retentionMs: number): string[] {
	const slice = Math.floor(nowMs / retentionMs);
	return keys.flatMap((key) =>
		Array.from({ length: ITEMS_PER_KEY }, (_, i) => `${key}@${slice - i}`),
	);
}

/**
 * n8n writes the stored list back whole, without a lock, so a check in another n8n process (queue mode's
 * workers) that read it before this one wrote and writes after drops what this one recorded. Recorded items
 * are therefore checked once more when any such concurrent check has certainly ended, and recorded again if
 * they were dropped (then checked again, a few times at most). The execution does not wait for that.
 */
const CONFIRM_AFTER_MS = 500;
const CONFIRMATIONS = 3;

/**
 * Records `items` in n8n's deduplication store and returns those it already held. Two n8n processes recording
 * a trigger's first deliveries at once both insert its row and the later insert fails: the row is there when
 * it is tried again.
 */
async function record(context: IExecuteFunctions, items: string[], maxEntries: number) {
	const check = async () =>
		await context.helpers.checkProcessedAndRecord(items, 'node', { mode: 'entries', maxEntries });
	try {
		return await check();
	} catch {
		await sleep(CONFIRM_AFTER_MS);
		return await check();
	}
}

/** A delivery's check (it settles), or a confirmation of items recorded before (`confirmationsLeft`). */
type Check =
	| { items: string[]; settle: (fresh: boolean) => void; fail: (error: unknown) => void }
	| { items: string[]; confirmationsLeft: number };

/** Checks waiting per trigger (workflow and node) in this process. */
const queues = new Map<string, Check[]>();

/**
 * n8n reads and writes a node's processed items without a lock, so one trigger's checks never overlap here:
 * the checks that arrive while one runs go together into the next, one database round trip per batch
 * rather than per delivery (bursts of deliveries would otherwise queue their executions behind each other).
 */
async function drain(
	context: IExecuteFunctions,
	id: string,
	waiting: Check[],
	maxEntries: number,
): Promise<void> {
	while (waiting.length > 0) {
		const batch = waiting.splice(0);
		try {
			const items = [...new Set(batch.flatMap((check) => check.items))];
			const { processed } = await record(context, items, maxEntries);
			// n8n compares a batch only with what was stored before it, so repeats within the batch are found here.
			const known = new Set(processed.map(String));
			const stored = new Set(known);
			for (const check of batch) {
				const fresh = !check.items.some((item) => known.has(item));
				if ('settle' in check) check.settle(fresh);
				for (const item of check.items) known.add(item);
			}
			const recorded = items.filter((item) => !stored.has(item));
			// A confirmation that had to record again is confirmed in turn.
			const left = Math.max(
				...batch.map((check) => ('settle' in check ? CONFIRMATIONS : check.confirmationsLeft)),
			);
			if (recorded.length > 0 && left > 0) {
				void sleep(CONFIRM_AFTER_MS).then(() =>
					enqueue(context, id, { items: recorded, confirmationsLeft: left - 1 }, maxEntries),
				);
			}
		} catch (error) {
			for (const check of batch) if ('fail' in check) check.fail(error);
		}
	}
	queues.delete(id);
}

function enqueue(context: IExecuteFunctions, id: string, check: Check, maxEntries: number): void {
	const waiting = queues.get(id);
	if (waiting) {
		waiting.push(check);
		return;
	}
	const started = [check];
	queues.set(id, started);
	void drain(context, id, started, maxEntries);
}

async function isFresh(
	context: IExecuteFunctions,
	id: string,
	items: string[],
	maxEntries: number,
): Promise<boolean> {
	return await new Promise((settle, fail) =>
		enqueue(context, id, { items, settle, fail }, maxEntries),
	);
}

/** Custom execution data (n8n shows it with the execution) counting the deliveries found to be redeliveries here. */
export const DUPLICATES_MARK = 'makiniDuplicateDeliveries';

/**
 * The deliveries of a production execution that n8n's own deduplication store (its database, shared by
 * every n8n process and kept across restarts) has not seen within the window; it records them. This
 * catches what webhook() could not: redeliveries after a restart, or to another n8n process. The
 * execution has started by then, so it emits nothing for those and is marked. Other modes
 * (manual tests, retries of a failed execution) pass everything, so a retry still does its work.
 */
export async function unprocessedDeliveries(
	this: IExecuteFunctions,
	deliveries: DeliveryJson[],
): Promise<DeliveryJson[]> {
	const options = duplicateOptions(this.getNodeParameter('options', 0, {}) as IDataObject);
	if (this.getMode() !== 'webhook' || options.retentionMs <= 0) return deliveries;
	const id = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
	// Twice the deliveries the webhook memory keeps: this store is what catches those it has forgotten.
	const maxEntries = options.maxEntries * 2 * ITEMS_PER_KEY;
	const fresh: DeliveryJson[] = [];
	for (const delivery of deliveries) {
		const keys = deliveryKeys(
			delivery.deliveryFingerprint,
			delivery.payload.id,
			options.identicalBodyIsDuplicate,
		);
		const items = windowItems(keys, Date.parse(delivery.receivedAt), options.retentionMs);
		if (await isFresh(this, id, items, maxEntries)) fresh.push(delivery);
	}
	// The execution emits nothing for the others; marking it tells it apart from one that found no records.
	if (fresh.length < deliveries.length) {
		this.getWorkflowDataProxy(0).$execution.customData.set(
			DUPLICATES_MARK,
			String(deliveries.length - fresh.length),
		);
	}
	return fresh;
}
