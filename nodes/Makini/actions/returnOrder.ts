import { readOnlyResource } from './shared/read.factory';

export const returnOrder = readOnlyResource({
	resource: 'returnOrder',
	displayName: 'Return Order',
	one: 'return order',
	many: 'return orders',
	entity: 'return-orders',
	noun: 'return order',
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
});
