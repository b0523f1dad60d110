import { createHmac, timingSafeEqual } from 'crypto';

import { median, percentile } from '../lib/stats';
import type { TriggerWorkflow } from '../lib/n8nContexts';
import { loadNode } from '../lib/nodes';

export interface WebhookArgs {
	deliveries: number;
	duplicateShare: number;
	seed: number;
	/** Unique deliveries fed after the measured run, to fill the duplicate memory to its bound. */
	fillTo: number;
}

export interface WebhookResult {
	medianUs: number;
	/** Median of the first 500 deliveries, while the duplicate memory is still small. */
	firstMedianUs: number;
	p95Us: number;
	accepted: number;
	duplicates: number;
	rejected: number;
	/** Only the node side: the duplicate memory filled to its bound. */
	bound?: { entries: number; json: string; medianUsAtBound: number };
}

interface Delivery {
	raw: Buffer;
	body: Record<string, unknown>;
	signature: string;
}

const SECRET = 'whsec_bench_0123456789abcdef';

/** Remembered Deliveries (default 5,000): room for every unique delivery of the run, so none is evicted. */
const MAX_ENTRIES = 10_000;

/** Deterministic deliveries: data-change events (ids only, no event id) and platform events (with an id). */
function makeDeliveries(count: number, duplicateShare: number, seed: number, offset = 0): Delivery[] {
	let state = seed >>> 0 || 1;
	const random = () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 0x100000000;
	};
	const sign = (raw: Buffer) => createHmac('sha256', SECRET).update(raw).digest('base64');
	const unique: Delivery[] = [];
	const all: Delivery[] = [];
	for (let i = 0; i < count; i++) {
		if (unique.length > 0 && random() < duplicateShare) {
			// A redelivery: the same bytes again, as Makini's retries send them.
			all.push(unique[Math.floor(random() * unique.length)]);
			continue;
		}
		const n = offset + unique.length;
		const body: Record<string, unknown> =
			n % 5 === 4
				? { event: 'sync.completed', id: `evt_${n}`, timestamp: new Date(Date.UTC(2026, 10, 1) + n * 1000).toISOString(), connection_id: 'conn_ccn', body: { records: n } }
				: { event: n % 2 ? 'assets.updated' : 'work-orders.inserted', body: Array.from({ length: 1 + (n % 4) }, (_, k) => `0${n}${k}`.padStart(12, '0')) };
		const raw = Buffer.from(JSON.stringify(body));
		const delivery = { raw, body, signature: sign(raw) };
		unique.push(delivery);
		all.push(delivery);
	}
	return all;
}

/** What the node answered without starting a workflow, read from the response it wrote. */
class Response {
	status = 0;

	body = '';

	writeHead(status: number) {
		this.status = status;
		return this;
	}

	end(body?: string) {
		this.body = body ?? '';
		return this;
	}

	setHeader() {
		return this;
	}
}

/** Heap in use after full collections. */
function settledHeap(): number {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (!gc) throw new Error('run with --expose-gc');
	gc();
	gc();
	return process.memoryUsage().heapUsed;
}

/** The node: MakiniTrigger.webhook() through n8n-core's WebhookContext of one active workflow. */
export async function nodeWebhook(args: WebhookArgs): Promise<WebhookResult> {
	const { TriggerWorkflow } = await import('../lib/n8nContexts');
	const trigger = new TriggerWorkflow(loadNode('MakiniTrigger'), { events: ['*'], customEvents: '', outputMode: 'delivery', resolveRecords: false, options: { maxEntries: MAX_ENTRIES } }, {
		makiniWebhookApi: { secret: SECRET },
	});
	let accepted = 0;
	let duplicates = 0;
	let rejected = 0;
	const deliver = async (delivery: Delivery) => {
		const request = { headers: { 'x-webhook-signature': delivery.signature, 'content-type': 'application/json' }, rawBody: delivery.raw, body: delivery.body };
		const response = new Response();
		const start = process.hrtime.bigint();
		const result = await trigger.webhook(request, response);
		const us = Number(process.hrtime.bigint() - start) / 1000;
		if (result.workflowData) accepted++;
		else if (response.status === 200 && response.body.includes('duplicate')) duplicates++;
		else rejected++;
		return us;
	};

	// Warm-up on deliveries the measured run never repeats, on a workflow of its own.
	const warm = new TriggerWorkflow(trigger.nodeType, trigger.node.parameters, { makiniWebhookApi: { secret: SECRET } });
	for (const delivery of makeDeliveries(500, args.duplicateShare, args.seed + 1, 10_000_000)) {
		await warm.webhook({ headers: { 'x-webhook-signature': delivery.signature }, rawBody: delivery.raw, body: delivery.body }, new Response());
	}

	const times: number[] = [];
	for (const delivery of makeDeliveries(args.deliveries, args.duplicateShare, args.seed)) times.push(await deliver(delivery));
	const result: WebhookResult = { medianUs: median(times), firstMedianUs: median(times.slice(0, 500)), p95Us: percentile(times, 95), accepted, duplicates, rejected };

	if (args.fillTo > 0) result.bound = await fillToBound(trigger, args, deliver);
	return result;
}

/** The baseline: the least any receiver must do, a bare HMAC check of the raw body and a Set lookup. */
export async function baselineWebhook(args: WebhookArgs): Promise<WebhookResult> {
	const secret = Buffer.from(SECRET);
	let seen = new Set<string>();
	let accepted = 0;
	let duplicates = 0;
	let rejected = 0;
	const deliver = (delivery: Delivery) => {
		const start = process.hrtime.bigint();
		const expected = createHmac('sha256', secret).update(delivery.raw).digest();
		const received = Buffer.from(delivery.signature, 'base64');
		if (expected.length !== received.length || !timingSafeEqual(expected, received)) rejected++;
		else {
			const key = expected.toString('hex');
			if (seen.has(key)) duplicates++;
			else {
				seen.add(key);
				accepted++;
			}
		}
		return Number(process.hrtime.bigint() - start) / 1000;
	};
	for (const delivery of makeDeliveries(500, args.duplicateShare, args.seed + 1, 10_000_000)) deliver(delivery);
	seen = new Set();
	accepted = duplicates = rejected = 0;
	const times = makeDeliveries(args.deliveries, args.duplicateShare, args.seed).map(deliver);
	return { medianUs: median(times), firstMedianUs: median(times.slice(0, 500)), p95Us: percentile(times, 95), accepted, duplicates, rejected };
}

/** Fills the duplicate memory to its bound with unique deliveries, then weighs what it holds. */
async function fillToBound(
	trigger: TriggerWorkflow,
	args: WebhookArgs,
	deliver: (delivery: Delivery) => Promise<number>,
): Promise<NonNullable<WebhookResult['bound']>> {
	const staticData = trigger.workflow.getStaticData('node', trigger.node);
	const atBound: number[] = [];
	for (const delivery of makeDeliveries(args.fillTo, 0, args.seed + 2, 1_000_000)) atBound.push(await deliver(delivery));
	const entries = Object.keys(staticData.seenDeliveries as object).length;
	const json = JSON.stringify(staticData.seenDeliveries);
	return {
		entries,
		json,
		medianUsAtBound: median(atBound.slice(-1000)),
	};
}

/**
 * The heap the duplicate memory takes as n8n holds it after loading the workflow's static data (parsed from
 * the saved JSON). Run in a fresh process: in the process that built the memory, the parsed keys would share
 * the strings the live memory still holds.
 */
export async function weighMemory(args: { json: string }): Promise<{ heapBytes: number; jsonBytes: number }> {
	const before = settledHeap();
	const loaded = JSON.parse(args.json) as Record<string, number>;
	const heapBytes = settledHeap() - before;
	if (Object.keys(loaded).length === 0) throw new Error('empty duplicate memory');
	return { heapBytes, jsonBytes: Buffer.byteLength(args.json) };
}
