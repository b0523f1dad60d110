import type { ReadConfig } from '../shared/read.factory';

export const purchaseOrderConfig: ReadConfig = {
	resource: 'purchaseOrder',
	entity: 'purchase-orders',
	noun: 'purchase order',
	searchMethod: 'searchPurchaseOrders',
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
};
