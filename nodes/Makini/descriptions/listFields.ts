import type { INodeProperties } from 'n8n-workflow';

import { fieldProperty, filtersProperty } from './filterFields';
import { transportOptions } from './options';

/** Return All and Limit: the pair every operation that returns a list starts with. */
export const returnAllAndLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/**
 * Return All / Limit, Updated Since, Filters, Match, Sort, (Simplify) and (Options) for every Get Many.
 * `options: false` leaves out the Options collection for operations that have their own; `picker: false` keeps
 * the Filters and Sort fields free text where the records' fields are not published (raw tables...).
 */
export function listFields(
	config: { simplify?: boolean; options?: boolean; picker?: boolean } = {},
): INodeProperties[] {
	const picker = config.picker !== false;
	const fields: INodeProperties[] = [...returnAllAndLimit];
	fields.push({
		displayName: 'Updated Since',
		name: 'updatedSince',
		type: 'dateTime',
		default: '',
		description:
			'Only records changed after this moment (ISO 8601 or an expression such as {{ $now.minus(1, "hour") }}); results come oldest change first',
	});
	fields.push(
		filtersProperty(
			{ name: 'conditions', displayName: 'Conditions' },
			{ placeholder: 'Add Condition' },
			picker,
		),
		{
			displayName: 'Match',
			name: 'filterMatch',
			type: 'options',
			default: 'all',
			options: [
				{ name: 'All Conditions', value: 'all' },
				{ name: 'Any Condition', value: 'any' },
			],
			description: 'How several filter conditions combine',
		},
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Sort Rule',
			default: {},
			options: [
				{
					displayName: 'Rules',
					name: 'rules',
					values: [
						fieldProperty(picker, {
							default: 'updatedAt',
							description: 'Record field to sort by, in camelCase as it appears in the output',
						}),
						{
							displayName: 'Direction',
							name: 'direction',
							type: 'options',
							default: 'asc',
							options: [
								{ name: 'Ascending', value: 'asc' },
								{ name: 'Descending', value: 'desc' },
							],
						},
					],
				},
			],
		},
	);
	if (config.simplify) {
		fields.push({
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description: 'Whether to return a simplified version of the response instead of the raw data',
		});
	}
	if (config.options !== false) fields.push(transportOptions('list'));
	return fields;
}
