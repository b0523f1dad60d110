import { readOnlyResource } from './shared/read.factory';

export const vendor = readOnlyResource({
	resource: 'vendor',
	displayName: 'Vendor',
	one: 'vendor',
	many: 'vendors',
	entity: 'vendors',
	noun: 'vendor',
});
