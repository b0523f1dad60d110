import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { keyLocator, statusField } from '../../descriptions/keyFields';
import { transportOptions } from '../../descriptions/options';
import { fail, locatorKey } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRecord } from '../../transport';

export const write = true;

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['purchaseOrder'], operation: ['updateStatus'] } },
	[
		keyLocator({
			name: 'purchaseOrderKey',
			displayName: 'Purchase Order',
			entity: 'purchase-orders',
			searchMethod: 'searchPurchaseOrders',
		}),
		{ ...statusField('status', 'getPurchaseOrderStatuses'), required: true },
		transportOptions('write'),
	],
);

/** PUT purchase-orders/{key}/status publishes one field, `status`: sent the key of a purchase order status. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: ListOptions,
): Promise<IDataObject[]> {
	const key = locatorKey(this, itemIndex, 'purchaseOrderKey', 'Purchase Order');
	const status = String(this.getNodeParameter('status', itemIndex, '') ?? '').trim();
	if (!status) fail(this, itemIndex, 'Status', 'choose a status');
	const record = await makiniApiRecord.call(
		this,
		{ method: 'PUT', path: `/api/eam/purchase-orders/${key}/status`, body: { status }, itemIndex },
		transport,
	);
	return [record];
}
