import { keyCondition, keyFilterField } from './shared/conditions';
import { readOnlyResource } from './shared/read.factory';

// CCN point values and run hours surface as meters of an asset.
export const meter = readOnlyResource({
	resource: 'meter',
	displayName: 'Meter',
	description: 'Point values and run hours of equipment',
	one: 'meter',
	many: 'meters',
	entity: 'meters',
	noun: 'meter',
	simplifyFields: ['name', 'assetKey', 'type', 'unit', 'lastReading', 'lastReadingAt', 'updatedAt'],
	listProperties: [
		keyFilterField(
			'assetFilter',
			'Asset Key',
			'Only the meters of this asset (leave empty for all)',
		),
	],
	listConditions: (ctx, itemIndex) => keyCondition(ctx, itemIndex, 'assetFilter', 'assetKey'),
});
