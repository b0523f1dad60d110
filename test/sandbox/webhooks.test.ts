// Webhooks: data-change and platform events, signatures per the contract, event filters, retries on the
// exponential schedule under the time-scale knob, timeouts, and the delivery log.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { retryOffsets, startSandbox } from '../../sandbox';
import type { RunningSandbox } from '../../sandbox';
import { call, Receiver, sleep } from './support';

const TIME_SCALE = 0.002; // 30 s -> 60 ms
let sandbox: RunningSandbox;
let receiver: Receiver;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, control: true, timeScale: TIME_SCALE });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
	receiver = await new Receiver().start();
	await call(sandbox, 'DELETE', '/__sandbox/connections/ccn/webhooks', { token: null });
	await call(sandbox, 'DELETE', '/__sandbox/connections/cmms/webhooks', { token: null });
});
afterEach(() => receiver.stop());

/** The contract's verification: base64 HMAC-SHA256 of the raw body with the secret, compared in constant time. */
function verifies(raw: string, signature: string | string[] | undefined, secret: string): boolean {
	const expected = Buffer.from(createHmac('sha256', secret).update(raw).digest('base64'));
	const given = Buffer.from(String(signature ?? ''));
	return expected.length === given.length && timingSafeEqual(expected, given);
}

const mine = () => sandbox.deliveries().filter((d) => d.url === receiver.url);

describe('data-change events', () => {
	it('a PUT sends {event, body:[key]} signed with the connection secret', async () => {
		sandbox.subscribe('ccn', { url: receiver.url });
		const asset = sandbox.records('ccn', 'assets')[1];
		await call(sandbox, 'PUT', `/api/eam/assets/${asset.key}`, { json: { notes: 'hello' } });
		const [got] = await receiver.waitFor(1);
		expect(JSON.parse(got.raw)).toEqual({ event: 'assets.updated', body: [asset.key] });
		expect(got.raw).toBe(JSON.stringify({ event: 'assets.updated', body: [asset.key] }));
		expect(got.headers['content-type']).toBe('application/json');
		expect(verifies(got.raw, got.headers['x-webhook-signature'], sandbox.connections.ccn.webhookSecret)).toBe(true);
		expect(verifies(got.raw, got.headers['x-webhook-signature'], sandbox.connections.cmms.webhookSecret)).toBe(false);
		expect(got.raw).not.toContain(sandbox.connections.ccn.webhookSecret);
	});

	it('creates send <entity>.inserted, status changes and source changes send .updated', async () => {
		sandbox.subscribe('ccn', { url: receiver.url });
		const created = await call(sandbox, 'POST', '/api/eam/work-orders', { json: { title: 'Check CT-1 fan vibration' } });
		const key = created.body.data.key;
		const statusKey = sandbox.records('ccn', 'statuses/work-orders')[2].key;
		await receiver.waitFor(1);
		await call(sandbox, 'PUT', `/api/eam/work-orders/${key}/status`, { json: { statusKey } });
		await receiver.waitFor(2);
		const change = await call(sandbox, 'POST', '/__sandbox/connections/ccn/changes', { token: null, json: { entity: 'work-orders', key, patch: { notes: 'from CCN' } } });
		expect(change.body.data).toMatchObject({ key, notes: 'from CCN' });
		await receiver.waitFor(3); // deliveries of separate changes may overtake each other; keep this one ordered
		const inserted = await call(sandbox, 'POST', '/__sandbox/connections/ccn/changes', { token: null, json: { entity: 'meter-readings', patch: { reading: '44.1' } } });
		const events = (await receiver.waitFor(4)).map((r) => JSON.parse(r.raw));
		expect(events).toEqual([
			{ event: 'work-orders.inserted', body: [key] },
			{ event: 'work-orders.updated', body: [key] },
			{ event: 'work-orders.updated', body: [key] },
			{ event: 'meter-readings.inserted', body: [inserted.body.data.key] },
		]);
		// The change is real data: visible to reads, with a fresh updatedAt unless the patch stages one.
		const read = await call(sandbox, 'GET', `/api/eam/work-orders/${key}`);
		expect(read.body.data.notes).toBe('from CCN');
		const staged = await call(sandbox, 'POST', '/__sandbox/connections/ccn/changes', { token: null, json: { entity: 'work-orders', key, patch: { updatedAt: '2026-10-01T00:00:00.000Z' } } });
		expect(staged.body.data.updatedAt).toBe('2026-10-01T00:00:00.000Z');
		await receiver.waitFor(5);
	});

	it('honours the subscription event list (exact names and entity.*) and its own secret; other connections stay silent', async () => {
		await call(sandbox, 'POST', '/__sandbox/connections/ccn/webhooks', { token: null, json: { url: receiver.url, secret: 'whsec_custom', events: ['sites.*'] } });
		sandbox.subscribe('cmms', { url: receiver.url, events: ['assets.updated'] });
		await call(sandbox, 'PUT', `/api/eam/assets/${sandbox.records('ccn', 'assets')[0].key}`, { json: { notes: 'ignored' } });
		const site = sandbox.records('ccn', 'sites')[0];
		await call(sandbox, 'POST', '/__sandbox/connections/ccn/changes', { token: null, json: { entity: 'sites', key: site.key, patch: { notes: 'x' } } });
		const [got] = await receiver.waitFor(1);
		await sleep(100);
		expect(receiver.received).toHaveLength(1);
		expect(JSON.parse(got.raw)).toEqual({ event: 'sites.updated', body: [site.key] });
		expect(verifies(got.raw, got.headers['x-webhook-signature'], 'whsec_custom')).toBe(true);
	});

	it('rejects bad subscriptions on the control endpoint', async () => {
		const bad = await call(sandbox, 'POST', '/__sandbox/connections/ccn/webhooks', { token: null, json: { url: 'ftp://x', events: 'all' } });
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.body.error.fields).sort()).toEqual(['events', 'url']);
		expect((await call(sandbox, 'POST', '/__sandbox/connections/nope/webhooks', { token: null, json: { url: receiver.url } })).status).toBe(404);
	});
});

describe('platform events', () => {
	it('emit() sends {event, id, timestamp, connection_id, body} and resolves after the first attempt', async () => {
		sandbox.subscribe('cmms', { url: receiver.url });
		await sandbox.emit('cmms', 'sync.completed', { records: 12 });
		expect(receiver.received).toHaveLength(1);
		const payload = JSON.parse(receiver.received[0].raw);
		expect(payload).toEqual({ event: 'sync.completed', id: expect.stringMatching(/^evt_/), timestamp: expect.any(String), connection_id: 'cmms', body: { records: 12 } });
		expect(Math.abs(Date.parse(payload.timestamp) - Date.now())).toBeLessThan(5000);
		expect(verifies(receiver.received[0].raw, receiver.received[0].headers['x-webhook-signature'], sandbox.connections.cmms.webhookSecret)).toBe(true);
	});

	it('the events control endpoint emits too, and data events keep the data shape', async () => {
		sandbox.subscribe('ccn', { url: receiver.url });
		const answer = await call(sandbox, 'POST', '/__sandbox/connections/ccn/events', { token: null, json: { event: 'connection.status_changed', body: { status: 'offline' } } });
		expect(answer.status).toBe(202);
		await call(sandbox, 'POST', '/__sandbox/connections/ccn/events', { token: null, json: { event: 'assets.updated', body: ['a', 'b'] } });
		const [first, second] = (await receiver.waitFor(2)).map((r) => JSON.parse(r.raw));
		expect(first).toMatchObject({ event: 'connection.status_changed', connection_id: 'ccn', body: { status: 'offline' } });
		expect(second).toEqual({ event: 'assets.updated', body: ['a', 'b'] });
	});
});

describe('retries', () => {
	it('the nominal schedule starts at 30 s, doubles, and stops within 24 h', () => {
		const offsets = retryOffsets();
		expect(offsets.slice(0, 4)).toEqual([30_000, 90_000, 210_000, 450_000]);
		expect(offsets[offsets.length - 1]).toBeLessThanOrEqual(24 * 3_600_000);
		expect(offsets[offsets.length - 1] + 30_000 * 2 ** offsets.length).toBeGreaterThan(24 * 3_600_000);
		expect(offsets).toHaveLength(11);
	});

	it('retries non-2xx answers after 30 s, 60 s, 120 s (scaled), resending the identical signed body', async () => {
		receiver.plan = (n) => (n <= 3 ? [500, 503, 404][n - 1] : 200);
		sandbox.subscribe('ccn', { url: receiver.url });
		await sandbox.emit('ccn', 'system.error', { message: 'gateway down' });
		const got = await receiver.waitFor(4, 3000);
		expect(new Set(got.map((r) => r.raw)).size).toBe(1);
		expect(new Set(got.map((r) => r.headers['x-webhook-signature'])).size).toBe(1);
		const gaps = got.slice(1).map((r, i) => r.at - got[i].at);
		[30_000, 60_000, 120_000].forEach((nominal, i) => {
			expect(gaps[i]).toBeGreaterThanOrEqual(nominal * TIME_SCALE - 5);
			expect(gaps[i]).toBeLessThan(nominal * TIME_SCALE + 400);
		});
		await sleep(50);
		const log = mine();
		expect(log.map((d) => [d.attempt, d.status])).toEqual([[1, 500], [2, 503], [3, 404], [4, 200]]);
		expect(new Set(log.map((d) => d.id)).size).toBe(1);
		expect(log[0]).toMatchObject({ connectionId: 'ccn', event: 'system.error', payload: JSON.parse(got[0].raw) });
		const overHttp = await call(sandbox, 'GET', '/__sandbox/deliveries', { token: null });
		expect(overHttp.body.data.filter((d: { url: string }) => d.url === receiver.url)).toHaveLength(4);
	});

	it('counts no answer within the (scaled) 10 s as a failure and retries', async () => {
		receiver.plan = (n) => (n === 1 ? 'hang' : 200);
		sandbox.subscribe('ccn', { url: receiver.url });
		const started = Date.now();
		await sandbox.emit('ccn', 'sync.failed', { error: 'timeout' });
		expect(Date.now() - started).toBeGreaterThanOrEqual(240); // the 250 ms floor of the scaled timeout
		await receiver.waitFor(2, 3000);
		await sleep(30);
		expect(mine().map((d) => [d.attempt, d.status])).toEqual([[1, null], [2, 200]]);
	});

	it('gives up after the 24 h window: 1 attempt + 11 retries, at a tiny time scale', async () => {
		const fast = await startSandbox({ port: 0, timeScale: 0.00002 });
		try {
			receiver.plan = () => 500;
			fast.subscribe('ccn', { url: receiver.url });
			await fast.emit('ccn', 'system.error', {});
			await receiver.waitFor(12, 8000);
			await sleep(1000);
			expect(receiver.received).toHaveLength(12);
			expect(fast.deliveries().map((d) => d.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
		} finally {
			await fast.close();
		}
	});

	it('treats a refused connection as no answer', async () => {
		const url = receiver.url;
		await receiver.stop();
		sandbox.subscribe('ccn', { url });
		await sandbox.emit('ccn', 'sync.completed', {});
		const [first] = sandbox.deliveries().filter((d) => d.url === url);
		expect(first).toMatchObject({ attempt: 1, status: null });
		receiver = await new Receiver().start(); // for afterEach
	});
});
