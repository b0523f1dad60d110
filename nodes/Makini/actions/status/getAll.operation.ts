import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../descriptions/listFields';
import { transportOptions } from '../../descriptions/options';
import { fail, positiveInteger } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRequestAllItems } from '../../transport';

/** Kind → path under /api/eam/statuses: each list is the connected system's own statuses for that kind of record. */
const KINDS: Record<string, string> = {
	workOrders: 'work-orders',
	serviceRequests: 'service-requests',
	purchaseOrders: 'purchase-orders',
	returnOrders: 'return-orders',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['status'], operation: ['getAll'] } },
	[
		{
			displayName: 'Kind',
			name: 'kind',
			type: 'options',
			default: 'workOrders',
			description: 'Which records the statuses belong to',
			options: [
				{ name: 'Purchase Orders', value: 'purchaseOrders' },
				{ name: 'Return Orders', value: 'returnOrders' },
				{ name: 'Service Requests', value: 'serviceRequests' },
				{ name: 'Work Orders', value: 'workOrders' },
			],
		},
		...returnAllAndLimit,
		transportOptions('list'),
	],
);

/** GET /api/eam/statuses/<kind>: one item per status (key, name, code...). */
export async function execute(this: IExecuteFunctions, itemIndex: number, transport: ListOptions) {
	const kind = String(this.getNodeParameter('kind', itemIndex, 'workOrders'));
	const path = KINDS[kind];
	if (!path)
		fail(this, itemIndex, 'Kind', `"${kind}" is not one of ${Object.keys(KINDS).join(', ')}`);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll
		? 0
		: positiveInteger(this, itemIndex, 'Limit', this.getNodeParameter('limit', itemIndex, 50));
	return await makiniApiRequestAllItems.call(
		this,
		`/api/eam/statuses/${path}`,
		{},
		{ ...transport, limit, itemIndex },
	);
}
