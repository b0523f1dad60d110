import { readOnlyResource } from './shared/read.factory';

export const team = readOnlyResource({
	resource: 'team',
	displayName: 'Team',
	one: 'team',
	many: 'teams',
	entity: 'teams',
	noun: 'team',
});
