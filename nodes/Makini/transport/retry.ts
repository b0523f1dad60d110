import { sleep } from 'n8n-workflow';

import type { AttemptFailure } from './types';

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_MAX_WAIT_MS = 60_000;
const BASE_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 15_000;

/** Statuses that mean "try again later" for a read. */
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);

/**
 * Makes concurrent requests of one execution share a 429: when one request is told to wait, every request
 * going through the same gate waits too instead of hammering the rate limit.
 */
export class RateGate {
	private resumeAt = 0;

	pauseFor(ms: number): void {
		this.resumeAt = Math.max(this.resumeAt, Date.now() + ms);
	}

	async wait(): Promise<void> {
		const remaining = this.resumeAt - Date.now();
		if (remaining > 0) await sleep(remaining);
	}
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (!value) return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
	const at = Date.parse(trimmed);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Exponential backoff with jitter (50-100 % of the step) so parallel clients do not retry in lockstep. */
export function backoffMs(attempt: number): number {
	const step = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempt - 1));
	return Math.round(step * (0.5 + Math.random() * 0.5));
}

/**
 * Whether the server certainly did not act on the request. Only then may a write be sent again:
 * 429 and 503 are answered before processing, a refused connection never reached the server.
 */
export function certainlyNotProcessed(failure: AttemptFailure): boolean {
	if (failure.kind === 'http') return failure.status === 429 || failure.status === 503;
	return failure.kind === 'network' && failure.code === 'ECONNREFUSED';
}

/** Whether a failed read is worth another attempt. */
export function transientForRead(failure: AttemptFailure): boolean {
	switch (failure.kind) {
		case 'http':
			return failure.status === 429 || TRANSIENT_STATUSES.has(failure.status ?? 0);
		case 'network':
		case 'timeout':
		case 'invalidJson':
			return true;
		default:
			return false;
	}
}

/** How long to wait before the next attempt; Retry-After wins over backoff when the server gives it. */
export function delayBeforeRetry(failure: AttemptFailure, attempt: number): number {
	const retryAfter =
		failure.status === 429 || failure.status === 503
			? parseRetryAfter(failure.headers['retry-after'])
			: undefined;
	return retryAfter ?? backoffMs(attempt);
}
