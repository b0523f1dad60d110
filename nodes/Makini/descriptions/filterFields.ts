import type { INodeProperties } from 'n8n-workflow';

/**
 * Makini node resource → the EAM list path its Get Many (and Asset → Get Snapshot) reads, for the field pickers.
 * Checked by test/nodes/fieldPicker.test.ts against the paths the operations really request.
 */
export const listEntities: Record<string, string> = {
	account: 'accounts',
	asset: 'assets',
	assetDowntime: 'assets-downtime',
	assetTemplate: 'asset-templates',
	company: 'companies',
	customer: 'customers',
	document: 'documents',
	inventory: 'inventories',
	labor: 'labors',
	location: 'locations',
	material: 'materials',
	meter: 'meters',
	meterReading: 'meter-readings',
	organization: 'organizations',
	preventiveMaintenance: 'pm',
	purchaseOrder: 'purchase-orders',
	purchaseOrderLineItem: 'purchase-orders.line-items',
	returnOrder: 'return-orders',
	serviceRequest: 'service-requests',
	site: 'sites',
	stock: 'stocks',
	storeroom: 'storerooms',
	team: 'teams',
	unitOfMeasure: 'uom',
	user: 'users',
	vendor: 'vendors',
	workOrder: 'work-orders',
};

/** The record-shape fields of Makini's newer ("v4") docs (CONTRACT.md), offered after the published ones. */
export const recordShapeFields = [
	'id',
	'_idValue',
	'_displayValue',
	'_createdAt',
	'_updatedAt',
	'_deletedAt',
];

/**
 * The Field of a Filters row or Sort rule: a picker of the record's published fields (loadOptions
 * getFilterFields, by the node's `resource`), or free text where the fields are not known (raw tables, work
 * order material lines). Either way the value is the field name, so saved workflows keep working.
 */
export function fieldProperty(
	picker: boolean,
	config: { default: string; description: string; placeholder?: string },
): INodeProperties {
	const field: INodeProperties = picker
		? {
				displayName: 'Field Name or ID',
				name: 'field',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getFilterFields', loadOptionsDependsOn: ['resource'] },
				default: '',
				description: `${config.description}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
			}
		: {
				displayName: 'Field',
				name: 'field',
				type: 'string',
				default: '',
				...(config.placeholder ? { placeholder: config.placeholder } : {}),
				description: config.description,
			};
	return { ...field, default: config.default };
}

/**
 * The Filters collection of field / operator / value rows, shared by Get Many and the Makini Polling Trigger.
 * The row's name differs between them ('conditions' / 'filter') and must stay so: saved workflows store it.
 * `picker: false` keeps Field as free text (records without a published schema).
 */
export function filtersProperty(
	row: { name: string; displayName: string },
	extra: Pick<INodeProperties, 'placeholder' | 'description' | 'displayOptions'>,
	picker = true,
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
					fieldProperty(picker, {
						default: '',
						placeholder: 'e.g. categoryName',
						description: 'Record field in camelCase, as it appears in the output',
					}),
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
