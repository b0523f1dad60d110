import { getManyOperation, getOperation } from '../shared/read.factory';
import { createOperation, updateOperation } from '../shared/write.factory';
import { defineResource, readOptions } from '../shared/resource';
import { assetConfig } from './config';
import { assetWriteFields } from './fields';
import * as getMaterials from './getMaterials.operation';
import * as getSnapshot from './getSnapshot.operation';

const ASSET_UPDATE = [
	'siteKey',
	'parentKey',
	'vendorKey',
	'modelKey',
	'teamKey',
	'locationKey',
	'accountKey',
	'name',
	'description',
	'notes',
	'categoryName',
	'criticality',
	'isActive',
	'manufacturerName',
	'modelName',
	'serialNumber',
	'activatedAt',
	'deactivatedAt',
];

const write = {
	resource: 'asset',
	entity: 'assets',
	nameField: { displayName: 'Name', name: 'name', placeholder: 'e.g. Chiller 2 (30XA-502)' },
	fields: assetWriteFields,
	// The published request bodies (openapi-eam.json); the maker is `manufacturerName` there.
	accepted: {
		create: [...ASSET_UPDATE, 'assetTemplateKey'],
		update: ASSET_UPDATE,
	},
	renamed: { makeName: 'manufacturerName' },
};

export const asset = defineResource({
	option: {
		name: 'Asset',
		value: 'asset',
		description: 'Equipment such as chillers, air handlers and rooftop units',
	},
	operationOptions: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create an asset',
			description: 'Create a piece of equipment',
		},
		...readOptions('asset', 'assets'),
		{
			name: 'Get Materials',
			value: 'getMaterials',
			action: 'Get materials of an asset',
			description: 'List the spare parts and materials of an asset',
		},
		{
			name: 'Get Snapshot',
			value: 'getSnapshot',
			action: 'Get an asset snapshot',
			description:
				'The asset with its meters and latest readings, open downtime and open work orders in one item',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update an asset',
			description: 'Change fields of an asset',
		},
	],
	defaultOperation: 'getAll',
	operations: {
		create: createOperation(write),
		get: getOperation(assetConfig),
		getAll: getManyOperation(assetConfig),
		getMaterials,
		getSnapshot,
		update: updateOperation({
			...write,
			locator: { name: 'assetKey', displayName: 'Asset', searchMethod: 'searchAssets' },
		}),
	},
});
