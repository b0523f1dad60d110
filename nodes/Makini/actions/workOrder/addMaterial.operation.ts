import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { keyLocator } from '../../descriptions/keyFields';
import { transportOptions } from '../../descriptions/options';
import { fail, locatorKey } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRecord } from '../../transport';
import { quantityFields, workOrderLocator } from './materialLine';

/**
 * POST /api/eam/work-orders/{key}/materials with the published body (`materialKey`, `storeroomKey`, `requiredQuantity`,
 * `usedQuantity`). Makini answers the work order (published as a WorkOrder, not the material line): it is returned as
 * it comes; Get Materials reads the lines.
 */
export const description = updateDisplayOptions(
	{ show: { resource: ['workOrder'], operation: ['addMaterial'] } },
	[
		keyLocator(workOrderLocator),
		keyLocator({
			name: 'materialKey',
			displayName: 'Material',
			entity: 'materials',
			searchMethod: 'searchMaterials',
		}),
		keyLocator({
			name: 'storeroomKey',
			displayName: 'Storeroom',
			entity: 'storerooms',
			searchMethod: 'searchStorerooms',
			description: 'Where the parts are taken from',
		}),
		...quantityFields,
		transportOptions('write'),
	],
);

export const write = true;

/** A quantity parameter as a number of 0 or more. */
export function quantity(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string) {
	const raw = ctx.getNodeParameter(name, itemIndex, 0) as unknown;
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
		fail(ctx, itemIndex, label, `"${String(raw)}" is not a number of 0 or more`);
	return value;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: ListOptions,
): Promise<IDataObject[]> {
	const key = locatorKey(this, itemIndex, 'workOrderKey', 'Work Order');
	const body = {
		materialKey: decodeURIComponent(locatorKey(this, itemIndex, 'materialKey', 'Material')),
		storeroomKey: decodeURIComponent(locatorKey(this, itemIndex, 'storeroomKey', 'Storeroom')),
		requiredQuantity: quantity(this, itemIndex, 'requiredQuantity', 'Required Quantity'),
		usedQuantity: quantity(this, itemIndex, 'usedQuantity', 'Used Quantity'),
	};
	const path = `/api/eam/work-orders/${key}/materials`;
	return [await makiniApiRecord.call(this, { method: 'POST', path, body, itemIndex }, transport)];
}
