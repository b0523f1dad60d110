import type { IDataObject } from 'n8n-workflow';

import { namesOf } from './recordShape';

/** Identity and display fields every simplified record keeps, whichever record shape Makini sends. */
const ALWAYS = ['key', 'id', '_idValue', '_displayValue'];

/** Keeps the fields people use (`fields`, published names; their v4 names too). */
export function simplifyRecord(record: IDataObject, fields: string[]): IDataObject {
	const result: IDataObject = {};
	for (const field of [...ALWAYS, ...fields.flatMap(namesOf)]) {
		if (record[field] !== undefined) result[field] = record[field];
	}
	return result;
}
