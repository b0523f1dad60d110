import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { acceptDelivery, deliveryKeys } from './deliveryMemory';
import type { DeliveryJson } from './deliveryItems';
import { isEventSelected } from './events';
import { isValidWebhookSignature } from './signature';

export const NO_SECRET =
	'The Makini API credential has no Webhook Secret. Paste the secret Makini shows under Developers → Webhooks into the credential: without it deliveries cannot be verified and are refused.';

/** One received delivery, as webhook() read it. */
export interface DeliveryRequest {
	secret: string;
	/** The answer while `secret` is empty (it names the credential to fix); NO_SECRET by default. */
	missingSecret?: string;
	signature: unknown;
	rawBody: Buffer;
}

/** The trigger's parameters that decide what a delivery does. */
export interface DeliverySettings {
	events: string[];
	customEvents: string;
	maxBodySizeKb: number;
	identicalBodyIsDuplicate: boolean;
	retentionMs: number;
	maxEntries: number;
}

/** Answered with `status` and starts nothing, or (`start`) starts an execution with `delivery`. */
export type DeliveryVerdict =
	| { status: 400 | 401 | 413 | 500; reason: string }
	| { status: 200; reason: 'event not selected' | 'duplicate' }
	| { status: 200; reason: 'start'; delivery: DeliveryJson };

/** Strict UTF-8 JSON and its compact form; nesting too deep to re-serialise counts as not JSON. */
function parseJson(rawBody: Buffer): { parsed?: unknown; compact?: string } {
	try {
		const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(rawBody));
		return { parsed, compact: JSON.stringify(parsed) };
	} catch {
		return {};
	}
}

/**
 * Every check of a delivery, cheapest first: secret, signature header, size (before any parsing or HMAC
 * work), signature, payload shape, event, duplicates. Records an accepted delivery in `memory`.
 */
export function checkDelivery(
	request: DeliveryRequest,
	settings: DeliverySettings,
	memory: IDataObject,
	nowMs: number,
): DeliveryVerdict {
	// 500 rather than 4xx: Makini keeps retrying, so deliveries get through once the secret is set.
	if (request.secret === '') return { status: 500, reason: request.missingSecret ?? NO_SECRET };
	const { signature, rawBody } = request;
	if (typeof signature !== 'string' || signature.trim() === '') {
		return { status: 401, reason: 'Missing X-Webhook-Signature header' };
	}
	if (rawBody.length > settings.maxBodySizeKb * 1024) {
		return { status: 413, reason: `Body larger than ${settings.maxBodySizeKb} KB` };
	}
	const { parsed, compact } = parseJson(rawBody);
	if (!isValidWebhookSignature(request.secret, signature, rawBody, compact)) {
		return { status: 401, reason: 'Invalid webhook signature' };
	}
	const payload = parsed as IDataObject | null | undefined;
	if (
		compact === undefined ||
		typeof payload !== 'object' ||
		payload === null ||
		Array.isArray(payload) ||
		typeof payload.event !== 'string' ||
		payload.event.trim() === ''
	) {
		return {
			status: 400,
			reason: 'Body is not a Makini webhook payload (JSON object with "event")',
		};
	}
	const event = payload.event;
	if (!isEventSelected(event, settings.events, settings.customEvents)) {
		return { status: 200, reason: 'event not selected' };
	}

	const deliveryFingerprint = createHash('sha256').update(compact).digest('hex');
	const keys = deliveryKeys(deliveryFingerprint, payload.id, settings.identicalBodyIsDuplicate);
	if (!acceptDelivery(memory, keys, nowMs, settings)) return { status: 200, reason: 'duplicate' };

	const connectionId = payload.connection_id ?? payload.connectionId;
	return {
		status: 200,
		reason: 'start',
		delivery: {
			event,
			...(typeof connectionId === 'string' ? { connectionId } : {}),
			receivedAt: new Date(nowMs).toISOString(),
			deliveryFingerprint,
			payload,
		},
	};
}
