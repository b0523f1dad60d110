import { readOnlyResource } from './shared/read.factory';

export const customer = readOnlyResource({
	resource: 'customer',
	displayName: 'Customer',
	one: 'customer',
	many: 'customers',
	entity: 'customers',
	noun: 'customer',
});
