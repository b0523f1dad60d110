import { readOnlyResource } from './shared/read.factory';

export const organization = readOnlyResource({
	resource: 'organization',
	displayName: 'Organization',
	one: 'organization',
	many: 'organizations',
	entity: 'organizations',
	noun: 'organization',
	simplifyFields: ['name', 'code', 'description', 'currencyKey', 'updatedAt'],
});
