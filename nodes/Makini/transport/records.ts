import type { IDataObject } from 'n8n-workflow';

import { makiniApiRequest } from './request';
import type { MakiniFunctions, MakiniRequest, TransportOptions } from './types';

// Makini wraps every answer in `{ data, meta?, links? }`; these are the only places that unwrap it.

/** One page of a list answer: its records and what `meta` / `links` say about the others. */
export interface Page {
	records: IDataObject[];
	currentPage?: number;
	lastPage?: number;
	perPage?: number;
	nextCursor?: string;
}

const toNumber = (value: unknown): number | undefined => {
	const n = Number(value);
	return value === undefined || value === null || value === '' || Number.isNaN(n) ? undefined : n;
};

function readPage(body: IDataObject): Page {
	const meta = (body.meta ?? {}) as IDataObject;
	const links = (body.links ?? {}) as IDataObject;
	const cursor = meta.next_cursor ?? body.next_cursor ?? links.next_cursor;
	return {
		records: Array.isArray(body.data) ? (body.data as IDataObject[]) : [],
		currentPage: toNumber(meta.current_page),
		lastPage: toNumber(meta.last_page),
		perPage: toNumber(meta.per_page),
		nextCursor: typeof cursor === 'string' && cursor !== '' ? cursor : undefined,
	};
}

/** A single-record answer's record (`{ data: {...} }`); a bare object is taken as the record. */
export async function makiniApiRecord(
	this: MakiniFunctions,
	req: MakiniRequest,
	opts: TransportOptions = {},
): Promise<IDataObject> {
	const body = await makiniApiRequest.call(this, req, opts);
	return (body.data ?? body) as IDataObject;
}

/** One page of a list endpoint. */
export async function makiniApiPage(
	this: MakiniFunctions,
	req: MakiniRequest,
	opts: TransportOptions = {},
): Promise<Page> {
	return readPage(await makiniApiRequest.call(this, req, opts));
}
