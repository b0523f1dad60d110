import type { WriteConfig } from '../shared/write.factory';
import { returnOrderDateFields, returnOrderWriteFields } from './fields';

/** What Create and Update of return orders share. */
export const returnOrderWrite: WriteConfig = {
	resource: 'returnOrder',
	entity: 'return-orders',
	nameField: {
		displayName: 'Description',
		name: 'description',
		placeholder: 'e.g. Wrong filter drier core shipped (KH43LZ002 ordered)',
	},
	fields: returnOrderWriteFields,
	dateFields: returnOrderDateFields,
	accepted: {
		// the published POST request (openapi-eam.json); `lineItems` only through Extra Fields (JSON)
		create: ['organizationKey', 'locationKey', 'vendorKey', 'description', 'lineItems'],
		// PUT publishes no fields: the create request's and the record's writable ones
		update: [
			'approvedAt',
			'code',
			'completedAt',
			'dueAt',
			'locationKey',
			'notes',
			'orderNo',
			'organizationKey',
			'shippingMethod',
			'statusKey',
			'terms',
			'title',
			'vendorKey',
		],
	},
};
