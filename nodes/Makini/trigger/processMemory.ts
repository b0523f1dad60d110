import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

/** Memories of the Makini Triggers this process serves, least recently used first. */
const memories = new Map<string, IDataObject>();
/** Triggers remembered at once; a forgotten one is reloaded from its static data when it is called again. */
const MAX_MEMORIES = 200;

/**
 * n8n loads static data afresh for every request and saves it afterwards, last write wins, so concurrent
 * requests would each see and save only their own copy. One memory per trigger in the process, seeded
 * from static data when the process first needs it, is what every request consults instead.
 */
export function processMemory(context: IWebhookFunctions): IDataObject {
	const id = `${context.getMode()}:${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
	let memory = memories.get(id);
	if (memory) {
		memories.delete(id); // re-inserted below as the most recently used
	} else {
		const saved = context.getWorkflowStaticData('node');
		memory = {
			seenDeliveries: { ...(saved.seenDeliveries as IDataObject | undefined) },
			seenCount: saved.seenCount,
		};
	}
	memories.set(id, memory);
	if (memories.size > MAX_MEMORIES) memories.delete(memories.keys().next().value as string);
	return memory;
}

/**
 * After an accepted delivery the node's static data refers to the shared memory itself, so each save
 * writes everything the process knows when the save happens, not when its request started: whichever
 * save lands last keeps the others' entries.
 */
export function keepInStaticData(context: IWebhookFunctions, memory: IDataObject): void {
	const staticData = context.getWorkflowStaticData('node');
	staticData.seenDeliveries = memory.seenDeliveries;
	staticData.seenCount = memory.seenCount;
}
