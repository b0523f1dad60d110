import { readOnlyResource } from './shared/read.factory';

export const purchaseOrder = readOnlyResource({
	resource: 'purchaseOrder',
	displayName: 'Purchase Order',
	one: 'purchase order',
	many: 'purchase orders',
	entity: 'purchase-orders',
	noun: 'purchase order',
	simplifyFields: [
		'orderNo',
		'title',
		'statusKey',
		'vendorKey',
		'siteKey',
		'dueAt',
		'totalNetValue',
		'totalGrossValue',
		'currencyKey',
		'updatedAt',
	],
});
