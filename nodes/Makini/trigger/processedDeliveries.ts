import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { DeliveryJson } from './deliveryItems';
import { deliveryKeys, duplicateOptions } from './deliveryMemory';

/**
 * n8n's deduplication store keeps plain values with no time, so each key is recorded per slice of a
 * quarter of the window, for its own slice and the four before: a delivery within the window of an earlier
 * one always shares one of them (and one up to a quarter window older may too).
 */
const SLICES_PER_WINDOW = 4;

function windowItems(keys: string[], nowMs: number, retentionMs: number): string[] {
	const slice = Math.floor(nowMs / (retentionMs / SLICES_PER_WINDOW));
	return keys.flatMap((key) =>
		Array.from({ length: SLICES_PER_WINDOW + 1 }, (_, back) => `${key}@${slice - back}`),
	);
}

interface Waiting {
	items: string[];
	settle: (fresh: boolean) => void;
	fail: (error: unknown) => void;
}

/** Checks waiting per trigger (workflow and node) in this process. */
const queues = new Map<string, Waiting[]>();

/**
 * n8n reads and writes a node's processed items without a lock, so one trigger's checks never overlap here:
 * the checks that arrive while one runs go together into the next, one database round trip per batch
 * rather than per delivery (bursts of deliveries would otherwise queue their executions behind each other).
 */
async function drain(
	context: IExecuteFunctions,
	id: string,
	waiting: Waiting[],
	maxEntries: number,
): Promise<void> {
	while (waiting.length > 0) {
		const batch = waiting.splice(0);
		try {
			const items = [...new Set(batch.flatMap((check) => check.items))];
			const { processed } = await context.helpers.checkProcessedAndRecord(items, 'node', {
				mode: 'entries',
				maxEntries,
			});
			// n8n compares a batch only with what was stored before it, so repeats within the batch are found here.
			const known = new Set(processed.map(String));
			for (const check of batch) {
				check.settle(!check.items.some((item) => known.has(item)));
				for (const item of check.items) known.add(item);
			}
		} catch (error) {
			for (const check of batch) check.fail(error);
		}
	}
	queues.delete(id);
}

async function isFresh(
	context: IExecuteFunctions,
	id: string,
	items: string[],
	maxEntries: number,
): Promise<boolean> {
	return await new Promise((settle, fail) => {
		const waiting = queues.get(id);
		if (waiting) {
			waiting.push({ items, settle, fail });
			return;
		}
		const started = [{ items, settle, fail }];
		queues.set(id, started);
		void drain(context, id, started, maxEntries);
	});
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
	const maxEntries = options.maxEntries * 2 * (SLICES_PER_WINDOW + 1);
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
