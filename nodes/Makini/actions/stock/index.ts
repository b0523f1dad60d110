import type { INodeProperties } from 'n8n-workflow';

import { foreignKey } from '../../descriptions/keyFields';
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

/**
 * Stock fields a write may set, as published; a stock is named by the material it holds. Foreign keys are pickers under
 * their old parameter names (a typed key saved in a workflow keeps working), except Product Key: no product list is
 * published.
 */
const stockWriteFields: INodeProperties[] = [
	foreignKey('Asset', 'assetKey', 'assets', 'searchAssets'),
	{ displayName: 'Expires At', name: 'expiresAt', type: 'dateTime', default: '' },
	foreignKey('Location', 'locationKey', 'locations', 'searchLocations'),
	{
		displayName: 'Position',
		name: 'position',
		type: 'string',
		default: '',
		placeholder: 'e.g. Bin A-3',
	},
	{
		displayName: 'Product Key',
		name: 'productKey',
		type: 'string',
		default: '',
		description:
			'Published beside the material key, but no product list is published to pick from: the material the stock holds is Material Key',
	},
	{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 0 },
	foreignKey('Storeroom', 'storeroomKey', 'storerooms', 'searchStorerooms'),
	foreignKey('Unit of Measure', 'uomKey', 'uom', 'searchUnitsOfMeasure'),
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
		displayName: 'Material',
		name: 'materialKey',
		placeholder: 'e.g. 2301000000001',
		picker: { entity: 'materials', searchMethod: 'searchMaterials' },
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
