import { readOnlyResource } from './shared/read.factory';

export const purchaseOrderLineItem = readOnlyResource({
	resource: 'purchaseOrderLineItem',
	displayName: 'Purchase Order Line Item',
	one: 'purchase order line item',
	many: 'purchase order line items',
	entity: 'purchase-orders.line-items',
	noun: 'purchase order line item',
	simplifyFields: [
		'lineNo',
		'name',
		'materialKey',
		'vendorKey',
		'statusKey',
		'quantity',
		'receivedQuantity',
		'price',
		'cost',
		'currencyKey',
		'updatedAt',
	],
});
