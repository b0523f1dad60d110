import { readOnlyResource } from './shared/read.factory';

export const storeroom = readOnlyResource({
	resource: 'storeroom',
	displayName: 'Storeroom',
	one: 'storeroom',
	many: 'storerooms',
	entity: 'storerooms',
	noun: 'storeroom',
});
