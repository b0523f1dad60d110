import type { ReadConfig } from '../shared/read.factory';

export const userConfig: ReadConfig = {
	resource: 'user',
	entity: 'users',
	noun: 'user',
	simplifyFields: ['name', 'roleName', 'isActive', 'siteKeys', 'locationKeys', 'updatedAt'],
};
