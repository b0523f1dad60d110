import { readOnlyResource } from './shared/read.factory';

export const site = readOnlyResource({
	resource: 'site',
	displayName: 'Site',
	one: 'site',
	many: 'sites',
	entity: 'sites',
	noun: 'site',
	searchMethod: 'searchSites',
	simplifyFields: ['name', 'code', 'address', 'lat', 'lng', 'updatedAt'],
});
