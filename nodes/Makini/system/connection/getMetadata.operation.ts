import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { transportOptions } from '../../descriptions/options';
import { pathKey } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRequestAllItems } from '../../transport';
import { connectionKeyField } from '../shared';
import { withParsedMetadata } from './metadata';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['connection'], operation: ['getMetadata'] } },
	[connectionKeyField, transportOptions('read')],
);

/** GET /api/system/connections/{id}/metadata: ConnectionMetadata records (user_metadata also parsed). */
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
	const records = await makiniApiRequestAllItems.call(
		this,
		`/api/system/connections/${key}/metadata`,
		{},
		{ ...transport, itemIndex },
	);
	return records.map(withParsedMetadata);
}
