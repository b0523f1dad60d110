import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { transportOptions } from '../../descriptions/options';
import { fail, pathKey } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRecord } from '../../transport';
import { connectionKeyField } from '../shared';
import { withParsedMetadata } from './metadata';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['connection'], operation: ['setMetadata'] } },
	[
		connectionKeyField,
		{
			displayName: 'Metadata',
			name: 'metadata',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Metadata',
			default: {},
			description: 'Key/value pairs to store on the connection, e.g. your own customer ID',
			options: [
				{
					displayName: 'Entries',
					name: 'entries',
					values: [
						{ displayName: 'Key', name: 'key', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		transportOptions('write'),
	],
);

/** POST /api/system/connections/{id}/metadata with the published body: an array of {key, value}. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: ListOptions,
): Promise<IDataObject[]> {
	const key = pathKey(
		this,
		itemIndex,
		'Connection Key',
		this.getNodeParameter('connectionKey', itemIndex, ''),
	);
	const entries = (this.getNodeParameter('metadata.entries', itemIndex, []) as IDataObject[]).map(
		(entry, i) => {
			const name = String(entry.key ?? '').trim();
			if (name === '') fail(this, itemIndex, `Metadata › Key ${i + 1}`, 'a key is required');
			return { key: name, value: String(entry.value ?? '') };
		},
	);
	if (entries.length === 0) fail(this, itemIndex, 'Metadata', 'add at least one key/value pair');
	const record = await makiniApiRecord.call(
		this,
		{ method: 'POST', path: `/api/system/connections/${key}/metadata`, body: entries, itemIndex },
		transport,
	);
	return [withParsedMetadata(record)];
}
