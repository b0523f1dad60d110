import type { ReadConfig } from '../shared/read.factory';

export const teamConfig: ReadConfig = {
	resource: 'team',
	entity: 'teams',
	noun: 'team',
};
