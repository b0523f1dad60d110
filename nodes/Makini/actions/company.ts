import { readOnlyResource } from './shared/read.factory';

export const company = readOnlyResource({
	resource: 'company',
	displayName: 'Company',
	one: 'company',
	many: 'companies',
	entity: 'companies',
	noun: 'company',
	simplifyFields: ['name', 'code', 'parentKey', 'organizationKey', 'currencyKey', 'updatedAt'],
});
