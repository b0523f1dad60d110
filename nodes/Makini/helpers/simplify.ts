import type { IDataObject } from 'n8n-workflow';

import { namesOf } from './recordShape';

/** Identity and display fields every simplified record keeps, whichever record shape Makini sends. */
const ALWAYS = ['key', 'id', '_idValue', '_displayValue'];

/**
 * Keeps the fields people use (`fields`, published names; their v4 names too). The list of names is worked out
 * once, not once per record.
 */
export function simplifier(fields: string[]): (record: IDataObject) => IDataObject {
	const names = [...ALWAYS, ...fields.flatMap(namesOf)];
	return (record) => {
		const result: IDataObject = {};
		for (const field of names) {
			if (record[field] !== undefined) result[field] = record[field];
		}
		return result;
	};
}

export function simplifyRecord(record: IDataObject, fields: string[]): IDataObject {
	return simplifier(fields)(record);
}
