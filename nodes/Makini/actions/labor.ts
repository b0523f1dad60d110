import { readOnlyResource } from './shared/read.factory';

export const labor = readOnlyResource({
	resource: 'labor',
	displayName: 'Labor',
	description: 'Technicians and crafts that work orders are assigned to',
	one: 'labor',
	many: 'labors',
	entity: 'labors',
	noun: 'labor',
	simplifyFields: [
		'name',
		'code',
		'roleName',
		'userKey',
		'teamKey',
		'siteKeys',
		'isActive',
		'updatedAt',
	],
});
