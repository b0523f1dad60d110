import type { INodeProperties } from 'n8n-workflow';

import { foreignKey } from '../../descriptions/keyFields';

const keyList = (displayName: string, name: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	typeOptions: { multipleValues: true },
	default: [],
});

/**
 * Material (spare part) fields a write may set, as published (which ones a system accepts depends on it). The request
 * publishes `vendorKeys` as one string while the record lists them: left to Extra Fields (JSON).
 */
export const materialWriteFields: INodeProperties[] = [
	foreignKey('Account', 'accountKey', 'accounts', 'searchAccounts'),
	keyList('Asset Keys', 'assetKeys'),
	{ displayName: 'Category Name', name: 'categoryName', type: 'string', default: '' },
	{ displayName: 'Code', name: 'code', type: 'string', default: '' },
	{ displayName: 'Cost', name: 'cost', type: 'number', default: 0 },
	{ displayName: 'Criticality', name: 'criticality', type: 'string', default: '' },
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: '',
		placeholder: 'e.g. USD',
	},
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Is Active', name: 'isActive', type: 'boolean', default: true },
	{ displayName: 'Is Assembly', name: 'isAssembly', type: 'boolean', default: false },
	{ displayName: 'Manufacturer Name', name: 'manufacturerName', type: 'string', default: '' },
	{ displayName: 'Minimum Quantity', name: 'minimumQuantity', type: 'string', default: '' },
	{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
	keyList('Parent Keys', 'parentKeys'),
	{ displayName: 'Part Number', name: 'partNumber', type: 'string', default: '' },
	keyList('Site Keys', 'siteKeys'),
];
