import { readOnlyResource } from './shared/read.factory';

export const inventory = readOnlyResource({
	resource: 'inventory',
	displayName: 'Inventory',
	description: 'Quantity and unit cost of a part at a location',
	one: 'inventory',
	many: 'inventories',
	entity: 'inventories',
	noun: 'inventory',
});
