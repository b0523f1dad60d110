import { readOnlyResource } from './shared/read.factory';

export const user = readOnlyResource({
	resource: 'user',
	displayName: 'User',
	one: 'user',
	many: 'users',
	entity: 'users',
	noun: 'user',
	simplifyFields: ['name', 'roleName', 'isActive', 'siteKeys', 'locationKeys', 'updatedAt'],
});
