import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { keyLocator } from '../../descriptions/keyFields';
import { transportOptions } from '../../descriptions/options';
import { jsonFieldsProperty, writeBody } from '../../helpers/body';
import { fail, locatorKey } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRecord } from '../../transport';
import { assetWriteFields } from './fields';

export const write = true;

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['asset'], operation: ['update'] } },
	[
		keyLocator({
			name: 'assetKey',
			displayName: 'Asset',
			entity: 'assets',
			searchMethod: 'searchAssets',
		}),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				...assetWriteFields,
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
	const key = locatorKey(this, itemIndex, 'assetKey', 'Asset');
	const body = writeBody(this, itemIndex, { collection: 'updateFields' });
	if (Object.keys(body).length === 0)
		fail(this, itemIndex, 'Update Fields', 'add at least one field to change');
	const record = await makiniApiRecord.call(
		this,
		{ method: 'PUT', path: `/api/eam/assets/${key}`, body, itemIndex },
		transport,
	);
	return [record];
}
