import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { transportOptions } from '../../descriptions/options';
import { pathKey } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRequest } from '../../transport/request';
import { connectionKeyField } from '../shared';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['connection'], operation: ['delete'] } },
	[
		{
			displayName:
				'Deleting a connection cannot be undone: Makini removes the connection and its synced data, and every token of it stops working (401). Reconnecting means creating a new connection.',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
		},
		connectionKeyField,
		transportOptions('write'),
	],
);

/** DELETE /api/system/connections/{id}: irreversible. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: ListOptions,
): Promise<IDataObject[]> {
	const raw = this.getNodeParameter('connectionKey', itemIndex, '');
	const key = pathKey(this, itemIndex, 'Connection Key', raw);
	await makiniApiRequest.call(
		this,
		{ method: 'DELETE', path: `/api/system/connections/${key}`, itemIndex },
		transport,
	);
	return [{ deleted: true, key: String(raw).trim() }];
}
