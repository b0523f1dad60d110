import { foreignKey } from '../../descriptions/keyFields';
import type { ReadConfig } from '../shared/read.factory';
import { getManyOperation, getOperation } from '../shared/read.factory';
import { updateOperation } from '../shared/write.factory';
import { defineResource, readOptions } from '../shared/resource';

const read: ReadConfig = {
	resource: 'inventory',
	entity: 'inventories',
	noun: 'inventory',
	searchMethod: 'searchInventories',
};

export const inventory = defineResource({
	option: {
		name: 'Inventory',
		value: 'inventory',
		description: 'Quantity and unit cost of a part at a location',
	},
	operationOptions: [
		...readOptions('inventory', 'inventories'),
		{
			name: 'Update',
			value: 'update',
			action: 'Update an inventory',
			description: 'Change the quantity, unit cost or location of an inventory',
		},
	],
	defaultOperation: 'getAll',
	operations: {
		get: getOperation(read),
		getAll: getManyOperation(read),
		update: updateOperation({
			resource: 'inventory',
			entity: 'inventories',
			// the published request fields (openapi-eam.json)
			accepted: { create: ['code', 'locationKey', 'name', 'quantity', 'unitCost'] },
			nameField: { displayName: 'Name', name: 'name', placeholder: 'e.g. 19XR oil filter element' },
			fields: [
				{ displayName: 'Code', name: 'code', type: 'string', default: '' },
				foreignKey('Location', 'locationKey', 'locations', 'searchLocations'),
				{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 0 },
				{ displayName: 'Unit Cost', name: 'unitCost', type: 'number', default: 0 },
			],
			locator: {
				name: 'inventoryKey',
				displayName: 'Inventory',
				searchMethod: 'searchInventories',
			},
		}),
	},
});
