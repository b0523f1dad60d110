import type { INodeProperties } from 'n8n-workflow';

/** Required and used quantity: the published `numeric|required` fields of a work order material line. */
export const quantityFields: INodeProperties[] = [
	{
		displayName: 'Required Quantity',
		name: 'requiredQuantity',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 1,
		required: true,
		description: 'How many the work needs (planned)',
	},
	{
		displayName: 'Used Quantity',
		name: 'usedQuantity',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		required: true,
		description: 'How many were used so far',
	},
];

export const workOrderLocator = {
	name: 'workOrderKey',
	displayName: 'Work Order',
	entity: 'work-orders',
	searchMethod: 'searchWorkOrders',
};
