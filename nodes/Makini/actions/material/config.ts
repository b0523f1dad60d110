import type { ReadConfig } from '../shared/read.factory';

export const materialConfig: ReadConfig = {
	resource: 'material',
	entity: 'materials',
	noun: 'material',
	searchMethod: 'searchMaterials',
	simplifyFields: [
		'name',
		'code',
		'partNumber',
		'categoryName',
		'manufacturerName',
		'criticality',
		'uomKey',
		'cost',
		'currency',
		'isActive',
		'updatedAt',
	],
};
