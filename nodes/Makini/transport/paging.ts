import type { IDataObject } from 'n8n-workflow';

import { makiniApiPage, type Page } from './records';
import type { ListOptions, MakiniFunctions } from './types';

/** The largest page Makini accepts (the sandbox caps per_page here; a smaller cap is read back from meta). */
export const MAX_PAGE_SIZE = 500;

/** Records are identified by `key` (published schemas) or `id` (newer docs). */
export function recordKey(record: IDataObject): string | undefined {
	const key = record.key ?? record.id;
	return key === undefined || key === null || key === '' ? undefined : String(key);
}

/** Collects records in order, once per key, up to the limit. */
export class Collector {
	readonly records: IDataObject[] = [];

	private readonly seen = new Set<string>();

	private lastSignature = '';

	constructor(private readonly limit: number) {}

	get full(): boolean {
		return this.limit > 0 && this.records.length >= this.limit;
	}

	/** Adds a page; false when the page repeats the previous one (a server ignoring `page`). */
	add(records: IDataObject[]): boolean {
		const signature = records.map((r) => recordKey(r) ?? '').join('|');
		if (signature !== '' && signature === this.lastSignature) return false;
		this.lastSignature = signature;
		for (const record of records) {
			if (this.full) break;
			const key = recordKey(record);
			if (key !== undefined) {
				if (this.seen.has(key)) continue;
				this.seen.add(key);
			}
			this.records.push(record);
		}
		return true;
	}
}

/**
 * Every record of a list endpoint: pages of the largest size, stopping on the last page, an empty page, a
 * repeated page or the limit (fetching no page it does not need). Follows `next_cursor` when Makini sends one.
 * With pageConcurrency > 1, pages after the first are fetched several at a time, kept in page order.
 */
export async function makiniApiRequestAllItems(
	this: MakiniFunctions,
	path: string,
	qs: IDataObject = {},
	opts: ListOptions = {},
): Promise<IDataObject[]> {
	const limit = opts.limit && opts.limit > 0 ? opts.limit : 0;
	const collector = new Collector(limit);
	const fetchPage = async (query: IDataObject) =>
		await makiniApiPage.call(
			this,
			{ method: 'GET', path, qs: { ...qs, ...query }, itemIndex: opts.itemIndex },
			opts,
		);

	let perPage = limit ? Math.min(limit, MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
	let page = await fetchPage({ page: 1, per_page: perPage });
	collector.add(page.records);
	// The server may clamp per_page: page numbers must be computed with the size it actually used.
	perPage = page.perPage ?? perPage;

	// Cursor paging: follow the cursor one page at a time.
	while (page.nextCursor && page.records.length > 0 && !collector.full) {
		page = await fetchPage({ cursor: page.nextCursor, per_page: perPage });
		if (!collector.add(page.records)) break;
	}
	if (page.nextCursor !== undefined || collector.full || page.records.length === 0)
		return collector.records;

	let current = page.currentPage ?? 1;
	const concurrency = Math.max(1, opts.pageConcurrency ?? 1);
	if (concurrency > 1 && page.lastPage !== undefined) {
		// Pages needed for the limit, not more.
		const needed = limit ? Math.ceil(limit / perPage) : page.lastPage;
		await fetchInOrder(current + 1, Math.min(page.lastPage, needed), concurrency, {
			fetch: async (n) => await fetchPage({ page: n, per_page: perPage }),
			take: (fetched) =>
				fetched.records.length > 0 && collector.add(fetched.records) && !collector.full,
		});
		return collector.records;
	}

	while (!collector.full && hasMore(page, current, perPage)) {
		page = await fetchPage({ page: current + 1, per_page: perPage });
		const reported = page.currentPage ?? current + 1;
		if (page.records.length === 0 || reported <= current || !collector.add(page.records)) break;
		current = reported;
	}
	return collector.records;
}

/**
 * Fetches pages first..last keeping `concurrency` requests in flight (a sliding window: a new page starts as
 * soon as the oldest is taken, not when a whole batch is done), and hands them to `take` in page order until
 * it returns false. Pages still in flight then are dropped; an error of a page that is never taken is ignored.
 */
async function fetchInOrder(
	first: number,
	last: number,
	concurrency: number,
	pages: { fetch: (page: number) => Promise<Page>; take: (page: Page) => boolean },
): Promise<void> {
	const inFlight = new Map<number, Promise<Page>>();
	let next = first;
	for (let n = first; n <= last; n++) {
		while (next <= last && next < n + concurrency) {
			const request = pages.fetch(next);
			request.catch(() => undefined);
			inFlight.set(next++, request);
		}
		const fetched = await inFlight.get(n)!;
		inFlight.delete(n);
		if (!pages.take(fetched)) return;
	}
}

function hasMore(page: Page, current: number, perPage: number): boolean {
	if (page.records.length === 0) return false;
	if (page.lastPage !== undefined) return current < page.lastPage;
	// No meta: a full page suggests there may be another.
	return page.records.length >= perPage;
}
