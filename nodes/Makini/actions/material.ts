import { readOnlyResource } from './shared/read.factory';

export const material = readOnlyResource({
	resource: 'material',
	displayName: 'Material',
	description: 'Spare parts and kits',
	one: 'material',
	many: 'materials',
	entity: 'materials',
	noun: 'material',
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
});
