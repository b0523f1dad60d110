import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../descriptions/listFields';
import { transportOptions } from '../../descriptions/options';
import { positiveInteger } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRequestAllItems } from '../../transport';

/** GET /api/eam/work-orders/custom-fields: the custom fields the connected system defines for work orders (`name`). */
export const description = updateDisplayOptions(
	{ show: { resource: ['workOrder'], operation: ['getCustomFields'] } },
	[...returnAllAndLimit, transportOptions('list')],
);

export async function execute(this: IExecuteFunctions, itemIndex: number, transport: ListOptions) {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll
		? 0
		: positiveInteger(this, itemIndex, 'Limit', this.getNodeParameter('limit', itemIndex, 50));
	return await makiniApiRequestAllItems.call(
		this,
		'/api/eam/work-orders/custom-fields',
		{},
		{ ...transport, limit, itemIndex },
	);
}
