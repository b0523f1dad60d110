import { readOnlyResource } from './shared/read.factory';

export const stock = readOnlyResource({
	resource: 'stock',
	displayName: 'Stock',
	description: 'Part quantities per storeroom and bin',
	one: 'stock',
	many: 'stocks',
	entity: 'stocks',
	noun: 'stock',
});
