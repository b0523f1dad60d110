import type { ReadConfig } from '../shared/read.factory';

export const returnOrderConfig: ReadConfig = {
	resource: 'returnOrder',
	entity: 'return-orders',
	noun: 'return order',
	searchMethod: 'searchReturnOrders',
	simplifyFields: [
		'orderNo',
		'code',
		'title',
		'statusKey',
		'vendorKey',
		'poKey',
		'siteKey',
		'totalGrossValue',
		'currencyKey',
		'updatedAt',
	],
};
