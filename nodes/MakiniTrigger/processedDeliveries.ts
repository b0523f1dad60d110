import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { DeliveryJson } from './deliveryItems';
import { deliveryKeys, duplicateOptions } from './duplicateFilter';

/**
 * n8n's deduplication store keeps plain values with no time, so each key is recorded per slice of a
 * quarter of the window, for its own slice and the four before: a delivery within the window of an earlier
 * one always shares one of them (and one up to a quarter window older may too).
 */
const SLICES_PER_WINDOW = 4;

function windowItems(keys: string[], nowMs: number, retentionMs: number): string[] {
	const slice = Math.floor(nowMs / (retentionMs / SLICES_PER_WINDOW));
	return keys.flatMap((key) => Array.from({ length: SLICES_PER_WINDOW + 1 }, (_, back) => `${key}@${slice - back}`));
}

/** n8n reads and writes a node's processed items without a lock: checks of one trigger run one at a time here. */
const checksInFlight = new Map<string, Promise<unknown>>();

function oneAtATime<T>(id: string, check: () => Promise<T>): Promise<T> {
	const run = (checksInFlight.get(id) ?? Promise.resolve()).then(check);
	const settled = run.catch(() => undefined);
	checksInFlight.set(id, settled);
	void settled.then(() => {
		if (checksInFlight.get(id) === settled) checksInFlight.delete(id);
	});
	return run;
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
export async function unprocessedDeliveries(this: IExecuteFunctions, deliveries: DeliveryJson[]): Promise<DeliveryJson[]> {
	const options = duplicateOptions(this.getNodeParameter('options', 0, {}) as IDataObject);
	if (this.getMode() !== 'webhook' || options.retentionMs <= 0) return deliveries;
	const id = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
	const fresh: DeliveryJson[] = [];
	for (const delivery of deliveries) {
		const keys = deliveryKeys(delivery.deliveryFingerprint, delivery.payload.id, options.identicalBodyIsDuplicate);
		const items = windowItems(keys, Date.parse(delivery.receivedAt), options.retentionMs);
		const { processed } = await oneAtATime(id, async () =>
			await this.helpers.checkProcessedAndRecord(items, 'node', {
				mode: 'entries',
				maxEntries: options.maxEntries * 2 * (SLICES_PER_WINDOW + 1),
			}),
		);
		if (processed.length === 0) fresh.push(delivery);
	}
	// The execution emits nothing for the others; marking it tells it apart from one that found no records.
	if (fresh.length < deliveries.length) {
		this.getWorkflowDataProxy(0).$execution.customData.set(DUPLICATES_MARK, String(deliveries.length - fresh.length));
	}
	return fresh;
}
