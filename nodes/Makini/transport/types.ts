import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { RateGate } from './retry';

export type MakiniFunctions =
	IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions | IWebhookFunctions;

export interface MakiniRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	itemIndex?: number;
	/**
	 * An absolute URL to call instead of Base URL + `path` (a document's `url`); `path` then only names the request in
	 * errors. The credential goes only to the Base URL's origin: any other origin is called without it.
	 */
	url?: string;
	/** A body sent as it is (a multipart upload) instead of `body` as JSON. */
	rawBody?: { data: Buffer; contentType: string };
	/** Read the answer as bytes (a file), not as JSON. */
	binary?: boolean;
}

/** A successful answer: the JSON body, or the bytes of a binary answer, and the headers (lower-case names). */
export interface MakiniResponse {
	body: IDataObject;
	bytes?: Buffer;
	headers: Record<string, string>;
}

export interface TransportOptions {
	/** Attempts per request including the first (default 5). */
	maxAttempts?: number;
	/** Total time one request may spend waiting between attempts (default 60 s). */
	maxWaitMs?: number;
	/** Per-attempt timeout (default 60 s). */
	timeoutMs?: number;
	/** Shared by concurrent requests so that a 429 slows all of them down, not only the one that got it. */
	gate?: RateGate;
}

export interface ListOptions extends TransportOptions {
	/** Stop after this many records (undefined or 0 = all). */
	limit?: number;
	/** Pages fetched at once once the first page has told how many there are (default 1). */
	pageConcurrency?: number;
	itemIndex?: number;
}

/** What went wrong with one attempt, read from the response or the socket error (never the request). */
export interface AttemptFailure {
	kind: 'http' | 'network' | 'timeout' | 'invalidJson' | 'oauth' | 'other';
	status?: number;
	headers: Record<string, string>;
	/** Parsed error body when the server sent JSON, else the text (trimmed). */
	body?: unknown;
	/** Socket error code such as ECONNRESET or ECONNREFUSED. */
	code?: string;
	/** For failures that are neither HTTP nor network: n8n's message, with credential secrets removed. */
	detail?: string;
}
