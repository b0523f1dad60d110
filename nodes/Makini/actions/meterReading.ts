import { keyCondition, keyFilterField, windowConditions, windowFields } from './shared/conditions';
import { readOnlyResource } from './shared/read.factory';

export const meterReading = readOnlyResource({
	resource: 'meterReading',
	displayName: 'Meter Reading',
	one: 'meter reading',
	many: 'meter readings',
	entity: 'meter-readings',
	noun: 'meter reading',
	listProperties: [
		keyFilterField('assetFilter', 'Asset Key', 'Only readings of this asset (leave empty for all)'),
		keyFilterField('meterFilter', 'Meter Key', 'Only readings of this meter (leave empty for all)'),
		...windowFields('reading time (createdAt)'),
	],
	listConditions: (ctx, itemIndex) => [
		...keyCondition(ctx, itemIndex, 'assetFilter', 'assetKey'),
		...keyCondition(ctx, itemIndex, 'meterFilter', 'meterKey'),
		...windowConditions(ctx, itemIndex, 'createdAt'),
	],
});
