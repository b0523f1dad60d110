import type { IDataObject } from 'n8n-workflow';

import { keyCondition, keyFilterField, windowConditions, windowFields } from './shared/conditions';
import { readOnlyResource } from './shared/read.factory';

/** Downtime that has not ended: CCN alarms and outages still in progress. */
export const isOpenDowntime = (record: IDataObject) =>
	record.endedAt === null || record.endedAt === undefined || record.endedAt === '';

export const assetDowntime = readOnlyResource({
	resource: 'assetDowntime',
	displayName: 'Asset Downtime',
	description: 'Alarms and outages of equipment',
	one: 'asset downtime record',
	many: 'asset downtime records',
	entity: 'assets-downtime',
	noun: 'asset downtime',
	listProperties: [
		{
			displayName: 'Open Only',
			name: 'openOnly',
			type: 'boolean',
			default: false,
			description: 'Whether to return only downtime that has not ended yet',
		},
		keyFilterField('assetFilter', 'Asset Key', 'Only downtime of this asset (leave empty for all)'),
		...windowFields('start (startedAt)'),
	],
	listConditions: (ctx, itemIndex) => [
		...keyCondition(ctx, itemIndex, 'assetFilter', 'assetKey'),
		...windowConditions(ctx, itemIndex, 'startedAt'),
	],
	// The contract has no filter for an empty field: open downtime is picked from what is read.
	keep: (ctx, itemIndex) =>
		ctx.getNodeParameter('openOnly', itemIndex, false) ? isOpenDowntime : undefined,
});
