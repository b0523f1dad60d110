import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { makiniApiRecord } from '../transport';
import { keyFilterField } from './shared/conditions';
import { readOnlyResource } from './shared/read.factory';

/** Whether a meter (published `assetKeys[]`) belongs to the asset. */
export const measures = (meter: IDataObject, assetKey: string) =>
	Array.isArray(meter.assetKeys) ? meter.assetKeys.map(String).includes(assetKey) : false;

const assetFilter = (ctx: IExecuteFunctions, itemIndex: number) =>
	String(ctx.getNodeParameter('assetFilter', itemIndex, '') ?? '').trim();

// CCN point values and run hours surface as meters of an asset. A meter lists its assets in `assetKeys[]`, and
// the contract does not say what equals means on a list field: the meters of the asset's site are read
// (`siteKey` equals) and kept when `assetKeys` holds the asset.
export const meter = readOnlyResource({
	resource: 'meter',
	displayName: 'Meter',
	description: 'Point values and run hours of equipment',
	one: 'meter',
	many: 'meters',
	entity: 'meters',
	noun: 'meter',
	simplifyFields: [
		'siteKey',
		'assetKeys',
		'uomName',
		'uomKey',
		'lastReading',
		'lastReadingAt',
		'updatedAt',
	],
	listProperties: [
		keyFilterField(
			'assetFilter',
			'Asset Key',
			'Only the meters of this asset (leave empty for all)',
		),
	],
	async listConditions(ctx, itemIndex) {
		const assetKey = assetFilter(ctx, itemIndex);
		if (!assetKey) return [];
		const asset = await makiniApiRecord.call(ctx, {
			method: 'GET',
			path: `/api/eam/assets/${encodeURIComponent(assetKey)}`,
			itemIndex,
		});
		const siteKey = asset.siteKey;
		return siteKey ? [{ field: 'siteKey', operator: 'equals', value: String(siteKey) }] : [];
	},
	keep(ctx, itemIndex) {
		const assetKey = assetFilter(ctx, itemIndex);
		return assetKey ? (record) => measures(record, assetKey) : undefined;
	},
});
