import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { transportOptions } from '../../descriptions/options';
import { jsonFieldsProperty, writeBody } from '../../helpers/body';
import { fail } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRecord } from '../../transport';
import { assetWriteFields } from './fields';

export const write = true;

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['asset'], operation: ['create'] } },
	[
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Chiller 2 (30XA-502)',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: assetWriteFields,
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
	const body = writeBody(this, itemIndex, { typed: ['name'], collection: 'additionalFields' });
	if (!body.name) fail(this, itemIndex, 'Name', 'is required');
	const record = await makiniApiRecord.call(
		this,
		{ method: 'POST', path: '/api/eam/assets', body, itemIndex },
		transport,
	);
	return [record];
}
