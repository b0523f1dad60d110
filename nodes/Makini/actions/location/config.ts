import type { ReadConfig } from '../shared/read.factory';

export const locationConfig: ReadConfig = {
	resource: 'location',
	entity: 'locations',
	noun: 'location',
	searchMethod: 'searchLocations',
	simplifyFields: ['name', 'code', 'type', 'siteKey', 'parentKey', 'isActive', 'updatedAt'],
};
