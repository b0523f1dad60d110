import { getManyOperation, getOperation } from '../shared/read.factory';
import { createOperation, updateOperation } from '../shared/write.factory';
import { updateStatusOperation } from '../shared/status.factory';
import { defineResource, readOptions } from '../shared/resource';
import { purchaseOrderConfig } from './config';
import { purchaseOrderDateFields, purchaseOrderWriteFields } from './fields';

const write = {
	resource: 'purchaseOrder',
	entity: 'purchase-orders',
	// the published request fields (openapi-eam.json)
	accepted: {
		create: [
			'approvedAt',
			'code',
			'completedAt',
			'createdAt',
			'currencyKey',
			'description',
			'dueAt',
			'notes',
			'orderDate',
			'orderNo',
			'shippingMethod',
			'siteKey',
			'statusKey',
			'terms',
			'title',
			'totalGrossValue',
			'totalNetValue',
			'totalTaxValue',
			'updatedAt',
			'vendorKey',
		],
	},
	nameField: {
		displayName: 'Title',
		name: 'title',
		placeholder: 'e.g. 19XR oil filters for Harbor Point',
	},
	fields: purchaseOrderWriteFields,
	dateFields: purchaseOrderDateFields,
};

export const purchaseOrder = defineResource({
	option: { name: 'Purchase Order', value: 'purchaseOrder' },
	operationOptions: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a purchase order',
			description: 'Raise a purchase order',
		},
		...readOptions('purchase order', 'purchase orders'),
		{
			name: 'Update',
			value: 'update',
			action: 'Update a purchase order',
			description: 'Change fields of a purchase order',
		},
		{
			name: 'Update Status',
			value: 'updateStatus',
			action: 'Update the status of a purchase order',
			description: "Move a purchase order to one of the connection's purchase order statuses",
		},
	],
	defaultOperation: 'getAll',
	operations: {
		create: createOperation(write),
		get: getOperation(purchaseOrderConfig),
		getAll: getManyOperation(purchaseOrderConfig),
		update: updateOperation({
			...write,
			locator: {
				name: 'purchaseOrderKey',
				displayName: 'Purchase Order',
				searchMethod: 'searchPurchaseOrders',
			},
		}),
		updateStatus: updateStatusOperation({
			resource: 'purchaseOrder',
			entity: 'purchase-orders',
			locator: {
				name: 'purchaseOrderKey',
				displayName: 'Purchase Order',
				searchMethod: 'searchPurchaseOrders',
			},
			// the published body of PUT purchase-orders/{key}/status is `{ status }`
			field: 'status',
			loadOptionsMethod: 'getPurchaseOrderStatuses',
		}),
	},
});
