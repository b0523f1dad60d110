import {
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

/**
 * One trigger's delivery memory in this process: what acceptDelivery keeps (key → first accepted, in arrival
 * order, and their count), and how far it has been shared through static data.
 */
export interface ProcessMemory extends IDataObject {
	seenDeliveries: Record<string, number>;
	seenCount: number;
	/** accepted deliveries so far, and how many of them the last share carried */
	version?: number;
	sharedVersion?: number;
	sharedAt?: number;
	/** an execution is waiting out the interval to share */
	waiting?: boolean;
	/** when an execution of the trigger last ran in this process */
	executionAt?: number;
}

/** Memories of the Makini Triggers this process serves, least recently used first. */
const memories = new Map<string, ProcessMemory>();
/** Triggers remembered at once; a forgotten one is reloaded from its static data when it is called again. */
const MAX_MEMORIES = 200;

type TriggerContext = IWebhookFunctions | IExecuteFunctions;

/** The trigger's webhook calls and the executions they start (mode "webhook" both) share one memory. */
function memoryId(context: TriggerContext): string {
	return `${context.getMode()}:${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
}

/**
 * n8n loads static data afresh for every request and saves it afterwards, last write wins, so concurrent
 * requests would each see and save only their own copy. One memory per trigger in the process, seeded
 * from static data when the process first needs it, is what every request consults instead.
 */
export function processMemory(context: IWebhookFunctions, maxEntries: number): ProcessMemory {
	const id = memoryId(context);
	const saved = (context.getWorkflowStaticData('node').seenDeliveries ?? {}) as Record<
		string,
		number
	>;
	let memory = memories.get(id);
	if (memory) {
		memories.delete(id); // re-inserted below as the most recently used
		mergeSaved(memory, saved, maxEntries);
	} else {
		memory = { seenDeliveries: { ...saved }, seenCount: Object.keys(saved).length };
	}
	memories.set(id, memory);
	if (memories.size > MAX_MEMORIES) memories.delete(memories.keys().next().value as string);
	return memory;
}

/**
 * Other n8n processes (queue mode's webhook processors) save what they accepted into the same static data,
 * which n8n loads afresh for every request: taking in the entries this process lacks is what lets a
 * redelivery to another process be recognised. Entries already known keep their own (earlier) time. A full
 * memory keeps the newest entries, so then nothing older than its oldest is taken in: a save made before
 * this process forgot an entry (n8n 2.x saves the static data an execution started with when it ends) must
 * not bring it back.
 */
function mergeSaved(
	memory: ProcessMemory,
	saved: Record<string, number>,
	maxEntries: number,
): void {
	const seen = memory.seenDeliveries;
	let horizon = -Infinity;
	if (memory.seenCount >= maxEntries) {
		for (const key in seen) {
			horizon = seen[key];
			break;
		}
	}
	let added = 0;
	for (const key in saved) {
		if (seen[key] === undefined && saved[key] >= horizon) {
			seen[key] = saved[key];
			added++;
		}
	}
	memory.seenCount += added;
}

/**
 * The newest entries shared through static data. n8n rewrites a workflow's static data after every webhook call
 * that changed it, so its size is paid on every delivery; other processes take entries in at their next request,
 * and a restarted one only needs recent ones. Older redeliveries are left to n8n's deduplication store
 * (processedDeliveries.ts), which keeps the whole window.
 */
export const SHARED_ENTRIES = 200;

/**
 * After an accepted delivery the node's static data refers to the process memory itself while it is small, so
 * each save writes everything the process knows when the save happens (whichever save lands last keeps the
 * others' entries); past SHARED_ENTRIES it holds a copy of the newest ones.
 */
function keepInStaticData(context: TriggerContext, memory: ProcessMemory): void {
	const seen = memory.seenDeliveries;
	const staticData = context.getWorkflowStaticData('node');
	if (memory.seenCount <= SHARED_ENTRIES) {
		staticData.seenDeliveries = seen;
		staticData.seenCount = memory.seenCount;
		return;
	}
	const newest: Record<string, number> = {};
	for (const key of Object.keys(seen).slice(-SHARED_ENTRIES)) newest[key] = seen[key];
	staticData.seenDeliveries = newest;
	staticData.seenCount = SHARED_ENTRIES;
}

/**
 * n8n writes changed static data to its database before it answers a webhook call, and again when an execution
 * that changed it ends: sharing on every delivery put a database write in front of every answer (the intake was
 * then 3x slower than n8n's Webhook node). The memory is shared at most once per interval.
 */
export const SHARE_INTERVAL_MS = 1000;

/**
 * Where the trigger's executions run in this process (n8n's regular mode) they share, after the answers went out,
 * and webhook calls leave it to them: even once a second, sharing from webhook calls made the intake 0.56x n8n's
 * Webhook node instead of about 0.8x. A queue-mode webhook processor runs no executions, so its webhook calls share.
 * An execution within this long counts as "executions run here".
 */
const EXECUTIONS_HERE_MS = 10 * SHARE_INTERVAL_MS;

const executionsRunHere = (memory: ProcessMemory, nowMs: number) =>
	nowMs - (memory.executionAt ?? -Infinity) < EXECUTIONS_HERE_MS;

const pending = (memory: ProcessMemory) => memory.version !== memory.sharedVersion;

function share(context: TriggerContext, memory: ProcessMemory, nowMs: number): void {
	memory.sharedAt = nowMs;
	memory.sharedVersion = memory.version;
	keepInStaticData(context, memory);
}

const sinceShared = (memory: ProcessMemory, nowMs: number) =>
	nowMs - (memory.sharedAt ?? -Infinity);

/**
 * Called by webhook() for every verified delivery, `accepted` into `memory` or not. Unless executions run here, it
 * shares what is pending once the interval has passed; a redelivery too, which matters where no new delivery
 * follows (a queue-mode processor answering retries).
 */
export function shareFromWebhook(
	context: IWebhookFunctions,
	memory: ProcessMemory,
	accepted: boolean,
	nowMs: number,
): void {
	if (accepted) memory.version = (memory.version ?? 0) + 1;
	if (executionsRunHere(memory, nowMs)) return;
	if (pending(memory) && sinceShared(memory, nowMs) >= SHARE_INTERVAL_MS)
		share(context, memory, nowMs);
}

/**
 * Called by the execution a delivery started, where it runs in the process that took the delivery (n8n's
 * regular mode; a queue-mode worker holds no memory of the webhook processor's deliveries and shares nothing).
 * Within the interval one execution at a time waits for its end and then shares what is still pending, so no
 * accepted delivery stays unshared once its execution is over: that execution shared it, or one still waiting
 * will. n8n saves the static data when the sharing execution ends, after the answers went out.
 */
export async function shareFromExecution(context: IExecuteFunctions): Promise<void> {
	const memory = memories.get(memoryId(context));
	if (!memory) return;
	memory.executionAt = Date.now();
	if (!pending(memory) || memory.waiting === true) return;
	const wait = SHARE_INTERVAL_MS - sinceShared(memory, Date.now());
	if (wait > 0) {
		memory.waiting = true;
		await sleep(wait);
		memory.waiting = false;
		if (!pending(memory)) return;
	}
	share(context, memory, Date.now());
}
