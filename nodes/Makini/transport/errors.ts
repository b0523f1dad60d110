import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { AttemptFailure, MakiniRequest } from './types';

/** Makini's error, read defensively from the documented envelope and its older variants. */
export interface MakiniErrorInfo {
	status?: number;
	code: string;
	message: string;
	requestId?: string;
	fields: string[];
}

const CODE_BY_STATUS: Record<number, string> = {
	400: 'INVALID_REQUEST',
	401: 'AUTHENTICATION_FAILED',
	403: 'PERMISSION_DENIED',
	404: 'NOT_FOUND',
	413: 'PAYLOAD_TOO_LARGE',
	422: 'VALIDATION_FAILED',
	429: 'RATE_LIMIT_EXCEEDED',
	500: 'INTERNAL_ERROR',
	502: 'UPSTREAM_ERROR',
	503: 'SERVICE_UNAVAILABLE',
	504: 'GATEWAY_TIMEOUT',
};

const asObject = (value: unknown): IDataObject | undefined =>
	value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;

const asText = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** Field names a validation error points at: `{error:{fields|details}}`, `{errors:{field:[..]}}` or `{errors:[{field}]}`. */
function fieldsOf(body: IDataObject, error: IDataObject | undefined): string[] {
	const found = new Set<string>();
	const collect = (source: unknown) => {
		if (Array.isArray(source)) {
			for (const entry of source) {
				const field = asText(asObject(entry)?.field) ?? asText(asObject(entry)?.path);
				if (field) found.add(field);
			}
		} else if (asObject(source)) {
			for (const field of Object.keys(source as IDataObject)) found.add(field);
		}
	};
	collect(error?.fields);
	collect(error?.details);
	collect(body.errors);
	return [...found];
}

export function readMakiniError(failure: AttemptFailure): MakiniErrorInfo {
	const body = asObject(failure.body) ?? {};
	const error = asObject(body.error);
	const firstError = Array.isArray(body.errors) ? asObject(body.errors[0]) : undefined;
	// `{status, errors: ["The selected status key is invalid."]}`: the messages themselves are the text.
	const errorTexts = Array.isArray(body.errors) ? body.errors.map(asText).filter(Boolean) : [];
	const status = failure.status;
	const code =
		asText(error?.code) ??
		asText(body.code) ??
		(status ? CODE_BY_STATUS[status] : undefined) ??
		(status ? `HTTP_${status}` : 'REQUEST_FAILED');
	const message =
		asText(error?.message) ??
		asText(body.error) ??
		asText(body.message) ??
		asText(firstError?.message) ??
		(errorTexts.length ? errorTexts.join(' ') : undefined) ??
		(typeof failure.body === 'string' ? asText(failure.body.slice(0, 200)) : undefined) ??
		(status ? `HTTP ${status}` : 'No response');
	const requestId =
		failure.headers['x-request-id'] ?? asText(error?.request_id) ?? asText(body.request_id);
	return { status, code, message, requestId, fields: fieldsOf(body, error) };
}

/** What the user should do about it, by status and Makini code. */
function advice(info: MakiniErrorInfo, req: MakiniRequest): string {
	if (info.code === 'REAUTHORIZATION_REQUIRED') {
		return 'The source system behind this Makini connection needs to be authorized again: reconnect the connection in the Makini dashboard, then rerun.';
	}
	switch (info.status) {
		case 400:
			return 'Makini could not read the request: check the filters, sort and field values.';
		case 401:
			return 'The token is invalid or expired, or the connection was disconnected: reconnect the connection in Makini (or issue a new connection token) and update the n8n credential.';
		case 403:
			return 'The account connected to this Makini connection is not allowed to do this: check its permissions in the source system.';
		case 404:
			return `Nothing exists at ${req.path}: check the key (it must be a key from this connection, e.g. from a Get Many).`;
		case 413:
			return 'The request is larger than Makini accepts (for an upload: the file is too large). Upload a smaller file, e.g. compress or resize it first.';
		case 422:
			return info.fields.length
				? `Makini rejected these fields: ${info.fields.join(', ')}. Which fields a write accepts depends on the connected system.`
				: 'Makini rejected the values: which fields a write accepts depends on the connected system.';
		case 429:
			return 'Makini rate-limits each connection per minute: lower Concurrency, raise Max Attempts, or spread the work over time.';
		default:
			return 'Makini or the connected system failed; this is usually temporary. Try again later, or raise Max Attempts in Options.';
	}
}

function withItem(message: string, itemIndex: number | undefined): string {
	return itemIndex === undefined ? message : `${message} [item ${itemIndex}]`;
}

function build(
	node: INode,
	info: MakiniErrorInfo,
	message: string,
	description: string,
	itemIndex: number | undefined,
): NodeApiError {
	// Only these sanitised fields go into the error: the request (with its Authorization header) never does.
	const response: JsonObject = {
		code: info.code,
		message: info.message,
		...(info.requestId ? { requestId: info.requestId } : {}),
		...(info.status ? { httpCode: String(info.status) } : {}),
	};
	const fullMessage = withItem(message, itemIndex);
	const fullDescription = info.requestId
		? `${description} Request ID: ${info.requestId}`
		: description;
	const error = new NodeApiError(node, response, {
		message: fullMessage,
		description: fullDescription,
		httpCode: info.status ? String(info.status) : undefined,
		itemIndex,
	});
	// NodeApiError swaps messages that mention a socket code (ECONNRESET...) for a generic text: keep ours.
	error.message = fullMessage;
	error.description = fullDescription;
	error.context.makini = response;
	return error;
}

/** Which page of a list a request was reading, so a failed Return All says where it stopped. */
function pageOf(req: MakiniRequest): string {
	if (req.qs?.page !== undefined) return `page ${String(req.qs.page)}`;
	return req.qs?.cursor !== undefined ? 'the page after the last one read' : '';
}

/** The final error for a request that failed (after any retries). */
export function makiniApiError(
	node: INode,
	failure: AttemptFailure,
	req: MakiniRequest,
	attempts: number,
): NodeApiError {
	const info = readMakiniError(failure);
	const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
	const page = pageOf(req);
	if (failure.kind === 'oauth') {
		return build(
			node,
			{ ...info, code: 'REAUTHORIZATION_REQUIRED', status: 401 },
			`Makini Link token could not be refreshed: ${failure.detail ?? 'the token endpoint refused it'}`,
			'Reconnect the Makini Link OAuth2 credential in n8n (its refresh token is invalid or expired).',
			req.itemIndex,
		);
	}
	if (failure.kind === 'other') {
		return build(
			node,
			{ ...info, code: 'REQUEST_FAILED' },
			`Makini request ${req.method} ${req.path} failed: ${failure.detail ?? 'unknown error'}`,
			'Check the credential and the Base URL.',
			req.itemIndex,
		);
	}
	if (failure.kind !== 'http') {
		const what =
			failure.kind === 'timeout'
				? 'timed out'
				: failure.kind === 'invalidJson'
					? 'sent an incomplete or invalid JSON answer'
					: `dropped the connection (${failure.code ?? 'network error'})`;
		return build(
			node,
			{
				...info,
				code:
					failure.kind === 'invalidJson' ? 'INVALID_RESPONSE' : (failure.code ?? 'NETWORK_ERROR'),
			},
			`Makini ${what} on ${req.method} ${req.path}${tries}${page ? `, reading ${page}` : ''}`,
			'Check the Base URL and the network; raise Timeout or Max Attempts in Options if Makini is slow.',
			req.itemIndex,
		);
	}
	return build(
		node,
		info,
		`Makini ${info.code}: ${info.message} (${req.method} ${req.path}${page ? `, ${page}` : ''})${tries}`,
		advice(info, req),
		req.itemIndex,
	);
}

/** A write that may or may not have been applied: say so rather than guess, and never resend it. */
export function unknownOutcomeError(
	node: INode,
	failure: AttemptFailure,
	req: MakiniRequest,
): NodeApiError {
	const info = readMakiniError(failure);
	const cause =
		failure.kind === 'http'
			? `Makini answered ${info.code}: ${info.message}`
			: failure.kind === 'timeout'
				? 'the request timed out'
				: failure.kind === 'invalidJson'
					? 'the answer was cut off'
					: `the connection dropped (${failure.code ?? 'network error'})`;
	return build(
		node,
		{ ...info, code: 'OUTCOME_UNKNOWN' },
		`Outcome unknown: ${req.method} ${req.path} may or may not have been applied, because ${cause}`,
		'The write was not retried automatically because it may have been processed. Check the record in Makini (e.g. with a Get) before running it again.',
		req.itemIndex,
	);
}
