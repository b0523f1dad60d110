import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { makiniApiRequest, recordKey } from '../Makini/transport';
import { changedEntity } from './events';
import { changedIds, resolvedKey, type DeliveryJson, type ResolvedRecords } from './deliveryItems';

/** Ids per list request: keeps the query string well under common URL limits (~40 chars per id). */
const IDS_PER_REQUEST = 100;

/**
 * Fetches the changed records of all deliveries with one list request per entity and batch of ids
 * (`filter[key]` given as a list, matched with `filterMatch=any`) instead of one request per record.
 * Only records whose key was asked for are kept, so a server that ignored the filter cannot inject others.
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
			const response = await makiniApiRequest.call(this, {
				method: 'GET',
				path: `/api/eam/${entity}`,
				qs: { 'filter[key]': batch, filterMatch: 'any', per_page: batch.length },
			});
			const wanted = new Set(batch);
			for (const record of (response.data ?? []) as IDataObject[]) {
				const key = recordKey(record);
				if (key !== undefined && wanted.has(key)) resolved.set(resolvedKey(entity, key), record);
			}
		}
	}
	return resolved;
}
