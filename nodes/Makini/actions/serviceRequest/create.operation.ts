import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { transportOptions } from '../../descriptions/options';
import { jsonFieldsProperty, writeBody } from '../../helpers/body';
import { fail } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRecord } from '../../transport';

export const write = true;

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['serviceRequest'], operation: ['create'] } },
	[
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. AHU-3 high supply air temperature alarm',
		},
		{
			displayName: 'Asset Key',
			name: 'assetKey',
			type: 'string',
			default: '',
			description: 'The equipment the request is about',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Category Name', name: 'categoryName', type: 'string', default: '' },
				{ displayName: 'Due At', name: 'dueAt', type: 'dateTime', default: '' },
				{ displayName: 'Location Key', name: 'locationKey', type: 'string', default: '' },
				{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
				{
					displayName: 'Requested By (User Key)',
					name: 'userRequestedKey',
					type: 'string',
					default: '',
				},
				{ displayName: 'Severity', name: 'severity', type: 'string', default: '' },
				{ displayName: 'Site Key', name: 'siteKey', type: 'string', default: '' },
				{
					displayName: 'Status Name or ID',
					name: 'statusKey',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getServiceRequestStatuses' },
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
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
	const body = writeBody(this, itemIndex, {
		typed: ['title', 'assetKey', 'description'],
		collection: 'additionalFields',
		dateFields: ['dueAt'],
	});
	if (!body.title) fail(this, itemIndex, 'Title', 'is required');
	const record = await makiniApiRecord.call(
		this,
		{ method: 'POST', path: '/api/eam/service-requests', body, itemIndex },
		transport,
	);
	return [record];
}
