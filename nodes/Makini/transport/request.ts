import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';
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
	MakiniResponse,
	TransportOptions,
} from './types';

export const DEFAULT_BASE_URL = 'https://api.makini.io';
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Redirects followed by a file download (each hop decides again whether the credential may go there). */
export const MAX_REDIRECTS = 5;

type CredentialType = 'makiniApi' | 'makiniOAuth2Api' | 'makiniSystemApi';

/**
 * n8n's getNode() hands out a deep copy of the node (parameters included) on every call: the transport reads it
 * once per context object (a node run, a webhook call, an activation), not twice per request. A context never
 * changes node: n8n makes a new one when the workflow is edited or activated again.
 */
const nodeByContext = new WeakMap<object, INode>();

function nodeOf(ctx: MakiniFunctions): INode {
	let node = nodeByContext.get(ctx);
	if (!node) {
		node = ctx.getNode();
		nodeByContext.set(ctx, node);
	}
	return node;
}

/**
 * The credential of the node: the Makini System node always uses the admin credential; the others use the one
 * their Authentication parameter selects (triggers without the parameter use the token).
 */
export function credentialType(this: MakiniFunctions): CredentialType {
	const node = nodeOf(this);
	if (/\.makiniSystem$/.test(node.type)) return 'makiniSystemApi';
	return node.parameters.authentication === 'oAuth2' ? 'makiniOAuth2Api' : 'makiniApi';
}

/** Credentials whose token n8n renews when a request throws a 401 (OAuth2 refresh, or preAuthentication again). */
const RENEWED_ON_401 = new Set<CredentialType>(['makiniOAuth2Api', 'makiniSystemApi']);

type Attempt =
	| { body: IDataObject; bytes?: Buffer; headers: Record<string, string> }
	| { failure: AttemptFailure }
	| { redirect: string };

/**
 * Credentials read once per run of a node or webhook call (one n8n context object each), since a real n8n reads
 * and decrypts them from its database on every getCredentials. Poll contexts are kept by n8n for the whole
 * activation, so they are not cached here: a credential edited between polls must take effect.
 */
const credentialsByContext = new WeakMap<object, Promise<ICredentialDataDecryptedObject>>();

const isLongLived = (ctx: MakiniFunctions) =>
	typeof (ctx as { __emit?: unknown }).__emit === 'function';

async function credentialsOnce(
	this: MakiniFunctions,
	type: CredentialType,
): Promise<ICredentialDataDecryptedObject> {
	if (isLongLived(this)) return await this.getCredentials(type);
	let credentials = credentialsByContext.get(this);
	if (!credentials) {
		credentials = this.getCredentials(type);
		credentialsByContext.set(this, credentials);
		credentials.catch(() => credentialsByContext.delete(this));
	}
	return await credentials;
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

/** Axios hands back the raw text when JSON parsing fails (e.g. an answer cut off mid-way). */
function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	return body.trim() === '' ? undefined : JSON.parse(body);
}

/** A file download asks for bytes (and follows redirects itself); everything else is JSON. */
const isDownload = (options: IHttpRequestOptions) => options.encoding === 'arraybuffer';

function fromResponse(response: IDataObject, download = false): Attempt {
	const status = Number(response.statusCode);
	const headers = lowerCaseHeaders(response.headers);
	let raw = response.body;
	if (download) {
		const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(typeof raw === 'string' ? raw : '');
		if (status >= 200 && status < 300) return { body: {}, bytes, headers };
		if (status >= 300 && status < 400 && headers.location) return { redirect: headers.location };
		// An error answer to a download is read like any other (usually Makini's JSON error body).
		raw = bytes.toString('utf8');
	}
	let body: unknown;
	try {
		body = parseBody(raw);
	} catch {
		return status >= 200 && status < 300
			? { failure: { kind: 'invalidJson', status, headers } }
			: { failure: { kind: 'http', status, headers, body: String(raw).slice(0, 500) } };
	}
	if (status >= 200 && status < 300) {
		if (body !== undefined && (typeof body !== 'object' || body === null))
			return { failure: { kind: 'invalidJson', status, headers } };
		return { body: (body ?? {}) as IDataObject, headers };
	}
	return { failure: { kind: 'http', status, headers, body } };
}

/** Removes credential secrets from any text that may end up in an error. */
function redact(text: string, credentials: ICredentialDataDecryptedObject): string {
	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	const secrets = [
		credentials.token,
		credentials.clientSecret,
		credentials.adminToken,
		tokenData.access_token,
		tokenData.refresh_token,
	];
	return secrets.reduce<string>(
		(clean, secret) =>
			typeof secret === 'string' && secret.length >= 4 ? clean.split(secret).join('***') : clean,
		text,
	);
}

/**
 * Classifies what n8n's request helper threw. With ignoreHttpStatusErrors only transport failures throw, and n8n
 * wraps them in a NodeApiError that keeps the socket error's code and message only in its texts, so the texts
 * are what is read (never the request, which carries the Authorization header).
 */
function describeThrown(
	thrown: unknown,
	credentials: ICredentialDataDecryptedObject,
): AttemptFailure {
	const error = (thrown ?? {}) as IDataObject;
	const texts = [error.message, ...((error.messages as unknown[]) ?? []), error.description].map(
		(t) => String(t ?? ''),
	);
	const text = texts.join(' | ');
	if (/ECONNREFUSED|refused the connection/i.test(text))
		return { kind: 'network', headers: {}, code: 'ECONNREFUSED' };
	if (/timeout of|timed out|ETIMEDOUT/i.test(text))
		return { kind: 'timeout', headers: {}, code: 'ETIMEDOUT' };
	if (/ENOTFOUND|EAI_AGAIN|cannot be established/i.test(text))
		return { kind: 'network', headers: {}, code: 'ENOTFOUND' };
	// The answer started and was cut off before its end.
	if (/stream has been aborted|unexpected end/i.test(text))
		return { kind: 'invalidJson', headers: {} };
	if (/ECONNRESET|EPIPE|socket hang up|closed unexpectedly|aborted/i.test(text)) {
		return { kind: 'network', headers: {}, code: 'ECONNRESET' };
	}
	return {
		kind: 'other',
		headers: {},
		detail: redact(texts.filter(Boolean)[0] ?? 'Unknown error', credentials),
	};
}

/**
 * n8n renews a token (OAuth2 refresh, or the admin credential's preAuthentication) only when a request *throws*
 * a 401, which ignoreHttpStatusErrors prevents. So after a 401 the request is sent once more in throwing mode:
 * n8n renews, saves the new token and resends.
 */
async function resendForRenewal(
	this: MakiniFunctions,
	type: CredentialType,
	options: IHttpRequestOptions,
	credentials: ICredentialDataDecryptedObject,
	additional?: IAdditionalCredentialOptions,
): Promise<Attempt> {
	try {
		const response = await this.helpers.httpRequestWithAuthentication.call(
			this,
			type,
			{
				...options,
				ignoreHttpStatusErrors: false,
			},
			additional,
		);
		return fromResponse(response as IDataObject, isDownload(options));
	} catch (thrown) {
		const error = thrown as IDataObject & { context?: IDataObject };
		// A status code means Makini answered; anything else (e.g. EAUTH) is the token endpoint refusing the refresh.
		if (/^\d{3}$/.test(String(error.httpCode ?? ''))) {
			return {
				failure: {
					kind: 'http',
					status: Number(error.httpCode),
					headers: {},
					body: error.context?.data,
				},
			};
		}
		const failure = describeThrown(thrown, credentials);
		// Not a socket failure: the token endpoint refused the refresh token.
		return {
			failure:
				failure.kind === 'other' && type === 'makiniOAuth2Api'
					? { ...failure, kind: 'oauth' }
					: failure,
		};
	} finally {
		// n8n saved a new token pair: read it again so that error texts redact the new secrets too.
		credentialsByContext.delete(this);
	}
}

async function attempt(
	this: MakiniFunctions,
	type: CredentialType,
	options: IHttpRequestOptions,
	credentials: ICredentialDataDecryptedObject,
	anonymous = false,
): Promise<Attempt> {
	if (anonymous) {
		// Another origin than the Base URL (e.g. a file store): the request goes without the credential.
		try {
			return fromResponse(
				(await this.helpers.httpRequest(options)) as IDataObject,
				isDownload(options),
			);
		} catch (thrown) {
			return { failure: describeThrown(thrown, credentials) };
		}
	}
	let result: Attempt;
	// The token credential is passed in already decrypted, so n8n does not read it again. n8n ignores this for
	// OAuth2 and reads the credential itself on each request, which is also how a refreshed token reaches the
	// requests after it.
	const details = nodeOf(this).credentials?.[type];
	const decrypted: IAdditionalCredentialOptions = {
		credentialsDecrypted: {
			id: details?.id ?? '',
			name: details?.name ?? type,
			type,
			data: credentials,
		},
	};
	try {
		const response = await this.helpers.httpRequestWithAuthentication.call(
			this,
			type,
			options,
			decrypted,
		);
		result = fromResponse(response as IDataObject, isDownload(options));
	} catch (thrown) {
		return { failure: describeThrown(thrown, credentials) };
	}
	if (RENEWED_ON_401.has(type) && 'failure' in result && result.failure.status === 401) {
		// The admin credential is renewed on the decrypted object passed in, so the new token is kept for the run.
		return await resendForRenewal.call(
			this,
			type,
			options,
			credentials,
			type === 'makiniSystemApi' ? decrypted : undefined,
		);
	}
	return result;
}

/** A write whose answer was lost, or that failed on the server side, may have been applied. */
function outcomeUnknown(failure: AttemptFailure): boolean {
	if (certainlyNotProcessed(failure)) return false;
	switch (failure.kind) {
		case 'http':
			return (failure.status ?? 0) >= 500;
		case 'network':
			return failure.code !== 'ENOTFOUND';
		case 'timeout':
		case 'invalidJson':
			return true;
		default:
			return false;
	}
}

/** Whether `url` is on the Base URL's origin (scheme, host and port), the only place the credential may go. */
export function onBaseOrigin(url: string, baseUrl: string): boolean {
	try {
		return new URL(url).origin === new URL(baseUrl).origin;
	} catch {
		return false;
	}
}

/**
 * Sends one attempt. A download follows redirects here rather than in n8n, so that every hop decides again
 * whether the credential may go along: it is sent only to the Base URL's origin, never to a file store.
 */
async function send(
	this: MakiniFunctions,
	type: CredentialType,
	options: IHttpRequestOptions,
	credentials: ICredentialDataDecryptedObject,
	baseUrl: string,
): Promise<Exclude<Attempt, { redirect: string }>> {
	let current = options;
	for (let hop = 0; ; hop++) {
		const anonymous = !onBaseOrigin(current.url, baseUrl);
		const result = await attempt.call(this, type, current, credentials, anonymous);
		if (!('redirect' in result)) return result;
		if (hop >= MAX_REDIRECTS) {
			return {
				failure: { kind: 'other', headers: {}, detail: `more than ${MAX_REDIRECTS} redirects` },
			};
		}
		// Fresh headers for the next hop: nothing the previous hop was given (Authorization) carries over.
		current = { ...options, url: new URL(result.redirect, current.url).href, headers: {} };
	}
}

/**
 * The one function that talks to Makini: authenticates with the selected credential, retries what is safe to
 * retry, and maps failures to NodeApiError (Makini's code, message and request id, and what to do).
 */
export async function makiniApiRequest(
	this: MakiniFunctions,
	req: MakiniRequest,
	opts: TransportOptions = {},
): Promise<IDataObject> {
	return (await makiniApiResponse.call(this, req, opts)).body;
}

/** makiniApiRequest with the whole answer: the JSON body, or the bytes of a download, and the headers. */
export async function makiniApiResponse(
	this: MakiniFunctions,
	req: MakiniRequest,
	opts: TransportOptions = {},
): Promise<MakiniResponse> {
	const type = credentialType.call(this);
	const credentials = await credentialsOnce.call(this, type);
	const baseUrl = (
		typeof credentials.baseUrl === 'string' && credentials.baseUrl
			? credentials.baseUrl
			: DEFAULT_BASE_URL
	).replace(/\/+$/, '');
	const options: IHttpRequestOptions = {
		method: req.method,
		url: req.url ? new URL(req.url, `${baseUrl}/`).href : `${baseUrl}${req.path}`,
		qs: req.qs,
		body: req.rawBody?.data ?? req.body,
		...(req.rawBody ? { headers: { 'Content-Type': req.rawBody.contentType } } : {}),
		...(req.binary ? { encoding: 'arraybuffer' as const, disableFollowRedirect: true } : {}),
		json: !req.binary,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
	};
	const maxAttempts = Math.max(1, opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
	const maxWaitMs = Math.max(0, opts.maxWaitMs ?? DEFAULT_MAX_WAIT_MS);
	const isWrite = req.method !== 'GET';
	let waited = 0;

	for (let attemptNumber = 1; ; attemptNumber++) {
		await opts.gate?.wait();
		const result = await send.call(this, type, options, credentials, baseUrl);
		if (!('failure' in result)) return result;
		const { failure } = result;

		const delay = delayBeforeRetry(failure, attemptNumber);
		if (failure.status === 429) opts.gate?.pauseFor(delay);
		const retryable = isWrite ? certainlyNotProcessed(failure) : transientForRead(failure);
		if (retryable && attemptNumber < maxAttempts && waited + delay <= maxWaitMs) {
			waited += delay;
			await sleep(delay);
			continue;
		}
		if (isWrite && outcomeUnknown(failure)) throw unknownOutcomeError(this.getNode(), failure, req);
		throw makiniApiError(this.getNode(), failure, req, attemptNumber);
	}
}
