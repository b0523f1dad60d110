import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listFields } from '../../descriptions/listFields';
import { listQuery } from '../../helpers/filters';
import { fail, positiveInteger } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRequestAllItems } from '../../transport';

// Return All / Limit, Filters, Match and Sort as on every Get Many; raw rows have no updatedAt to read since.
const fields = listFields({ picker: false }).filter((field) => field.name !== 'updatedSince');

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['rawTable'], operation: ['getRows'] } },
	[
		{
			displayName: 'Table',
			name: 'table',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. ccn_points',
			description: 'Name of the raw table (Raw Table → Get Many lists them)',
		},
		...fields,
	],
);

/** GET /api/raw/tables/{table}/data, paged by the transport; filters and sort on the table's own columns. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: ListOptions,
): Promise<IDataObject[]> {
	const table = String(this.getNodeParameter('table', itemIndex, '')).trim();
	if (table === '' || table === '.' || table === '..')
		fail(this, itemIndex, 'Table', `"${table}" is not a table name`);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll
		? 0
		: positiveInteger(this, itemIndex, 'Limit', this.getNodeParameter('limit', itemIndex, 50));
	const { qs } = listQuery(this, itemIndex);
	return await makiniApiRequestAllItems.call(
		this,
		`/api/raw/tables/${encodeURIComponent(table)}/data`,
		qs,
		{ ...transport, limit, itemIndex },
	);
}
