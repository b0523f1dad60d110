import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { transportOptions } from '../../descriptions/options';
import type { ListOptions } from '../../transport';
import { makiniApiRequest } from '../../transport/request';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['connection'], operation: ['disconnect'] } },
	[
		{
			displayName:
				'Disconnecting deletes the Makini connection behind this credential and cannot be undone: its synced data is gone and this token (and every other token of the connection) is refused from then on (401).',
			name: 'disconnectNotice',
			type: 'notice',
			default: '',
		},
		transportOptions('write'),
	],
);

/** DELETE /api/integrations/current: ends the connection of the credential's token. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: ListOptions,
): Promise<IDataObject[]> {
	await makiniApiRequest.call(
		this,
		{ method: 'DELETE', path: '/api/integrations/current', itemIndex },
		transport,
	);
	return [{ disconnected: true }];
}
