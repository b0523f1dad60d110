import type { IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { acceptDelivery } from '../../nodes/Makini/trigger/deliveryMemory';
import {
	SHARED_ENTRIES,
	SHARE_INTERVAL_MS,
	processMemory,
	shareFromExecution,
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
	shareFromWebhook(first.context, processMemory(first.context, 5000), true, 1);
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
	shareFromWebhook(first.context, memory, true, total);
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

test('webhook calls share at most once per interval; an execution shares the rest once the interval has passed', async () => {
	const t0 = Date.now();
	const first = request('wf-interval', {});
	const memory = processMemory(first.context, 5000);
	acceptDelivery(memory, ['id:a'], t0, options);
	shareFromWebhook(first.context, memory, true, t0);
	expect(first.staticData).toEqual({ seenDeliveries: { 'id:a': t0 }, seenCount: 1 });

	// the next call within the interval leaves its copy of the static data alone: n8n then writes nothing
	const second = request('wf-interval', first.staticData);
	acceptDelivery(processMemory(second.context, 5000), ['id:b'], t0 + 1, options);
	shareFromWebhook(second.context, memory, true, t0 + 1);
	expect(second.staticData).toEqual({ seenDeliveries: { 'id:a': t0 }, seenCount: 1 });

	// both deliveries' executions: one waits out the interval and shares b too, the other leaves at once
	const executionA = request('wf-interval', second.staticData);
	const executionB = request('wf-interval', second.staticData);
	const sharedByA = shareFromExecution(executionA.context as unknown as IExecuteFunctions);
	const left = Date.now();
	await shareFromExecution(executionB.context as unknown as IExecuteFunctions);
	expect(Date.now() - left).toBeLessThan(SHARE_INTERVAL_MS / 2);
	expect(executionB.staticData).toEqual({ seenDeliveries: { 'id:a': t0 }, seenCount: 1 });
	await sharedByA;
	expect(Date.now() - t0).toBeGreaterThanOrEqual(SHARE_INTERVAL_MS - 5);
	expect(executionA.staticData).toEqual({ seenDeliveries: { 'id:a': t0, 'id:b': t0 + 1 }, seenCount: 2 });

	// with nothing new since, the next execution changes nothing
	const later = request('wf-interval', executionA.staticData);
	await shareFromExecution(later.context as unknown as IExecuteFunctions);
	expect(later.staticData).toEqual(executionA.staticData);
});

test('where the executions run in this process (regular mode) webhook calls leave sharing to them, until none has run for a while', async () => {
	const t0 = Date.now();
	const first = request('wf-regular', {});
	const memory = processMemory(first.context, 5000);
	acceptDelivery(memory, ['id:a'], t0, options);
	shareFromWebhook(first.context, memory, true, t0); // no execution has run here yet: the call shares
	expect(first.staticData).toEqual({ seenDeliveries: { 'id:a': t0 }, seenCount: 1 });
	// a's execution: nothing is pending, so it shares nothing, but it shows that executions run here
	await shareFromExecution(request('wf-regular', first.staticData).context as unknown as IExecuteFunctions);

	const second = request('wf-regular', first.staticData);
	acceptDelivery(processMemory(second.context, 5000), ['id:b'], t0 + 2 * SHARE_INTERVAL_MS, options);
	shareFromWebhook(second.context, memory, true, t0 + 2 * SHARE_INTERVAL_MS); // past the interval, still not shared
	expect(second.staticData).toEqual({ seenDeliveries: { 'id:a': t0 }, seenCount: 1 });

	// no execution for ten intervals: the next call shares again, as a queue-mode webhook processor does
	const idle = request('wf-regular', second.staticData);
	shareFromWebhook(idle.context, processMemory(idle.context, 5000), false, Date.now() + 10 * SHARE_INTERVAL_MS);
	expect(idle.staticData).toEqual({ seenDeliveries: { 'id:a': t0, 'id:b': t0 + 2 * SHARE_INTERVAL_MS }, seenCount: 2 });
});

test('an execution in a process that took no delivery of the trigger (a queue-mode worker) shares nothing', async () => {
	const worker = request('wf-worker', {});
	await shareFromExecution(worker.context as unknown as IExecuteFunctions);
	expect(worker.staticData).toEqual({});
});

test('a redelivery shares what is pending once the interval has passed, and only then', () => {
	const first = request('wf-pending', {});
	const memory = processMemory(first.context, 5000);
	acceptDelivery(memory, ['id:a'], 0, options);
	shareFromWebhook(first.context, memory, true, 0);
	acceptDelivery(memory, ['id:b'], 10, options);
	shareFromWebhook(first.context, memory, true, 10); // within the interval: b waits
	const retry = request('wf-pending', { seenDeliveries: { 'id:a': 0 }, seenCount: 1 });
	shareFromWebhook(retry.context, processMemory(retry.context, 5000), false, 500);
	expect(retry.staticData).toEqual({ seenDeliveries: { 'id:a': 0 }, seenCount: 1 });
	shareFromWebhook(retry.context, processMemory(retry.context, 5000), false, 1000);
	expect(retry.staticData).toEqual({ seenDeliveries: { 'id:a': 0, 'id:b': 10 }, seenCount: 2 });
	// nothing pending any more: a further redelivery changes nothing
	const again = request('wf-pending', retry.staticData);
	shareFromWebhook(again.context, processMemory(again.context, 5000), false, 5000);
	expect(again.staticData).toEqual(retry.staticData);
});
