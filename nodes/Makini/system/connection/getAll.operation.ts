import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../descriptions/listFields';
import { transportOptions } from '../../descriptions/options';
import { positiveInteger } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRequestAllItems } from '../../transport';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['connection'], operation: ['getAll'] } },
	[...returnAllAndLimit, transportOptions('list')],
);

/** Every connection of the account (GET /api/system/connections), paged by the transport. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: ListOptions,
): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll
		? 0
		: positiveInteger(this, itemIndex, 'Limit', this.getNodeParameter('limit', itemIndex, 50));
	return await makiniApiRequestAllItems.call(
		this,
		'/api/system/connections',
		{},
		{
			...transport,
			limit,
			itemIndex,
		},
	);
}
