import type { IDataObject } from 'n8n-workflow';

import { makiniApiPage } from '../transport';
import type { MakiniFunctions, TransportOptions } from '../transport';

// Makini serves two record shapes: the published schemas (`key`, `createdAt`, `updatedAt`, `deletedAt`) and the
// newer docs' v4 shape (`id`, `_createdAt`, `_updatedAt`, `_deletedAt`). Filters and sort must use the names
// of the shape the server serves, so operations that filter on a timestamp ask it first.
const RENAMED = ['createdAt', 'updatedAt', 'deletedAt'];

export type RecordShape = 'key' | 'v4';

export function shapeOf(record: IDataObject | undefined): RecordShape {
	if (!record) return 'key';
	const v4 = RENAMED.some((f) => `_${f}` in record) || (!('key' in record) && 'id' in record);
	return v4 ? 'v4' : 'key';
}

/** The name a published field has in `shape` (`updatedAt` → `_updatedAt` in v4). */
export const fieldIn = (shape: RecordShape, field: string) =>
	shape === 'v4' && RENAMED.includes(field) ? `_${field}` : field;

/** Both names a published field may have, published first. */
export const namesOf = (field: string) =>
	RENAMED.includes(field) ? [field, `_${field}`] : [field];

/**
 * The shape a list endpoint serves, read from one record (one request for one record). An empty list says
 * nothing: the published shape is assumed, and nothing is lost since there is nothing to filter.
 */
export async function probeShape(
	this: MakiniFunctions,
	path: string,
	opts: TransportOptions & { itemIndex?: number } = {},
): Promise<RecordShape> {
	const { records } = await makiniApiPage.call(
		this,
		{ method: 'GET', path, qs: { page: 1, per_page: 1 }, itemIndex: opts.itemIndex },
		opts,
	);
	return shapeOf(records[0]);
}
