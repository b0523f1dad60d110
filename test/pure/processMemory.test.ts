import type { IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { acceptDelivery } from '../../nodes/Makini/trigger/deliveryMemory';
import {
	SHARED_ENTRIES,
	enterExecution,
	processMemory,
	shareFromWebhook,
} from '../../nodes/Makini/trigger/processMemory';

// One n8n request as the trigger sees it: n8n hands every request a fresh copy of what the database holds.
const request = (workflowId: string, stored: IDataObject) => {
	const staticData = JSON.parse(JSON.stringify(stored)) as IDataObject;
	return {
		staticData,
		context: {
			getMode: () => 'webhook',
			getWorkflow: () => ({ id: workflowId }),
			getNode: () => ({ id: 'trigger' }),
			getWorkflowStaticData: () => staticData,
		} as unknown as IWebhookFunctions,
	};
};
const options = { retentionMs: 60_000, maxEntries: 100 };

test('a delivery another process saved is known to this one at its next request', () => {
	const db: IDataObject = {};
	// this process accepts a, and the database gets its memory
	const first = request('wf-merge', db);
	expect(acceptDelivery(processMemory(first.context, 5000), ['id:a'], 1, options)).toBe(true);
	shareFromWebhook(first.context, processMemory(first.context, 5000), 1);
	Object.assign(db, JSON.parse(JSON.stringify(first.staticData)));
	// another process then saves b (its memory: what it loaded, a, plus b)
	(db.seenDeliveries as IDataObject)['id:b'] = 2;
	db.seenCount = 2;

	const next = request('wf-merge', db);
	const memory = processMemory(next.context, 5000);
	expect(acceptDelivery(memory, ['id:b'], 3, options)).toBe(false);
	expect(memory.seenDeliveries).toEqual({ 'id:a': 1, 'id:b': 2 });
	expect(memory.seenCount).toBe(2);
});

test('an entry this process knows keeps its own time, and a stale save loses nothing it holds', () => {
	const db: IDataObject = {};
	const first = request('wf-stale', db);
	acceptDelivery(processMemory(first.context, 5000), ['id:a'], 5, options);
	acceptDelivery(processMemory(first.context, 5000), ['id:c'], 6, options);
	// the other process's save lands last and never saw c; its copy of a carries another time
	const next = request('wf-stale', { seenDeliveries: { 'id:a': 9 }, seenCount: 1 });
	const memory = processMemory(next.context, 5000);
	expect(memory.seenDeliveries).toEqual({ 'id:a': 5, 'id:c': 6 });
	expect(memory.seenCount).toBe(2);
});

test('static data carries only the newest entries once the memory is large; the process keeps them all', () => {
	const first = request('wf-share', {});
	const memory = processMemory(first.context, 5000);
	const total = SHARED_ENTRIES + 50;
	for (let n = 0; n < total; n++) acceptDelivery(memory, [`id:${n}`], n, { retentionMs: 1e9, maxEntries: 5000 });
	shareFromWebhook(first.context, memory, total);
	const shared = Object.keys(first.staticData.seenDeliveries as IDataObject);
	expect(shared).toHaveLength(SHARED_ENTRIES);
	expect(shared[0]).toBe('id:50');
	expect(shared.at(-1)).toBe(`id:${total - 1}`);
	expect(first.staticData.seenCount).toBe(SHARED_ENTRIES);
	// the trimmed save does not make this process forget: an old delivery is still a duplicate here
	const next = request('wf-share', first.staticData);
	expect(acceptDelivery(processMemory(next.context, 5000), ['id:0'], total, options)).toBe(false);
});

test('a full memory takes in nothing older than its oldest entry: a stale save does not bring back what it forgot', () => {
	const small = { retentionMs: 60_000, maxEntries: 3 };
	const first = request('wf-full', {});
	const memory = processMemory(first.context, 3);
	for (let n = 1; n <= 4; n++) acceptDelivery(memory, [`id:${n}`], n, small); // id:1 forgotten
	expect(Object.keys(memory.seenDeliveries as IDataObject)).toEqual(['id:2', 'id:3', 'id:4']);
	// a save from before the eviction, plus an entry another process accepted since
	const stale = request('wf-full', { seenDeliveries: { 'id:1': 1, 'id:2': 2, 'id:9': 5 }, seenCount: 3 });
	const merged = processMemory(stale.context, 3);
	expect(Object.keys(merged.seenDeliveries as IDataObject)).toEqual(['id:2', 'id:3', 'id:4', 'id:9']);
	expect(acceptDelivery(merged, ['id:1'], 6, small)).toBe(true);
});

test('webhook calls share at most once per interval; the last execution running shares the rest', () => {
	const first = request('wf-interval', {});
	const memory = processMemory(first.context, 5000);
	acceptDelivery(memory, ['id:a'], 1000, options);
	shareFromWebhook(first.context, memory, 1000);
	expect(first.staticData).toEqual({ seenDeliveries: { 'id:a': 1000 }, seenCount: 1 });

	// the next call within the interval leaves its copy of the static data alone: n8n then writes nothing
	const second = request('wf-interval', first.staticData);
	acceptDelivery(processMemory(second.context, 5000), ['id:b'], 1500, options);
	shareFromWebhook(second.context, memory, 1500);
	expect(second.staticData).toEqual({ seenDeliveries: { 'id:a': 1000 }, seenCount: 1 });

	// the executions of both deliveries overlap: only the last one to finish shares, and it shares b too
	const executionA = request('wf-interval', second.staticData);
	const executionB = request('wf-interval', second.staticData);
	const leaveA = enterExecution(executionA.context as unknown as IExecuteFunctions);
	const leaveB = enterExecution(executionB.context as unknown as IExecuteFunctions);
	leaveA();
	expect(executionA.staticData).toEqual({ seenDeliveries: { 'id:a': 1000 }, seenCount: 1 });
	leaveB();
	expect(executionB.staticData).toEqual({ seenDeliveries: { 'id:a': 1000, 'id:b': 1500 }, seenCount: 2 });

	// with nothing new since, the next execution changes nothing
	const later = request('wf-interval', executionB.staticData);
	enterExecution(later.context as unknown as IExecuteFunctions)();
	expect(later.staticData).toEqual(executionB.staticData);
});

test('an execution in a process that took no delivery of the trigger (a queue-mode worker) shares nothing', () => {
	const worker = request('wf-worker', {});
	enterExecution(worker.context as unknown as IExecuteFunctions)();
	expect(worker.staticData).toEqual({});
});
