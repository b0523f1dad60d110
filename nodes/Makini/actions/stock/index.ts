import type { INodeProperties } from 'n8n-workflow';

import type { ReadConfig } from '../shared/read.factory';
import { getManyOperation, getOperation } from '../shared/read.factory';
import { createOperation, updateOperation } from '../shared/write.factory';
import { defineResource, readOptions } from '../shared/resource';

const read: ReadConfig = {
	resource: 'stock',
	entity: 'stocks',
	noun: 'stock',
	searchMethod: 'searchStocks',
};

/** Stock fields a write may set, as published; a stock is named by the material it holds. */
const stockWriteFields: INodeProperties[] = [
	{ displayName: 'Asset Key', name: 'assetKey', type: 'string', default: '' },
	{ displayName: 'Expires At', name: 'expiresAt', type: 'dateTime', default: '' },
	{ displayName: 'Location Key', name: 'locationKey', type: 'string', default: '' },
	{
		displayName: 'Position',
		name: 'position',
		type: 'string',
		default: '',
		placeholder: 'e.g. Bin A-3',
	},
	{ displayName: 'Product Key', name: 'productKey', type: 'string', default: '' },
	{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 0 },
	{ displayName: 'Storeroom Key', name: 'storeroomKey', type: 'string', default: '' },
	{ displayName: 'Unit of Measure Key', name: 'uomKey', type: 'string', default: '' },
];

const write = {
	resource: 'stock',
	entity: 'stocks',
	// the published request fields (openapi-eam.json)
	accepted: {
		create: [
			'assetKey',
			'expiresAt',
			'locationKey',
			'materialKey',
			'position',
			'productKey',
			'quantity',
			'storeroomKey',
			'uomKey',
		],
	},
	nameField: {
		displayName: 'Material Key',
		name: 'materialKey',
		placeholder: 'e.g. 2301000000001',
	},
	fields: stockWriteFields,
	dateFields: ['expiresAt'],
};

export const stock = defineResource({
	option: { name: 'Stock', value: 'stock', description: 'Part quantities per storeroom and bin' },
	operationOptions: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a stock',
			description: 'Record a material held in a storeroom',
		},
		...readOptions('stock', 'stocks'),
		{
			name: 'Update',
			value: 'update',
			action: 'Update a stock',
			description: 'Change the quantity or place of a stock',
		},
	],
	defaultOperation: 'getAll',
	operations: {
		create: createOperation(write),
		get: getOperation(read),
		getAll: getManyOperation(read),
		update: updateOperation({
			...write,
			locator: { name: 'stockKey', displayName: 'Stock', searchMethod: 'searchStocks' },
		}),
	},
});
