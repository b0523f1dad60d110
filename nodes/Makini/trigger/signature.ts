import { createHmac, timingSafeEqual } from 'crypto';

/** Makini's `X-Webhook-Signature` is base64 of HMAC-SHA256 over the JSON text, keyed by the webhook secret. */
function matches(secret: string, text: string | Buffer, received: Buffer): boolean {
	const expected = createHmac('sha256', secret).update(text).digest();
	// timingSafeEqual throws on unequal lengths; a wrong length is simply a wrong signature.
	return expected.length === received.length && timingSafeEqual(expected, received);
}

/**
 * Makini's own example signs `JSON.stringify(payload)`, which equals the bytes on the wire only when the
 * sender serialised compactly, so the raw body and the compact re-serialisation of the parsed body are
 * both accepted. `compact` is undefined when the body is not usable JSON (then only the raw body can match).
 */
export function isValidWebhookSignature(
	secret: string,
	header: string,
	rawBody: Buffer,
	compact: string | undefined,
): boolean {
	const received = Buffer.from(header.trim(), 'base64');
	if (matches(secret, rawBody, received)) return true;
	return compact !== undefined && matches(secret, compact, received);
}
