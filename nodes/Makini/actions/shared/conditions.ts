import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Condition } from '../../helpers/filters';
import { isoDate } from '../../helpers/validation';

/** Optional "only for this key" field of a Get Many (e.g. Asset Key on meters). */
export function keyFilterField(
	name: string,
	displayName: string,
	description: string,
): INodeProperties {
	return { displayName, name, type: 'string', default: '', description };
}

export function keyCondition(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	field: string,
): Condition[] {
	const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	return value ? [{ field, operator: 'equals', value }] : [];
}

/** From / To date fields of a Get Many's time window. */
export function windowFields(on: string): INodeProperties[] {
	return [
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			default: '',
			description: `Only records whose ${on} is at or after this moment`,
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			default: '',
			description: `Only records whose ${on} is at or before this moment`,
		},
	];
}

export function windowConditions(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
): Condition[] {
	const conditions: Condition[] = [];
	const from = ctx.getNodeParameter('from', itemIndex, '') as string;
	const to = ctx.getNodeParameter('to', itemIndex, '') as string;
	if (from)
		conditions.push({ field, operator: 'gteq', value: isoDate(ctx, itemIndex, 'From', from) });
	if (to) conditions.push({ field, operator: 'lteq', value: isoDate(ctx, itemIndex, 'To', to) });
	return conditions;
}
