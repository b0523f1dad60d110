import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

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
