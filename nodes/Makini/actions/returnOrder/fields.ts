import type { INodeProperties } from 'n8n-workflow';

import { foreignKey, statusField } from '../../descriptions/keyFields';

/**
 * Return order fields a write may set. Create takes the published request (`organizationKey`, `locationKey`,
 * `vendorKey`, `description`, `lineItems`: line items go in Extra Fields (JSON), their shape is not published); the
 * published update request lists no fields, so Update offers those plus the record's own (status, notes, dates...).
 */
export const returnOrderWriteFields: INodeProperties[] = [
	{ displayName: 'Approved At', name: 'approvedAt', type: 'dateTime', default: '' },
	{ displayName: 'Code', name: 'code', type: 'string', default: '' },
	{ displayName: 'Completed At', name: 'completedAt', type: 'dateTime', default: '' },
	{ displayName: 'Due At', name: 'dueAt', type: 'dateTime', default: '' },
	foreignKey('Location', 'locationKey', 'locations', 'searchLocations'),
	{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
	{ displayName: 'Order Number', name: 'orderNo', type: 'string', default: '' },
	foreignKey('Organization', 'organizationKey', 'organizations', 'searchOrganizations'),
	{ displayName: 'Shipping Method', name: 'shippingMethod', type: 'string', default: '' },
	{
		...statusField('statusKey', 'getReturnOrderStatuses'),
		description:
			'The return order status, from the connection\'s return order statuses. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{ displayName: 'Terms', name: 'terms', type: 'string', default: '', placeholder: 'e.g. Credit' },
	{ displayName: 'Title', name: 'title', type: 'string', default: '' },
	foreignKey('Vendor', 'vendorKey', 'vendors', 'searchVendors'),
];

export const returnOrderDateFields = ['approvedAt', 'completedAt', 'dueAt'];
