import { readOnlyResource } from './shared/read.factory';

export const location = readOnlyResource({
	resource: 'location',
	displayName: 'Location',
	one: 'location',
	many: 'locations',
	entity: 'locations',
	noun: 'location',
	searchMethod: 'searchLocations',
	simplifyFields: ['name', 'code', 'type', 'siteKey', 'parentKey', 'isActive', 'updatedAt'],
});
