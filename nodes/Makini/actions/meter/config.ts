import { keyCondition, keyFilterField } from '../shared/conditions';
import type { ReadConfig } from '../shared/read.factory';

// CCN point values and run hours surface as meters of an asset.
export const meterConfig: ReadConfig = {
	resource: 'meter',
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
};
