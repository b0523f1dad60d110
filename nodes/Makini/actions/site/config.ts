import type { ReadConfig } from '../shared/read.factory';

export const siteConfig: ReadConfig = {
	resource: 'site',
	entity: 'sites',
	noun: 'site',
	searchMethod: 'searchSites',
	simplifyFields: ['name', 'code', 'address', 'lat', 'lng', 'updatedAt'],
};
