import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { makiniApiError, unknownOutcomeError } from './errors';
import {
	certainlyNotProcessed,
	DEFAULT_MAX_ATTEMPTS,
	DEFAULT_MAX_WAIT_MS,
	delayBeforeRetry,
	transientForRead,
} from './retry';
import type {
	AttemptFailure,
	MakiniFunctions,
	MakiniRequest,
	TransportOptions,
} from './types';

export const DEFAULT_BASE_URL = 'https://api.makini.io';
export const DEFAULT_TIMEOUT_MS = 60_000;

const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'EPIPE',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ERR_BAD_RESPONSE',
]);

/** The credential the node's Authentication parameter selects (triggers without the parameter use the token). */
export function credentialType(this: MakiniFunctions): 'makiniApi' | 'makiniOAuth2Api' {
	return this.getNode().parameters.authentication === 'oAuth2' ? 'makiniOAuth2Api' : 'makiniApi';
}

export async function baseUrl(this: MakiniFunctions): Promise<string> {
	const credentials = await this.getCredentials(credentialType.call(this));
	const url = typeof credentials.baseUrl === 'string' && credentials.baseUrl ? credentials.baseUrl : DEFAULT_BASE_URL;
	return url.replace(/\/+$/, '');
}

function lowerCaseHeaders(headers: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	if (headers && typeof headers === 'object') {
		for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
			if (value !== undefined && value !== null) result[name.toLowerCase()] = String(value);
		}
	}
	return result;
}

function parseBody(text: unknown): unknown {
	if (typeof text !== 'string') return text;
	if (text.trim() === '') return undefined;
	return JSON.parse(text);
}

/**
 * Turns whatever n8n's request helper threw into a description of the failure. n8n wraps the axios error
 * (which carries the request, including the Authorization header) in a NodeApiError; only status, headers,
 * body and the socket error code are read from it, so no secret can travel further.
 */
function describeThrown(thrown: unknown): AttemptFailure {
	let error = thrown as IDataObject | undefined;
	for (let depth = 0; depth < 5 && error && !error.response && !error.code && error.cause; depth++) {
		error = error.cause as IDataObject;
	}
	const response = error?.response as IDataObject | undefined;
	if (response?.status) {
		let body: unknown = response.data;
		try {
			body = parseBody(response.data);
		} catch {
			body = typeof response.data === 'string' ? response.data.slice(0, 500) : undefined;
		}
		return { kind: 'http', status: Number(response.status), headers: lowerCaseHeaders(response.headers), body };
	}
	const code = typeof error?.code === 'string' ? error.code : undefined;
	const message = typeof error?.message === 'string' ? error.message : '';
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(message)) {
		return { kind: 'timeout', headers: {}, code: code ?? 'ETIMEDOUT' };
	}
	if ((code && NETWORK_CODES.has(code)) || /socket hang up|aborted/i.test(message)) {
		return { kind: 'network', headers: {}, code: code ?? 'ECONNRESET' };
	}
	if (code === 'EAUTH' || code === 'ESTATUS') {
		// @n8n/client-oauth2 failed to refresh the access token
		return { kind: 'oauth', headers: {}, code };
	}
	return { kind: 'network', headers: {}, code: code ?? 'UNKNOWN' };
}

/**
 * The one function that talks to Makini: authenticates with the selected credential (which also gives n8n the
 * chance to refresh an OAuth2 token on 401), retries what is safe to retry and maps failures to NodeApiError.
 */
export async function makiniApiRequest(
	this: MakiniFunctions,
	req: MakiniRequest,
	opts: TransportOptions = {},
): Promise<IDataObject> {
	const type = credentialType.call(this);
	const url = `${await baseUrl.call(this)}${req.path}`;
	const maxAttempts = Math.max(1, opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
	const maxWaitMs = Math.max(0, opts.maxWaitMs ?? DEFAULT_MAX_WAIT_MS);
	const isWrite = req.method !== 'GET';
	let waited = 0;

	for (let attempt = 1; ; attempt++) {
		await opts.gate?.wait();
		// Not ignoreHttpStatusErrors: n8n only refreshes an OAuth2 token when the request throws a 401.
		const options: IHttpRequestOptions = {
			method: req.method,
			url,
			qs: req.qs,
			body: req.body,
			json: true,
			encoding: 'text',
			returnFullResponse: true,
			timeout: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		};
		let failure: AttemptFailure;
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(this, type, options)) as IDataObject;
			try {
				const body = parseBody(response.body);
				return (body ?? {}) as IDataObject;
			} catch {
				failure = { kind: 'invalidJson', status: Number(response.statusCode), headers: lowerCaseHeaders(response.headers) };
			}
		} catch (thrown) {
			failure = describeThrown(thrown);
		}

		const delay = delayBeforeRetry(failure, attempt);
		if (failure.status === 429) opts.gate?.pauseFor(delay);
		const retryable = isWrite ? certainlyNotProcessed(failure) : transientForRead(failure);
		if (retryable && attempt < maxAttempts && waited + delay <= maxWaitMs) {
			waited += delay;
			await sleep(delay);
			continue;
		}
		if (isWrite && outcomeUnknown(failure)) throw unknownOutcomeError(this.getNode(), failure, req);
		throw makiniApiError(this.getNode(), failure, req, attempt);
	}
}

/** A write whose answer was lost, or that failed on the server side, may have been applied. */
function outcomeUnknown(failure: AttemptFailure): boolean {
	if (certainlyNotProcessed(failure)) return false;
	switch (failure.kind) {
		case 'http':
			return (failure.status ?? 0) >= 500;
		case 'oauth':
			return false;
		default:
			return failure.code !== 'ENOTFOUND' && failure.code !== 'EAI_AGAIN';
	}
}
