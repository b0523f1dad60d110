import axios from 'axios';
import { createHash, createHmac } from 'crypto';
import { Agent, createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { MakiniTrigger } from '../../nodes/Makini/MakiniTrigger.node';
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { TriggerHarness, startWebhookReceiver, type WebhookReceiver } from '../harness/trigger';
import { processedData } from '../harness/processedData';

// The Makini Trigger receiving the sandbox's real signed deliveries over HTTP (sandbox → node:http → n8n-core
// WebhookContext → webhook() → n8n-core WorkflowExecute → execute()).

jest.setTimeout(60_000);

let sandbox: Sandbox;
let harness: TriggerHarness;
let receiver: WebhookReceiver;

const ccn = () => sandbox.connections.ccn;
const rows = (entity: string) => sandbox.records(ccn().id, entity) as Array<IDataObject & { key: string }>;
const sign = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('base64');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** A trigger with its own HTTP endpoint, subscribed in the sandbox like a user pasting the URL in Makini. */
async function trigger(
	parameters: INodeParameters,
	options: { secret?: string; signWith?: string; baseUrl?: string } = {},
): Promise<void> {
	harness = new TriggerHarness({
		node: new MakiniTrigger(),
		parameters: { events: ['*'], ...parameters },
		credentials: {
			makiniWebhookApi: { secret: options.secret ?? ccn().webhookSecret },
			makiniApi: { baseUrl: options.baseUrl ?? sandbox.url, token: ccn().token },
		},
	});
	receiver = await startWebhookReceiver(harness);
	sandbox.subscribe(ccn().id, { url: receiver.url, ...(options.signWith ? { secret: options.signWith } : {}) });
}

const noKeepAlive = new Agent({ keepAlive: false });

/** Sends a body straight to the trigger, as an attacker or a broken proxy could. */
async function post(body: string, headers: Record<string, string>) {
	const response = await axios.post(receiver.url, body, {
		headers: { 'content-type': 'application/json', ...headers },
		transformRequest: [(data: string) => data],
		validateStatus: () => true,
		responseType: 'text',
		httpAgent: noKeepAlive,
	});
	await receiver.settled();
	return { status: response.status, body: String(response.data) };
}

/** Signs and sends each body at the same moment, as a burst or a sender's parallel retries would. */
async function postAll(bodies: string[]): Promise<number[]> {
	const secret = ccn().webhookSecret;
	const answers = await Promise.all(bodies.map((body) => post(body, { 'x-webhook-signature': sign(secret, body) })));
	return answers.map((answer) => answer.status);
}

/** The node as a restarted n8n loads it: its module afresh, without the memory the old one kept. */
function reloadedNode(): MakiniTrigger {
	let node: MakiniTrigger | undefined;
	jest.isolateModules(() => {
		const fresh = require('../../nodes/Makini/MakiniTrigger.node') as { MakiniTrigger: typeof MakiniTrigger };
		node = new fresh.MakiniTrigger();
	});
	return node!;
}

const started = () => harness.outcomes.filter((outcome) => outcome.output !== undefined);
/** Executions that emitted items (a redelivery caught in an execution emits none). */
const emitted = () => started().filter((outcome) => outcome.output!.length > 0);
const markedDuplicates = () => started().filter((outcome) => outcome.customData?.makiniDuplicateDeliveries === '1');
const myDeliveries = () => sandbox.deliveries().filter((delivery) => delivery.url === receiver.url);

beforeEach(async () => {
	sandbox = await startSandbox({ port: 0, control: true, timeScale: 0.001 });
});

// The sandbox's scaled answer deadline is 250 ms; the first delivery in a fresh jest worker also pays for
// loading n8n-core's lazily required modules, so one unmeasured delivery warms the process up.
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, control: true, timeScale: 0.001 });
	await trigger({});
	const body = JSON.stringify({ event: 'assets.updated', body: ['warm-up'] });
	expect((await post(body, { 'x-webhook-signature': sign(ccn().webhookSecret, body) })).status).toBe(200);
	await receiver.close();
	await sandbox.close();
});

afterEach(async () => {
	await receiver?.close();
	await sandbox.close();
});

describe('Makini Trigger: verification', () => {
	test('a valid signed delivery starts one execution with the shaped item and is answered 200', async () => {
		await trigger({});
		const [asset] = rows('assets');
		await sandbox.emit(ccn().id, 'assets.updated', [asset.key]);
		await receiver.settled();

		expect(myDeliveries().map((d) => d.status)).toEqual([200]);
		expect(started()).toHaveLength(1);
		const [item] = started()[0].output!;
		const body = JSON.stringify(myDeliveries()[0].payload);
		expect(item.json).toEqual({
			event: 'assets.updated',
			receivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
			deliveryFingerprint: sha256(body),
			payload: { event: 'assets.updated', body: [asset.key] },
		});
	});

	test('a wrong signature and a missing header are refused with 401 and start nothing', async () => {
		await trigger({});
		const body = JSON.stringify({ event: 'assets.updated', body: ['1'] });
		const wrong = await post(body, { 'x-webhook-signature': sign(ccn().webhookSecret, body + ' ') });
		const missing = await post(body, {});
		const garbage = await post(body, { 'x-webhook-signature': 'not-base64-at-all!' });
		expect([wrong.status, missing.status, garbage.status]).toEqual([401, 401, 401]);
		expect(missing.body).toContain('X-Webhook-Signature');
		expect(started()).toHaveLength(0);
	});

	test('deliveries signed with another secret get 401 on every retry, and nothing starts', async () => {
		await trigger({}, { signWith: 'whsec_someone_elses_secret' });
		await sandbox.emit(ccn().id, 'sync.completed', { records: 3 });
		await waitFor(() => myDeliveries().length >= 3, 'three attempts');
		await receiver.settled();
		expect(myDeliveries().every((d) => d.status === 401)).toBe(true);
		expect(started()).toHaveLength(0);
	});

	test('the compact re-serialisation is accepted when the raw body has other whitespace', async () => {
		await trigger({});
		const payload = { event: 'sync.completed', id: 'evt_pretty', body: { records: 1 } };
		const pretty = JSON.stringify(payload, null, 2);
		const response = await post(pretty, { 'x-webhook-signature': sign(ccn().webhookSecret, JSON.stringify(payload)) });
		expect(response.status).toBe(200);
		expect(started()).toHaveLength(1);
	});

	test('malformed JSON and an empty body, correctly signed, get 400; unsigned they get 401', async () => {
		await trigger({});
		const secret = ccn().webhookSecret;
		const malformed = '{"event": "assets.updated", "body": [';
		expect((await post(malformed, { 'x-webhook-signature': sign(secret, malformed) })).status).toBe(400);
		expect((await post('', { 'x-webhook-signature': sign(secret, '') })).status).toBe(400);
		expect((await post('[1,2]', { 'x-webhook-signature': sign(secret, '[1,2]') })).status).toBe(400);
		expect((await post(malformed, {})).status).toBe(401);
		expect((await post('', { 'x-webhook-signature': sign('wrong', '') })).status).toBe(401);
		expect(started()).toHaveLength(0);
	});

	test('a body over Max Body Size is answered 413 before verification and starts nothing; one at the limit passes', async () => {
		await trigger({ options: { maxBodySizeKb: 1 } });
		const secret = ccn().webhookSecret;
		const delivery = (bytes: number) => {
			const text = JSON.stringify({ event: 'assets.updated', body: [''] });
			return JSON.stringify({ event: 'assets.updated', body: ['x'.repeat(bytes - text.length)] });
		};
		const atLimit = delivery(1024);
		const over = delivery(1025);
		expect([atLimit.length, over.length]).toEqual([1024, 1025]);
		const tooBig = await post(over, { 'x-webhook-signature': sign(secret, over) });
		expect(tooBig).toEqual({ status: 413, body: JSON.stringify({ message: 'Body larger than 1 KB' }) });
		expect((await post(over, { 'x-webhook-signature': sign('wrong', over) })).status).toBe(413);
		expect(started()).toHaveLength(0);
		expect((await post(atLimit, { 'x-webhook-signature': sign(secret, atLimit) })).status).toBe(200);
		expect(started()).toHaveLength(1);
	});

	test('without a webhook secret the node refuses to activate and answers 500 without starting anything', async () => {
		await trigger({}, { secret: '' });
		await expect(harness.activate()).rejects.toThrow(/no Webhook Secret/);
		await sandbox.emit(ccn().id, 'sync.completed', { records: 1 });
		await receiver.settled();
		expect(myDeliveries()[0].status).toBe(500);
		expect(harness.outcomes[0].body).toContain('Webhook Secret');
		expect(started()).toHaveLength(0);
	});

	test('activation succeeds with a secret, and no answer ever contains it', async () => {
		await trigger({ events: ['assets.updated'] });
		await expect(harness.activate()).resolves.toBeUndefined();
		const body = JSON.stringify({ event: 'assets.updated', body: ['x'] });
		await post(body, { 'x-webhook-signature': sign('nope', body) });
		await post(body, {});
		await sandbox.emit(ccn().id, 'sites.updated', ['s']);
		await sandbox.emit(ccn().id, 'assets.updated', ['x']);
		await sandbox.emit(ccn().id, 'assets.updated', ['x']);
		await receiver.settled();
		const answers = harness.outcomes.map((outcome) => outcome.body).join('\n');
		expect(harness.outcomes).toHaveLength(5);
		expect(answers).not.toContain(ccn().webhookSecret);
		expect(answers).not.toContain(ccn().webhookSecret.slice(6, 20));
	});
});

describe('Makini Trigger: events and duplicates', () => {
	test('unselected events are acknowledged with 200 and start nothing; custom event names are accepted', async () => {
		await trigger({ events: ['assets.updated'], customEvents: 'meters.updated, sync.started' });
		await sandbox.emit(ccn().id, 'work-orders.updated', ['w1']);
		await sandbox.emit(ccn().id, 'sync.completed', {});
		await sandbox.emit(ccn().id, 'meters.updated', ['m1']);
		await sandbox.emit(ccn().id, 'assets.updated', ['a1']);
		await receiver.settled();
		expect(myDeliveries().map((d) => d.status)).toEqual([200, 200, 200, 200]);
		expect(harness.outcomes[0].body).toContain('event not selected');
		expect(started().map((outcome) => outcome.output![0].json.event)).toEqual(['meters.updated', 'assets.updated']);
	});

	test('platform events carry the connection id and details', async () => {
		await trigger({ events: ['connection.reauthorization_required', 'sync.failed'] });
		await sandbox.emit(ccn().id, 'connection.reauthorization_required', { reason: 'token revoked' });
		await sandbox.emit(ccn().id, 'sync.failed', { error: 'upstream timeout' });
		await receiver.settled();
		const items = started().map((outcome) => outcome.output![0].json);
		expect(items.map((item) => item.event)).toEqual(['connection.reauthorization_required', 'sync.failed']);
		for (const item of items) {
			expect(item.connectionId).toBe(ccn().id);
			expect(item.payload).toMatchObject({ id: expect.any(String), timestamp: expect.any(String) });
		}
		expect((items[0].payload as { body: unknown }).body).toEqual({ reason: 'token revoked' });
	});

	test('a redelivery after a sandbox retry (answer lost) is acknowledged and starts nothing', async () => {
		await trigger({});
		receiver.dropResponses(1);
		await sandbox.emit(ccn().id, 'work-orders.updated', ['w-1', 'w-2']);
		await waitFor(() => myDeliveries().some((d) => d.attempt === 2), 'the retry');
		await receiver.settled();
		expect(myDeliveries().map((d) => [d.attempt, d.status])).toEqual([
			[1, null],
			[2, 200],
		]);
		expect(harness.outcomes.map((outcome) => outcome.body)).toEqual([
			expect.anything(),
			expect.stringContaining('duplicate'),
		]);
		expect(started()).toHaveLength(1);
	});

	test('out-of-order deliveries each start once; a late replay of an earlier one is a duplicate', async () => {
		await trigger({});
		const secret = ccn().webhookSecret;
		const events = [3, 1, 2].map((n) => ({
			event: 'connection.status_changed',
			id: `evt_${n}`,
			timestamp: new Date(Date.UTC(2026, 10, 25, 12, n)).toISOString(),
			connection_id: ccn().id,
			body: { status: n % 2 ? 'offline' : 'online' },
		}));
		for (const event of events) {
			const body = JSON.stringify(event);
			expect((await post(body, { 'x-webhook-signature': sign(secret, body) })).status).toBe(200);
		}
		// Same event id, re-serialised differently by a retrying sender: still the same delivery.
		const replay = JSON.stringify({ ...events[1], body: { status: 'offline' } }, null, 1);
		const answer = await post(replay, { 'x-webhook-signature': sign(secret, replay) });
		expect(answer.body).toContain('duplicate');
		expect(started().map((outcome) => outcome.output![0].json.payload)).toEqual(events);
	});

	test('the duplicate memory survives restarts, is bounded (oldest evicted) and expires after the window', async () => {
		await trigger({ options: { maxEntries: 5, retentionHours: 5 / 3600 } }); // 5 s
		const send = (n: number) => sandbox.emit(ccn().id, 'assets.updated', [`a-${n}`]);
		for (let n = 1; n <= 8; n++) await send(n);
		await receiver.settled();
		expect(started()).toHaveLength(8);
		const seen = harness.savedNodeData.seenDeliveries as Record<string, number>;
		expect(Object.keys(seen)).toHaveLength(5);

		harness.restart(reloadedNode());
		await send(8); // remembered: the restarted process loads the memory from the saved static data
		await send(1); // evicted there, so it starts again; n8n's deduplication store (bounded more loosely) still knows it
		await receiver.settled();
		const [eight, one] = harness.outcomes.slice(-2);
		expect(eight.output).toBeUndefined();
		expect(one.output).toEqual([]);
		expect(one.customData).toEqual({ makiniDuplicateDeliveries: '1' });

		// Outside the window now, also for n8n's deduplication store (which may remember up to twice the window).
		await new Promise((resolve) => setTimeout(resolve, 10_500));
		await send(8);
		await receiver.settled();
		expect(emitted()).toHaveLength(9);
		expect(emitted().at(-1)!.output![0].json.payload).toEqual({ event: 'assets.updated', body: ['a-8'] });
	});

	test('100 unique deliveries at once, each sent twice at the same moment and again later, start 100 executions', async () => {
		await trigger({});
		const bodies = Array.from({ length: 100 }, (_, n) => JSON.stringify({ event: 'assets.updated', body: [`burst-${n}`] }));
		// Every request loads the static data as saved before the burst, as in n8n: only a memory shared by
		// the process sees the other requests of the burst.
		expect(await postAll([...bodies, ...bodies])).toEqual(Array(200).fill(200));
		expect(await postAll(bodies)).toEqual(Array(100).fill(200));
		expect(started()).toHaveLength(100);
		const ids = emitted().map((outcome) => ((outcome.output![0].json.payload as IDataObject).body as string[])[0]);
		expect(new Set(ids).size).toBe(100);
	});

	test('after a restart that lost the static data, redeliveries start executions that emit nothing and are marked', async () => {
		await trigger({});
		const bodies = Array.from({ length: 50 }, (_, n) => JSON.stringify({ event: 'sites.updated', body: [`site-${n}`] }));
		expect(await postAll(bodies)).toEqual(Array(50).fill(200));
		expect(emitted()).toHaveLength(50);
		expect(markedDuplicates()).toHaveLength(0);

		// n8n's last static-data save can miss entries (last write wins); here it kept none at all.
		harness.saved = '{}';
		harness.restart(reloadedNode());
		expect(await postAll([...bodies, ...bodies])).toEqual(Array(100).fill(200));
		// The first of each pair reaches n8n's deduplication store, which checks the burst in batches that never overlap;
		// the second is caught by the restarted process's memory.
		expect(started()).toHaveLength(100);
		expect(emitted()).toHaveLength(50);
		expect(markedDuplicates()).toHaveLength(50);
	});

	test("a delivery whose record another n8n process's check overwrote is recorded again and catches a later redelivery", async () => {
		await trigger({});
		const body = JSON.stringify({ event: 'sites.updated', body: ['site-overwritten'] });
		processedData.loseWrites(1);
		expect(await postAll([body])).toEqual([200]);
		expect(emitted()).toHaveLength(1);
		// the confirmation half a second after the lost write records it again
		await new Promise((resolve) => setTimeout(resolve, 1_000));

		harness.saved = '{}'; // and the webhook memory is gone: only n8n's deduplication store can recognise it
		harness.restart(reloadedNode());
		expect(await postAll([body])).toEqual([200]);
		expect(started()).toHaveLength(2);
		expect(emitted()).toHaveLength(1);
		expect(markedDuplicates()).toHaveLength(1);
	});

	test('1,000 deliveries with 30 % redeliveries start exactly the 700 unique ones', async () => {
		await trigger({});
		const unique = Array.from({ length: 700 }, (_, n) =>
			n % 2 ? { event: 'assets.updated', body: [`a-${n}`, `a-${n + 1}`] } : { event: 'sync.completed', body: { batch: n } },
		);
		const began = Date.now();
		for (let n = 0; n < unique.length; n++) {
			// 150 redeliveries after a lost answer (the sandbox retries), 150 identical re-sends of earlier changes.
			const lost = [0, 5, 10].includes(n % 14);
			if (lost) receiver.dropResponses(1);
			await sandbox.emit(ccn().id, unique[n].event, unique[n].body);
			if (lost) {
				const { id } = myDeliveries().filter((d) => d.attempt === 1).at(-1)!;
				await waitFor(() => myDeliveries().some((d) => d.id === id && d.status === 200), `the retry of delivery ${n}`);
			}
			if ([3, 8, 12].includes(n % 14)) {
				let earlier = (n * 37) % (n + 1);
				if (earlier % 2 === 0) earlier = earlier > 0 ? earlier - 1 : 1;
				await sandbox.emit(ccn().id, unique[earlier].event, unique[earlier].body);
			}
		}
		const answered = () => new Set(myDeliveries().filter((d) => d.status === 200).map((d) => d.id)).size;
		await waitFor(() => answered() === 850, 'every delivery answered 200');
		await receiver.settled();
		const elapsed = Date.now() - began;

		// 1,000 deliveries, plus a retry for any answer that missed the scaled 250 ms deadline on a busy machine
		// (those retries are duplicates too, so they change nothing below).
		const attempts = myDeliveries();
		expect(attempts.filter((d) => d.attempt === 1)).toHaveLength(850);
		expect(attempts.filter((d) => d.attempt === 2).length).toBeGreaterThanOrEqual(150);
		const outputs = started().map((outcome) => outcome.output![0].json);
		expect(outputs).toHaveLength(700);
		const bodies = (items: Array<{ body: unknown; event: string }>) => items.map((p) => `${p.event}:${JSON.stringify(p.body)}`).sort();
		expect(bodies(outputs.map((item) => item.payload as { body: unknown; event: string }))).toEqual(bodies(unique));
		console.log(`1,000 deliveries (300 redeliveries) handled in ${elapsed} ms (${(elapsed / 1000).toFixed(2)} ms each incl. 150 retry waits)`);
	});
});

describe('Makini Trigger: output shaping and Resolve Records', () => {
	test('strict server (list filters undocumented): the refused list is read id by id, an unknown record flagged missing', async () => {
		await trigger({ outputMode: 'record', resolveRecords: true });
		const [a, b] = rows('assets').reverse();
		const before = sandbox.stats(ccn().id).requests;
		await sandbox.emit(ccn().id, 'assets.updated', [a.key, 'A-GONE-0001', b.key]);
		await receiver.settled();
		// One refused list request (400), then one GET per id.
		expect(sandbox.stats(ccn().id).requests - before).toBe(4);
		const output = started()[0].output!.map((item) => item.json);
		expect(output.map((item) => [item.recordId, item.missing ?? false])).toEqual([
			[a.key, false],
			['A-GONE-0001', true],
			[b.key, false],
		]);
		expect(output[0].record).toEqual(a);
		expect(output[2].record).toEqual(b);
	});

	test('tolerant server: one item per changed record, resolved with one list request, an unknown record flagged missing', async () => {
		sandbox.configure({ strict: false });
		await trigger({ outputMode: 'record', resolveRecords: true });
		// Records from the end of the key order: a server ignoring the id filter would answer with the first ones.
		const [a, b] = rows('assets').reverse();
		const before = sandbox.stats(ccn().id).requests;
		await sandbox.emit(ccn().id, 'assets.updated', [a.key, 'A-GONE-0001', b.key]);
		await receiver.settled();

		expect(sandbox.stats(ccn().id).requests - before).toBe(1);
		const output = started()[0].output!.map((item) => item.json);
		expect(output.map((item) => [item.recordId, item.missing ?? false])).toEqual([
			[a.key, false],
			['A-GONE-0001', true],
			[b.key, false],
		]);
		expect(output[0].record).toEqual(a);
		expect(output[2].record).toEqual(b);
		expect(output[1]).not.toHaveProperty('record');
		for (const item of output) expect(item).toMatchObject({ event: 'assets.updated', entity: 'assets', deliveryFingerprint: expect.any(String) });
	});

	test('one item per delivery with resolved records lists the records and the missing ids', async () => {
		await trigger({ resolveRecords: true });
		const workOrders = rows('work-orders').slice(-2);
		await sandbox.emit(ccn().id, 'work-orders.updated', [...workOrders.map((w) => w.key), 'W-UNKNOWN']);
		await receiver.settled();
		const [item] = started()[0].output!;
		expect(item.json.records).toEqual(workOrders);
		expect(item.json.missingIds).toEqual(['W-UNKNOWN']);
	});

	test('many ids are resolved in batches on a tolerant server, never one request per record', async () => {
		await sandbox.close();
		// A tolerant server answers list filters; a strict one is read id by id (previous tests).
		sandbox = await startSandbox({ port: 0, control: true, timeScale: 0.001, assets: 600, settings: { strict: false } });
		await trigger({ outputMode: 'record', resolveRecords: true });
		const assets = rows('assets').slice(-40);
		// Known ids spread over all three batches (100, 100, 50 ids), the rest unknown.
		const ids = Array.from({ length: 250 }, (_, n) => (n % 6 === 0 && n / 6 < 40 ? assets[n / 6].key : `A-NONE-${n}`));
		const before = sandbox.stats(ccn().id).requests;
		await sandbox.emit(ccn().id, 'assets.inserted', ids);
		await receiver.settled();
		expect(sandbox.stats(ccn().id).requests - before).toBe(3);
		const output = started()[0].output!.map((item) => item.json);
		expect(output).toHaveLength(250);
		expect(output.map((item) => item.recordId)).toEqual(ids);
		expect(output.filter((item) => item.record).map((item) => (item.record as { key: string }).key)).toEqual(assets.map((a) => a.key));
		expect(output.filter((item) => item.missing)).toHaveLength(210);
	});

	test('platform events pass through unchanged in per-record mode', async () => {
		await trigger({ outputMode: 'record', resolveRecords: true });
		const before = sandbox.stats(ccn().id).requests;
		await sandbox.emit(ccn().id, 'system.error', { message: 'maintenance' });
		await receiver.settled();
		expect(sandbox.stats(ccn().id).requests).toBe(before);
		expect(started()[0].output!.map((item) => item.json.event)).toEqual(['system.error']);
	});
});

describe.each<[string, Parameters<Sandbox['configure']>[0]]>([
	['per_page capped at 5, v4 records, {status, errors} bodies', { maxPerPage: 5, recordShape: 'v4', errorForm: 'status' }],
	['per_page capped at 100, tolerant list filters', { maxPerPage: 100, strict: false }],
])('Makini Trigger: Resolve Records, %s', (_name, settings) => {
	test('every changed record is resolved, an unknown one flagged missing', async () => {
		sandbox.configure(settings);
		await trigger({ outputMode: 'record', resolveRecords: true });
		const ids = [...rows('assets').slice(-7).map((a) => a.key), 'A-GONE-0002'];
		await sandbox.emit(ccn().id, 'assets.updated', ids);
		await receiver.settled();
		const output = started()[0].output!.map((item) => item.json);
		expect(output.map((item) => item.recordId)).toEqual(ids);
		expect(output.map((item) => item.missing ?? false)).toEqual([...ids.slice(0, 7).map(() => false), true]);
		const record = (item: IDataObject) => item.record as IDataObject;
		expect(output.slice(0, 7).map((item) => String(record(item).key ?? record(item).id))).toEqual(ids.slice(0, 7));
	});
});

/**
 * A Makini-compatible server (the contract documents only single-value filters) serving the sandbox's assets:
 * its list endpoint either ignores `filter[key]` given as a list (answers an unfiltered page) or refuses it
 * with 400; single records are read by `/api/eam/assets/<key>` (404 when unknown).
 */
describe('Makini Trigger: Resolve Records against a server without list filters', () => {
	let mode: 'ignore' | 'reject';
	const hits: string[] = [];
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url!, 'http://x');
		hits.push(decodeURIComponent(url.pathname + url.search));
		const assets = rows('assets');
		const send = (status: number, body: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		const single = /^\/api\/eam\/assets\/([^/]+)$/.exec(url.pathname);
		if (single) {
			const record = assets.find((asset) => asset.key === decodeURIComponent(single[1]));
			return record ? send(200, { data: record }) : send(404, { error: { code: 'NOT_FOUND', message: 'Asset not found' } });
		}
		if (url.pathname !== '/api/eam/assets') return send(404, { error: { code: 'NOT_FOUND', message: 'No such route' } });
		if (mode === 'reject' && [...url.searchParams.keys()].some((key) => key.startsWith('filter[key]['))) {
			return send(400, { error: { code: 'VALIDATION_FAILED', message: 'filter[key] must be a string' } });
		}
		const perPage = Number(url.searchParams.get('per_page') ?? 50);
		send(200, { data: assets.slice(0, perPage), meta: { current_page: 1, last_page: Math.ceil(assets.length / perPage), per_page: perPage, total: assets.length } });
	});
	let baseUrl: string;

	beforeAll(async () => {
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));
	beforeEach(() => {
		hits.length = 0;
	});

	// The first asset is on the unfiltered first page together with assets nobody asked for; the last is not.
	// The unknown id needs encoding: it must stay one path segment.
	async function resolveThroughServer(): Promise<{ first: IDataObject; last: IDataObject }> {
		await trigger({ outputMode: 'record', resolveRecords: true }, { baseUrl });
		const all = rows('assets');
		const [first, last] = [all[0], all[all.length - 1]];
		await sandbox.emit(ccn().id, 'assets.updated', [first.key, 'A-GONE/0001', last.key]);
		await receiver.settled();
		expect(harness.outcomes.map((outcome) => outcome.executionError)).toEqual([undefined]);
		const output = started()[0].output!.map((item) => item.json);
		expect(output.map((item) => [item.recordId, item.record ?? 'missing', item.missing ?? false])).toEqual([
			[first.key, first, false],
			['A-GONE/0001', 'missing', true],
			[last.key, last, false],
		]);
		for (const item of output) expect(item).toMatchObject({ event: 'assets.updated', entity: 'assets', deliveryFingerprint: expect.any(String) });
		return { first, last };
	}

	const singleReads = (first: IDataObject, last: IDataObject) =>
		expect.arrayContaining([`/api/eam/assets/${String(first.key)}`, '/api/eam/assets/A-GONE/0001', `/api/eam/assets/${String(last.key)}`]);

	test('a server ignoring the filter (unfiltered page): the batch is read id by id, the unknown id is missing', async () => {
		mode = 'ignore';
		const { first, last } = await resolveThroughServer();
		expect(hits).toHaveLength(4);
		expect(hits[0]).toMatch(/^\/api\/eam\/assets\?filter\[key\]\[0\]=/);
		expect(hits.slice(1)).toEqual(singleReads(first, last));
	});

	test('a server refusing the filter with 400: the batch is read id by id, the unknown id is missing', async () => {
		mode = 'reject';
		const { first, last } = await resolveThroughServer();
		expect(hits).toHaveLength(4); // the 400 is not retried
		expect(hits.slice(1)).toEqual(singleReads(first, last));
	});
});
