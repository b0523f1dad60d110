import { readOnlyResource } from './shared/read.factory';

export const account = readOnlyResource({
	resource: 'account',
	displayName: 'Account',
	one: 'account',
	many: 'accounts',
	entity: 'accounts',
	noun: 'account',
	simplifyFields: ['code', 'name', 'description', 'activatedAt', 'expiresAt', 'updatedAt'],
});
