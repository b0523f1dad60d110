import axios from 'axios';
import { createHmac, randomBytes } from 'node:crypto';
import type { Delivery, Subscription } from './types';

// Webhook delivery per the contract: POST the JSON payload signed with X-Webhook-Signature (base64 HMAC-SHA256 of
// the exact body, keyed by the secret); a non-2xx answer or none within 10 s is retried after 30 s, doubling, until
// the next retry would fall past 24 h after the first attempt. All delays are multiplied by timeScale.
const FIRST_RETRY_MS = 30_000;
const GIVE_UP_AFTER_MS = 24 * 3_600_000;
const ANSWER_WITHIN_MS = 10_000;
const MIN_TIMEOUT_MS = 250; // a scaled timeout below this would fail healthy local receivers

const sign = (body: string, secret: string): string => createHmac('sha256', secret).update(body).digest('base64');

/** Nominal offsets (ms after the first attempt) of every retry: 30 s, 90 s, 210 s, ... up to 24 h. */
export function retryOffsets(): number[] {
	const offsets: number[] = [];
	for (let delay = FIRST_RETRY_MS, at = delay; at <= GIVE_UP_AFTER_MS; delay *= 2, at += delay) offsets.push(at);
	return offsets;
}

export class WebhookSender {
	readonly log: Delivery[] = [];
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly aborter = new AbortController();
	private sequence = 0;
	private closed = false;

	constructor(private readonly timeScale: number) {}

	/** Sends one payload to every matching subscription; resolves when each first attempt has finished. */
	async publish(connectionId: string, subscriptions: Subscription[], defaultSecret: string, payload: { event: string; [field: string]: unknown }): Promise<void> {
		const body = JSON.stringify(payload);
		const targets = subscriptions.filter((s) => matches(s, payload.event));
		await Promise.all(
			targets.map((sub) => {
				const id = `dlv_${++this.sequence}_${randomBytes(4).toString('hex')}`;
				const signature = sign(body, sub.secret ?? defaultSecret);
				return this.attempt({ id, connectionId, url: sub.url, event: payload.event, payload, body, signature }, 1);
			}),
		);
	}

	close(): void {
		this.closed = true;
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		this.aborter.abort();
	}

	private async attempt(d: PendingDelivery, attempt: number): Promise<void> {
		if (this.closed) return;
		const at = new Date().toISOString();
		let status: number | null = null;
		try {
			const response = await axios.post(d.url, d.body, {
				headers: { 'Content-Type': 'application/json', 'X-Webhook-Signature': d.signature },
				timeout: Math.max(MIN_TIMEOUT_MS, ANSWER_WITHIN_MS * this.timeScale),
				transformRequest: [(data: string) => data], // the exact signed bytes, no re-serialisation
				validateStatus: () => true,
				maxRedirects: 0,
				responseType: 'text',
				signal: this.aborter.signal,
			});
			status = response.status;
		} catch {
			status = null; // refused, reset or timed out: no answer
		}
		if (this.closed) return;
		this.log.push({ id: d.id, connectionId: d.connectionId, url: d.url, event: d.event, attempt, status, at, payload: d.payload });
		if (status !== null && status >= 200 && status < 300) return;
		const offsets = retryOffsets();
		if (attempt > offsets.length) return; // dropped, as Makini does after 24 h
		const previous = attempt === 1 ? 0 : offsets[attempt - 2];
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			void this.attempt(d, attempt + 1);
		}, (offsets[attempt - 1] - previous) * this.timeScale);
		this.timers.add(timer);
	}
}

interface PendingDelivery {
	id: string;
	connectionId: string;
	url: string;
	event: string;
	payload: unknown;
	body: string;
	signature: string;
}

function matches(sub: Subscription, event: string): boolean {
	if (!sub.events || sub.events.length === 0) return true;
	const entity = event.split('.')[0];
	return sub.events.some((e) => e === '*' || e === event || e === `${entity}.*`);
}
