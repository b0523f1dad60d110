import type { INodeProperties } from 'n8n-workflow';

import { teamField } from '../../descriptions/keyFields';

/** Asset fields a write may set (which ones a system accepts depends on it). */
export const assetWriteFields: INodeProperties[] = [
	{ displayName: 'Asset Template Key', name: 'assetTemplateKey', type: 'string', default: '' },
	{
		displayName: 'Category Name',
		name: 'categoryName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Chiller',
	},
	{ displayName: 'Criticality', name: 'criticality', type: 'string', default: '' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Is Active', name: 'isActive', type: 'boolean', default: true },
	{ displayName: 'Location Key', name: 'locationKey', type: 'string', default: '' },
	{
		displayName: 'Make Name',
		name: 'makeName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Carrier',
	},
	{
		displayName: 'Model Name',
		name: 'modelName',
		type: 'string',
		default: '',
		placeholder: 'e.g. 30XA',
	},
	{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
	{ displayName: 'Parent Asset Key', name: 'parentKey', type: 'string', default: '' },
	{ displayName: 'Serial Number', name: 'serialNumber', type: 'string', default: '' },
	{ displayName: 'Site Key', name: 'siteKey', type: 'string', default: '' },
	teamField,
];
