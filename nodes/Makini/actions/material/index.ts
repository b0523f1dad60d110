import { getManyOperation, getOperation } from '../shared/read.factory';
import { createOperation, updateOperation } from '../shared/write.factory';
import { defineResource, readOptions } from '../shared/resource';
import { materialConfig } from './config';
import { materialWriteFields } from './fields';
import * as getChildren from './getChildren.operation';
import * as setInventory from './setInventory.operation';

const write = {
	resource: 'material',
	entity: 'materials',
	// the published request fields (openapi-eam.json)
	accepted: {
		create: [
			'accountKey',
			'assetKeys',
			'code',
			'cost',
			'criticality',
			'currency',
			'description',
			'documents',
			'isActive',
			'isAssembly',
			'manufacturerName',
			'minimumQuantity',
			'name',
			'notes',
			'parentKeys',
			'partNumber',
			'siteKeys',
			'vendorKeys',
		],
	},
	nameField: { displayName: 'Name', name: 'name', placeholder: 'e.g. 19XR oil filter element' },
	fields: materialWriteFields,
};

export const material = defineResource({
	option: { name: 'Material', value: 'material', description: 'Spare parts and kits' },
	operationOptions: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a material',
			description: 'Add a spare part',
		},
		...readOptions('material', 'materials'),
		{
			name: 'Get Children',
			value: 'getChildren',
			action: 'Get the children of a material',
			description: 'List the parts of an assembly or kit',
		},
		{
			name: 'Set Inventory',
			value: 'setInventory',
			action: 'Set the inventory of a material',
			description: 'Set the quantity in stock at a location',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a material',
			description: 'Change fields of a material',
		},
	],
	defaultOperation: 'getAll',
	operations: {
		create: createOperation(write),
		get: getOperation(materialConfig),
		getAll: getManyOperation(materialConfig),
		getChildren,
		setInventory,
		update: updateOperation({
			...write,
			locator: { name: 'materialKey', displayName: 'Material', searchMethod: 'searchMaterials' },
		}),
	},
});
