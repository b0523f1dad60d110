import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { acceptDelivery, type DeliveryMemoryOptions } from './deliveryMemory';

/** The node's Options collection as far as duplicates are concerned. */
export function duplicateOptions(options: IDataObject): DeliveryMemoryOptions & { identicalBodyIsDuplicate: boolean } {
	return {
		retentionMs: ((options.retentionHours as number | undefined) ?? 48) * 3_600_000,
		maxEntries: (options.maxEntries as number | undefined) ?? 5000,
		identicalBodyIsDuplicate: options.identicalBodyIsDuplicate !== false,
	};
}

/** What identifies a delivery: its body (128 bits of its hash keep the memory small) and Makini's event id. */
export function deliveryKeys(fingerprint: string, eventId: unknown, identicalBodyIsDuplicate: boolean): string[] {
	const keys: string[] = [];
	if (identicalBodyIsDuplicate) keys.push(`fp:${fingerprint.slice(0, 32)}`);
	if (typeof eventId === 'string' && eventId !== '') keys.push(`id:${eventId}`);
	return keys;
}

/** Memories of the Makini Triggers this process serves, least recently used first. */
const memories = new Map<string, IDataObject>();
/** Triggers remembered at once; a forgotten one is reloaded from its static data when it is called again. */
const MAX_MEMORIES = 200;

/**
 * n8n loads static data afresh for every request and saves it afterwards, last write wins, so concurrent
 * requests would each see and save only their own copy. One memory per trigger in the process, seeded
 * from static data when the process first needs it, is what every request consults instead.
 */
function processMemory(context: IWebhookFunctions): IDataObject {
	const id = `${context.getMode()}:${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
	let memory = memories.get(id);
	if (memory) {
		memories.delete(id); // re-inserted below as the most recently used
	} else {
		const saved = context.getWorkflowStaticData('node');
		memory = { seenDeliveries: { ...(saved.seenDeliveries as IDataObject | undefined) }, seenCount: saved.seenCount };
	}
	memories.set(id, memory);
	if (memories.size > MAX_MEMORIES) memories.delete(memories.keys().next().value as string);
	return memory;
}

/**
 * True when this process has not accepted any of the keys within the window (and records them). The node's
 * static data then refers to the shared memory itself, so each save writes everything the process knows
 * when the save happens, not when this request started: whichever save lands last keeps the others' entries.
 */
export function acceptInProcess(
	this: IWebhookFunctions,
	keys: string[],
	nowMs: number,
	options: DeliveryMemoryOptions,
): boolean {
	const memory = processMemory(this);
	if (!acceptDelivery(memory, keys, nowMs, options)) return false;
	const staticData = this.getWorkflowStaticData('node');
	staticData.seenDeliveries = memory.seenDeliveries;
	staticData.seenCount = memory.seenCount;
	return true;
}
