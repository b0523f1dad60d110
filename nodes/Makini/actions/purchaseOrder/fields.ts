import type { INodeProperties } from 'n8n-workflow';

import { foreignKey, statusField } from '../../descriptions/keyFields';

/**
 * Purchase order fields a write may set, as published (which ones a system accepts depends on it). Site and vendor are
 * pickers under their old parameter names (a typed key saved in a workflow keeps working); currencies have no published
 * list, so Currency Key stays a text box.
 */
export const purchaseOrderWriteFields: INodeProperties[] = [
	{ displayName: 'Approved At', name: 'approvedAt', type: 'dateTime', default: '' },
	{ displayName: 'Code', name: 'code', type: 'string', default: '' },
	{ displayName: 'Completed At', name: 'completedAt', type: 'dateTime', default: '' },
	{
		displayName: 'Currency Key',
		name: 'currencyKey',
		type: 'string',
		default: '',
		placeholder: 'e.g. USD',
	},
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Due At', name: 'dueAt', type: 'dateTime', default: '' },
	{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
	{ displayName: 'Order Date', name: 'orderDate', type: 'dateTime', default: '' },
	{ displayName: 'Order Number', name: 'orderNo', type: 'string', default: '' },
	{ displayName: 'Shipping Method', name: 'shippingMethod', type: 'string', default: '' },
	foreignKey('Site', 'siteKey', 'sites', 'searchSites'),
	statusField('statusKey', 'getPurchaseOrderStatuses'),
	{ displayName: 'Terms', name: 'terms', type: 'string', default: '', placeholder: 'e.g. Net 30' },
	{ displayName: 'Total Gross Value', name: 'totalGrossValue', type: 'number', default: 0 },
	{ displayName: 'Total Net Value', name: 'totalNetValue', type: 'number', default: 0 },
	{ displayName: 'Total Tax Value', name: 'totalTaxValue', type: 'number', default: 0 },
	foreignKey('Vendor', 'vendorKey', 'vendors', 'searchVendors'),
];

export const purchaseOrderDateFields = ['approvedAt', 'completedAt', 'dueAt', 'orderDate'];
