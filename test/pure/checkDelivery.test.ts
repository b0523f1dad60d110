import { createHmac } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import {
	checkDelivery,
	NO_SECRET,
	type DeliverySettings,
} from '../../nodes/Makini/trigger/checkDelivery';

// The webhook trigger's checks without n8n or HTTP: every refusal, and what an accepted delivery becomes.
const secret = 'whsec_test';
const sign = (body: string | Buffer, key = secret) =>
	createHmac('sha256', key).update(body).digest('base64');
const settings: DeliverySettings = {
	events: ['*'],
	customEvents: '',
	maxBodySizeKb: 1,
	identicalBodyIsDuplicate: true,
	retentionMs: 3_600_000,
	maxEntries: 100,
};
const now = Date.parse('2026-01-01T00:00:00Z');

function check(
	body: string | Buffer,
	options: {
		signature?: unknown;
		set?: Partial<DeliverySettings>;
		memory?: IDataObject;
		at?: number;
		key?: string;
	} = {},
) {
	const rawBody = Buffer.isBuffer(body) ? body : Buffer.from(body);
	const signature = 'signature' in options ? options.signature : sign(rawBody);
	return checkDelivery(
		{ secret: options.key ?? secret, signature, rawBody },
		{ ...settings, ...options.set },
		options.memory ?? {},
		options.at ?? now,
	);
}

const event = JSON.stringify({ event: 'assets.updated', connection_id: 'con_1', body: ['a1'] });

test('a signed Makini delivery starts an execution with the delivery', () => {
	const verdict = check(event);
	expect(verdict).toMatchObject({ status: 200, reason: 'start' });
	expect('delivery' in verdict && verdict.delivery).toEqual({
		event: 'assets.updated',
		connectionId: 'con_1',
		receivedAt: '2026-01-01T00:00:00.000Z',
		deliveryFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
		payload: JSON.parse(event),
	});
});

test('without a webhook secret every delivery is answered 500, so Makini retries', () => {
	expect(check(event, { key: '' })).toEqual({ status: 500, reason: NO_SECRET });
});

describe('signature', () => {
	test.each([
		['missing', undefined],
		['blank', '  '],
		['repeated header', ['a', 'b']],
	])('%s header → 401', (_, signature) => {
		expect(check(event, { signature })).toEqual({
			status: 401,
			reason: 'Missing X-Webhook-Signature header',
		});
	});

	test('signed with another secret → 401', () => {
		expect(check(event, { signature: sign(event, 'other') })).toEqual({
			status: 401,
			reason: 'Invalid webhook signature',
		});
	});

	test('a body changed after signing → 401', () => {
		const signature = sign(event);
		expect(check(event.replace('a1', 'a2'), { signature })).toMatchObject({ status: 401 });
	});

	test('a pretty-printed body signed in its compact form is accepted', () => {
		const pretty = JSON.stringify(JSON.parse(event), null, 2);
		expect(check(pretty, { signature: sign(event) })).toMatchObject({ reason: 'start' });
	});
});

describe('size', () => {
	test('a body over Max Body Size → 413 before the signature is looked at', () => {
		const big = JSON.stringify({ event: 'assets.updated', pad: 'x'.repeat(1100) });
		expect(check(big, { signature: 'not-even-base64' })).toEqual({
			status: 413,
			reason: 'Body larger than 1 KB',
		});
	});

	test('a body of exactly the limit passes', () => {
		const base = JSON.stringify({ event: 'assets.updated', pad: '' });
		const exact = JSON.stringify({ event: 'assets.updated', pad: 'x'.repeat(1024 - base.length) });
		expect(Buffer.byteLength(exact)).toBe(1024);
		expect(check(exact)).toMatchObject({ reason: 'start' });
	});
});

describe('body', () => {
	const notPayload = {
		status: 400,
		reason: 'Body is not a Makini webhook payload (JSON object with "event")',
	};

	test.each([
		['not JSON', '{"event": '],
		['an array', '[{"event":"assets.updated"}]'],
		['null', 'null'],
		['without event', '{"body":["a1"]}'],
		['with a blank event', '{"event":"  "}'],
		['with a numeric event', '{"event":7}'],
	])('a signed body %s → 400', (_, body) => {
		expect(check(body)).toEqual(notPayload);
	});

	test('invalid UTF-8 is not JSON (strict decoding) → 400', () => {
		const bytes = Buffer.concat([
			Buffer.from('{"event":"assets.updated","x":"'),
			Buffer.from([0xc3, 0x28]),
			Buffer.from('"}'),
		]);
		expect(check(bytes)).toEqual(notPayload);
	});

	test('nesting too deep to re-serialise is not JSON → 400, not a crash', () => {
		const depth = 20_000;
		const deep = `{"event":"assets.updated","x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
		expect(check(deep, { set: { maxBodySizeKb: 1024 } })).toEqual(notPayload);
	});
});

describe('events', () => {
	test('an event not selected is acknowledged and starts nothing', () => {
		expect(check(event, { set: { events: ['sync.completed'] } })).toEqual({
			status: 200,
			reason: 'event not selected',
		});
	});

	test('a listed custom event is accepted', () => {
		const custom = JSON.stringify({ event: 'meters.updated' });
		const set = { events: ['sync.completed'], customEvents: 'sync.started, meters.updated' };
		expect(check(custom, { set })).toMatchObject({ reason: 'start' });
	});
});

describe('duplicates', () => {
	test('an identical body within the window is a duplicate; after the window it starts again', () => {
		const memory: IDataObject = {};
		expect(check(event, { memory })).toMatchObject({ reason: 'start' });
		expect(check(event, { memory, at: now + 1000 })).toEqual({ status: 200, reason: 'duplicate' });
		expect(check(event, { memory, at: now + 3_600_001 })).toMatchObject({ reason: 'start' });
	});

	test('the same event id with a different body is a duplicate', () => {
		const memory: IDataObject = {};
		const first = JSON.stringify({ id: 'evt_1', event: 'sync.completed', at: 1 });
		const again = JSON.stringify({ id: 'evt_1', event: 'sync.completed', at: 2 });
		expect(check(first, { memory })).toMatchObject({ reason: 'start' });
		expect(check(again, { memory })).toMatchObject({ reason: 'duplicate' });
	});

	test('with Identical Body Is a Duplicate off, a repeated body without id starts again', () => {
		const memory: IDataObject = {};
		const set = { identicalBodyIsDuplicate: false };
		expect(check(event, { memory, set })).toMatchObject({ reason: 'start' });
		expect(check(event, { memory, set })).toMatchObject({ reason: 'start' });
	});

	test('refused deliveries leave the memory untouched', () => {
		const memory: IDataObject = {};
		check(event, { memory, signature: sign(event, 'other') });
		check(event, { memory, set: { events: ['sync.completed'] } });
		expect(memory).toEqual({});
	});
});
