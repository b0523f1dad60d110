import { readOnlyResource } from './shared/read.factory';

export const unitOfMeasure = readOnlyResource({
	resource: 'unitOfMeasure',
	displayName: 'Unit of Measure',
	one: 'unit of measure',
	many: 'units of measure',
	entity: 'uom',
	noun: 'unit of measure',
});
