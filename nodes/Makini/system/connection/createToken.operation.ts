import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { transportOptions } from '../../descriptions/options';
import { pathKey } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRecord } from '../../transport';
import { connectionKeyField } from '../shared';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['connection'], operation: ['createToken'] } },
	[
		connectionKeyField,
		{
			displayName:
				'The answer holds a new connection token (`token`). A Makini node can use it through a Makini API credential whose Connection Token is an expression such as {{ $json.token }}.',
			name: 'tokenNotice',
			type: 'notice',
			default: '',
		},
		transportOptions('write'),
	],
);

/** POST /api/system/connections/{id}/token → ConnectionToken (token, expires_in). */
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
	const record = await makiniApiRecord.call(
		this,
		{ method: 'POST', path: `/api/system/connections/${key}/token`, itemIndex },
		transport,
	);
	return [record];
}
