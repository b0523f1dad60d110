import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { transportOptions } from '../../descriptions/options';
import type { ListOptions } from '../../transport';
import { makiniApiRecord } from '../../transport';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['client'], operation: ['get'] } },
	[transportOptions('read')],
);

/** GET /api/system/client: the account's client (name, redirects…). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: ListOptions,
): Promise<IDataObject[]> {
	return [
		await makiniApiRecord.call(
			this,
			{ method: 'GET', path: '/api/system/client', itemIndex },
			transport,
		),
	];
}
