import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../descriptions/listFields';
import { transportOptions } from '../../descriptions/options';
import { positiveInteger } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRequest } from '../../transport/request';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['rawTable'], operation: ['getAll'] } },
	[...returnAllAndLimit, transportOptions('read')],
);

/** GET /api/raw/tables: the source system's tables, one item each (a bare table name becomes `{ name }`). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: ListOptions,
): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll
		? 0
		: positiveInteger(this, itemIndex, 'Limit', this.getNodeParameter('limit', itemIndex, 50));
	const answer = await makiniApiRequest.call(
		this,
		{ method: 'GET', path: '/api/raw/tables', itemIndex },
		transport,
	);
	const data = answer.data ?? answer;
	const list = Array.isArray(data)
		? data
		: Object.entries(data as IDataObject).map(([name, value]) =>
				value && typeof value === 'object' ? { name, ...(value as IDataObject) } : { name },
			);
	const tables = list.map((t) =>
		t && typeof t === 'object' ? (t as IDataObject) : { name: t as string },
	);
	return limit ? tables.slice(0, limit) : tables;
}
