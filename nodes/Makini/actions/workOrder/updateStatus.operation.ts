import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { keyLocator } from '../../descriptions/keyFields';
import { transportOptions } from '../../descriptions/options';
import { fail, locatorKey } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRecord } from '../../transport';

export const write = true;

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['workOrder'], operation: ['updateStatus'] } },
	[
		keyLocator({
			name: 'workOrderKey',
			displayName: 'Work Order',
			entity: 'work-orders',
			searchMethod: 'searchWorkOrders',
		}),
		{
			displayName: 'Status Name or ID',
			name: 'statusKey',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getWorkOrderStatuses' },
			default: '',
			required: true,
			description:
				'The connection\'s work order statuses. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		transportOptions('write'),
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: ListOptions,
): Promise<IDataObject[]> {
	const key = locatorKey(this, itemIndex, 'workOrderKey', 'Work Order');
	const statusKey = String(this.getNodeParameter('statusKey', itemIndex, '') ?? '').trim();
	if (!statusKey) fail(this, itemIndex, 'Status', 'choose a status');
	const record = await makiniApiRecord.call(
		this,
		{ method: 'PUT', path: `/api/eam/work-orders/${key}/status`, body: { statusKey }, itemIndex },
		transport,
	);
	return [record];
}
