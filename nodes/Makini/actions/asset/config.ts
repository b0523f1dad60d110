import type { ReadConfig } from '../shared/read.factory';

export const assetConfig: ReadConfig = {
	resource: 'asset',
	entity: 'assets',
	noun: 'asset',
	searchMethod: 'searchAssets',
	simplifyFields: [
		'name',
		'categoryName',
		'makeName',
		'modelName',
		'serialNumber',
		'criticality',
		'isActive',
		'siteKey',
		'locationKey',
		'parentKey',
		'updatedAt',
	],
};
