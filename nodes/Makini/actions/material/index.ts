import { getManyOperation, getOperation } from '../shared/read.factory';
import { createOperation, updateOperation } from '../shared/write.factory';
import { defineResource, readOptions } from '../shared/resource';
import { materialConfig } from './config';
import { materialWriteFields } from './fields';

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
		update: updateOperation({
			...write,
			locator: { name: 'materialKey', displayName: 'Material', searchMethod: 'searchMaterials' },
		}),
	},
});
