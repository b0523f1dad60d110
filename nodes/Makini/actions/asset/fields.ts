import type { INodeProperties } from 'n8n-workflow';

import { foreignKey, teamField } from '../../descriptions/keyFields';

/**
 * Asset fields a write may set (which ones a system accepts depends on it). Foreign keys are pickers (From List / By Key
 * / By URL) under their old parameter names; a workflow saved with a typed key keeps working.
 */
export const assetWriteFields: INodeProperties[] = [
	foreignKey('Asset Template', 'assetTemplateKey', 'asset-templates', 'searchAssetTemplates'),
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
	foreignKey('Location', 'locationKey', 'locations', 'searchLocations'),
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
	foreignKey('Parent Asset', 'parentKey', 'assets', 'searchAssets'),
	{ displayName: 'Serial Number', name: 'serialNumber', type: 'string', default: '' },
	foreignKey('Site', 'siteKey', 'sites', 'searchSites'),
	teamField,
];
