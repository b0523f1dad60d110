import type { INodeProperties } from 'n8n-workflow';

/**
 * The Filters collection of field / operator / value rows, shared by Get Many and the Makini Polling Trigger.
 * The row's name differs between them ('conditions' / 'filter') and must stay so: saved workflows store it.
 */
export function filtersProperty(
	row: { name: string; displayName: string },
	extra: Pick<INodeProperties, 'placeholder' | 'description' | 'displayOptions'>,
): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		...extra,
		options: [
			{
				displayName: row.displayName,
				name: row.name,
				values: [
					{
						displayName: 'Field',
						name: 'field',
						type: 'string',
						default: '',
						placeholder: 'e.g. categoryName',
						description: 'Record field in camelCase, as it appears in the output',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						default: 'equals',
						options: [
							{ name: 'Contains', value: 'contains' },
							{ name: 'Equals', value: 'equals' },
							{ name: 'Greater Than', value: 'gt' },
							{ name: 'Greater Than or Equal', value: 'gteq' },
							{ name: 'Less Than', value: 'lt' },
							{ name: 'Less Than or Equal', value: 'lteq' },
							{ name: 'Starts With', value: 'startsWith' },
						],
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'Compared as text, number or date, as Makini does; "null" with Equals matches empty fields',
					},
				],
			},
		],
	};
}
