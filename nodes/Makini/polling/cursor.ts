import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { makiniApiPage, recordKey } from '../transport';

/**
 * Where the last complete read ended: the newest time seen and the keys already emitted at it. The property
 * is named `updatedAt` for cursors stored by earlier versions; it holds the value of the clock field.
 */
export interface PollCursor extends IDataObject {
	updatedAt: string;
	keys: string[];
}

/** The field that orders changes, as the server names it (`updatedAt`, `_updatedAt`, `createdAt`...). */
export type ClockField = string;

// Asked for; the server may cap it lower, and meta.per_page then tells the size it used.
const PAGE_SIZE = 200;

const timeOf = (record: IDataObject, clock: ClockField) => Date.parse(String(record[clock]));

/**
 * Reads every record created or updated since the cursor, oldest first.
 *
 * Paging is keyset-style: after each full page the lower bound moves to the last time seen and the read
 * restarts at page 1, so records changing while we read cannot shift unread ones onto a page already read.
 * Records sharing the bound's time are told apart by key (emitted keys are skipped); only when a whole page
 * shares one time does the read go on by page number, so a tie group larger than a page is still read whole.
 * A page is full when it has the size the server says it used. Any failure throws before the caller stores
 * the new cursor, so the next poll starts again from the old one.
 */
export async function readChangesSince(
	this: IPollFunctions,
	path: string,
	filters: IDataObject,
	cursor: PollCursor,
	clock: ClockField,
): Promise<{ records: IDataObject[]; cursor: PollCursor }> {
	let since = cursor.updatedAt;
	let sinceMs = Date.parse(since);
	let emittedAtSince = new Set(cursor.keys);
	let frontier = { updatedAt: since, ms: sinceMs, keys: emittedAtSince };
	let page = 1;
	const changed = new Map<string, IDataObject>();

	for (;;) {
		const read = await makiniApiPage.call(this, {
			method: 'GET',
			path,
			qs: {
				...filters,
				[`filter[${clock}:gteq]`]: since,
				filterMatch: 'all',
				[`sort[${clock}]`]: 0,
				per_page: PAGE_SIZE,
				page,
			},
		});
		const rows = read.records;
		for (const row of rows) {
			const key = recordKey(row);
			const ms = timeOf(row, clock);
			if (key === undefined || Number.isNaN(ms) || ms < sinceMs) continue;
			if (ms === sinceMs && emittedAtSince.has(key)) continue;
			// Re-inserting keeps one (the newest) version of a record that changed while we read.
			changed.delete(key);
			changed.set(key, row);
			if (ms > frontier.ms) frontier = { updatedAt: String(row[clock]), ms, keys: new Set([key]) };
			else if (ms === frontier.ms) frontier.keys.add(key);
		}
		const lastPage = read.lastPage !== undefined && (read.currentPage ?? page) >= read.lastPage;
		if (rows.length === 0 || rows.length < (read.perPage ?? PAGE_SIZE) || lastPage) break;

		if (frontier.ms > sinceMs) {
			since = frontier.updatedAt;
			sinceMs = frontier.ms;
			emittedAtSince = frontier.keys;
			page = 1;
		} else {
			page += 1;
		}
	}
	return {
		records: [...changed.values()],
		cursor: { updatedAt: frontier.updatedAt, keys: [...frontier.keys] },
	};
}

/** The newest records first (for the start position and for manual runs' samples). */
export async function readNewest(
	this: IPollFunctions,
	path: string,
	filters: IDataObject,
	count: number,
	clock: ClockField,
): Promise<IDataObject[]> {
	const { records } = await makiniApiPage.call(this, {
		method: 'GET',
		path,
		qs: { ...filters, filterMatch: 'all', [`sort[${clock}]`]: 1, per_page: count, page: 1 },
	});
	return records.slice(0, count);
}

/**
 * The cursor for a first activation: the newest record's time with every record at that time marked as
 * emitted, so only later changes fire. Taken from Makini's data rather than this machine's clock, which may
 * differ from Makini's. An empty resource starts at the epoch: whatever appears later is new.
 */
export async function startCursor(
	this: IPollFunctions,
	path: string,
	filters: IDataObject,
	clock: ClockField,
): Promise<PollCursor> {
	const [newest] = await readNewest.call(this, path, filters, 1, clock);
	if (!newest || Number.isNaN(timeOf(newest, clock)))
		return { updatedAt: new Date(0).toISOString(), keys: [] };
	const start = { updatedAt: String(newest[clock]), keys: [] };
	return (await readChangesSince.call(this, path, filters, start, clock)).cursor;
}
