import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listEntities, recordShapeFields } from '../descriptions/filterFields';
import { publishedFields } from '../descriptions/publishedFields';
import { makiniApiRequestAllItems, recordKey } from '../transport';

/** Every record of a small list as dropdown options, by name. */
async function options(ctx: ILoadOptionsFunctions, path: string): Promise<INodePropertyOptions[]> {
	const records = await makiniApiRequestAllItems.call(ctx, path, { 'sort[name]': 0 });
	return records.flatMap((record) => {
		const key = recordKey(record);
		if (key === undefined) return [];
		const name = String(record.name ?? record._displayValue ?? key);
		return [{ name: record.code ? `${name} (${String(record.code)})` : name, value: key }];
	});
}

/** The connection's own work order statuses (each system names them differently). */
export async function getWorkOrderStatuses(this: ILoadOptionsFunctions) {
	return await options(this, '/api/eam/statuses/work-orders');
}

export async function getServiceRequestStatuses(this: ILoadOptionsFunctions) {
	return await options(this, '/api/eam/statuses/service-requests');
}

export async function getTeams(this: ILoadOptionsFunctions) {
	return await options(this, '/api/eam/teams');
}

export async function getPurchaseOrderStatuses(this: ILoadOptionsFunctions) {
	return await options(this, '/api/eam/statuses/purchase-orders');
}

export async function getReturnOrderStatuses(this: ILoadOptionsFunctions) {
	return await options(this, '/api/eam/statuses/return-orders');
}

/**
 * The Field of Filters rows and Sort rules: the published fields of the records listed (alphabetical), then the
 * v4 record-shape fields. `resource` is a Makini node resource (e.g. `workOrder`) or, on the Makini Polling
 * Trigger, the list path itself (e.g. `work-orders`). Nothing is requested: the fields are the published schema.
 */
export async function getFilterFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const resource = String(this.getCurrentNodeParameter('resource') ?? '');
	const entity = listEntities[resource] ?? resource;
	const fields = publishedFields[entity] ?? [];
	return [
		...fields.map((field) => ({ name: field, value: field })),
		...recordShapeFields.map((field) => ({
			name: `${field} (v4 record shape)`,
			value: field,
			description: 'Field name of Makini’s newer (v4) record shape',
		})),
	];
}
