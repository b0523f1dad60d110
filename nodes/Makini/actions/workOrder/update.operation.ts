import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { keyLocator } from '../../descriptions/keyFields';
import { transportOptions } from '../../descriptions/options';
import { jsonFieldsProperty, writeBody } from '../../helpers/body';
import { fail, locatorKey } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRecord } from '../../transport';
import { workOrderDateFields, workOrderWriteFields } from './fields';

export const write = true;

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['workOrder'], operation: ['update'] } },
	[
		keyLocator({
			name: 'workOrderKey',
			displayName: 'Work Order',
			entity: 'work-orders',
			searchMethod: 'searchWorkOrders',
		}),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Title', name: 'title', type: 'string', default: '' },
				...workOrderWriteFields,
			],
		},
		jsonFieldsProperty,
		transportOptions('write'),
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: ListOptions,
): Promise<IDataObject[]> {
	const key = locatorKey(this, itemIndex, 'workOrderKey', 'Work Order');
	const body = writeBody(this, itemIndex, {
		collection: 'updateFields',
		dateFields: workOrderDateFields,
	});
	if (Object.keys(body).length === 0)
		fail(this, itemIndex, 'Update Fields', 'add at least one field to change');
	const record = await makiniApiRecord.call(
		this,
		{ method: 'PUT', path: `/api/eam/work-orders/${key}`, body, itemIndex },
		transport,
	);
	return [record];
}
