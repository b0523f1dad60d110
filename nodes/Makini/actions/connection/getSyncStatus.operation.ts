import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { transportOptions } from '../../descriptions/options';
import type { ListOptions } from '../../transport';
import { makiniApiRecord } from '../../transport';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['connection'], operation: ['getSyncStatus'] } },
	[transportOptions('read')],
);

/** Makini serves synced copies: `sync_status` says whether the data is current ('fail' = reauthorize the source). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: ListOptions,
): Promise<IDataObject[]> {
	const record = await makiniApiRecord.call(
		this,
		{ method: 'GET', path: '/api/integrations/current', itemIndex },
		transport,
	);
	return [record];
}
