import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { transportOptions } from '../../descriptions/options';
import { jsonFieldsProperty, writeBody } from '../../helpers/body';
import { fail } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRecord } from '../../transport';
import { workOrderDateFields, workOrderWriteFields } from './fields';

export const write = true;

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['workOrder'], operation: ['create'] } },
	[
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Chiller 2: 2,000 run hours service',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: workOrderWriteFields,
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
	const body = writeBody(this, itemIndex, {
		typed: ['title'],
		collection: 'additionalFields',
		dateFields: workOrderDateFields,
	});
	if (!body.title) fail(this, itemIndex, 'Title', 'is required');
	const record = await makiniApiRecord.call(
		this,
		{ method: 'POST', path: '/api/eam/work-orders', body, itemIndex },
		transport,
	);
	return [record];
}
