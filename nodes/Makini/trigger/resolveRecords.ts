import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
} from 'n8n-workflow';

import { mapWithConcurrency } from '../helpers/concurrency';
import { makiniApiPage, makiniApiRecord, recordKey, type Page } from '../transport';
import { changedEntity } from './events';
import { changedIds, resolvedKey, type DeliveryJson, type ResolvedRecords } from './deliveryItems';

/** Ids per list request: keeps the query string well under common URL limits (~40 chars per id). */
const IDS_PER_REQUEST = 100;

/** Single-record reads in flight at once when a batch has to be read id by id. */
const SINGLE_READS_AT_ONCE = 4;

/** Answers meaning "this list filter is not understood" (the contract documents only single-value filters). */
const FILTER_REFUSED = new Set(['400', '422']);

/** The transport throws NodeApiError (httpCode = Makini's status); anything else is wrapped for n8n to show. */
function nodeError(this: IExecuteFunctions, thrown: unknown): NodeApiError | NodeOperationError {
	return thrown instanceof NodeApiError || thrown instanceof NodeOperationError
		? thrown
		: new NodeOperationError(this.getNode(), thrown as Error);
}

const httpCode = (error: NodeApiError | NodeOperationError): string =>
	error instanceof NodeApiError ? (error.httpCode ?? '') : '';

/**
 * The records of one batch from one list request (`filter[key]` as a list, `filterMatch=any`), or undefined
 * when the server refused that filter, ignored it (records not asked for) or answered nothing for it.
 */
async function listBatch(
	this: IExecuteFunctions,
	entity: string,
	batch: string[],
): Promise<Map<string, IDataObject> | undefined> {
	let page: Page;
	try {
		page = await makiniApiPage.call(this, {
			method: 'GET',
			path: `/api/eam/${entity}`,
			qs: { 'filter[key]': batch, filterMatch: 'any', per_page: batch.length },
		});
	} catch (thrown) {
		const error = nodeError.call(this, thrown);
		if (FILTER_REFUSED.has(httpCode(error))) return undefined;
		throw error;
	}
	// A server capping per_page answers the batch over several pages: read it id by id instead.
	if (page.lastPage !== undefined && page.lastPage > 1) return undefined;
	const wanted = new Set(batch);
	const found = new Map<string, IDataObject>();
	for (const record of page.records) {
		const key = recordKey(record);
		if (key === undefined || !wanted.has(key)) return undefined;
		found.set(key, record);
	}
	return found.size > 0 ? found : undefined;
}

/** Reads each id by `GET /api/eam/<entity>/<key>`, a few at a time; 404 leaves the id out (missing). */
async function readEach(
	this: IExecuteFunctions,
	entity: string,
	batch: string[],
): Promise<Map<string, IDataObject>> {
	const found = new Map<string, IDataObject>();
	// "." and ".." are no record keys: as a path segment they would address another endpoint.
	const ids = batch.filter((id) => id !== '' && id !== '.' && id !== '..');
	await mapWithConcurrency(ids.length, SINGLE_READS_AT_ONCE, async (index) => {
		const id = ids[index];
		try {
			const record = await makiniApiRecord.call(this, {
				method: 'GET',
				path: `/api/eam/${entity}/${encodeURIComponent(id)}`,
			});
			found.set(id, record);
		} catch (thrown) {
			const error = nodeError.call(this, thrown);
			if (httpCode(error) !== '404') throw error;
		}
	});
	return found;
}

/**
 * Fetches the changed records of all deliveries with one list request per entity and batch of ids instead
 * of one request per record; ids that list does not return are missing. A server that does not honour the
 * list filter gets that batch read id by id instead, so no record is wrongly flagged missing or injected.
 */
export async function resolveChangedRecords(
	this: IExecuteFunctions,
	deliveries: DeliveryJson[],
): Promise<ResolvedRecords> {
	const idsByEntity = new Map<string, Set<string>>();
	for (const delivery of deliveries) {
		const entity = changedEntity(delivery.event);
		if (entity === undefined) continue;
		const ids = idsByEntity.get(entity) ?? new Set<string>();
		for (const id of changedIds(delivery)) ids.add(id);
		idsByEntity.set(entity, ids);
	}

	const resolved: ResolvedRecords = new Map();
	for (const [entity, idSet] of idsByEntity) {
		const ids = [...idSet];
		for (let start = 0; start < ids.length; start += IDS_PER_REQUEST) {
			const batch = ids.slice(start, start + IDS_PER_REQUEST);
			const found =
				(await listBatch.call(this, entity, batch)) ?? (await readEach.call(this, entity, batch));
			for (const [id, record] of found) resolved.set(resolvedKey(entity, id), record);
		}
	}
	return resolved;
}
