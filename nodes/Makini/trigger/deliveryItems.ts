import type { IDataObject } from 'n8n-workflow';

import { changedEntity } from './events';

/** What webhook() hands to the execution for one accepted delivery. */
export interface DeliveryJson extends IDataObject {
	event: string;
	connectionId?: string;
	receivedAt: string;
	deliveryFingerprint: string;
	payload: IDataObject;
}

/** Resolved records by `<entity>/<key>`; absent = the record is gone or unknown. */
export type ResolvedRecords = Map<string, IDataObject>;

export function resolvedKey(entity: string, id: string): string {
	return `${entity}/${id}`;
}

/** Ids of the changed records of a data-change delivery (`body` is a list of ids); [] otherwise. */
export function changedIds(delivery: DeliveryJson): string[] {
	const body = delivery.payload.body;
	if (changedEntity(delivery.event) === undefined || !Array.isArray(body)) return [];
	const ids = body.filter((id) => typeof id === 'string' || typeof id === 'number').map(String);
	return [...new Set(ids)];
}

/**
 * The output items of one delivery: itself, or one item per changed record. With resolved records, each
 * id becomes its record, or `missing: true` when Makini no longer has it.
 */
export function shapeDelivery(
	delivery: DeliveryJson,
	perRecord: boolean,
	resolved?: ResolvedRecords,
): IDataObject[] {
	const entity = changedEntity(delivery.event);
	const ids = changedIds(delivery);
	if (entity === undefined || ids.length === 0) return [delivery];

	const lookup = (id: string) => resolved?.get(resolvedKey(entity, id));
	if (!perRecord) {
		if (!resolved) return [delivery];
		return [
			{
				...delivery,
				records: ids.map(lookup).filter((record) => record !== undefined),
				missingIds: ids.filter((id) => lookup(id) === undefined),
			},
		];
	}
	return ids.map((id) => {
		const item: IDataObject = { ...delivery, entity, recordId: id };
		if (resolved) {
			const record = lookup(id);
			if (record) item.record = record;
			else item.missing = true;
		}
		return item;
	});
}
