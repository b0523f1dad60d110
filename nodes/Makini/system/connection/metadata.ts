import type { IDataObject } from 'n8n-workflow';

/** `user_metadata` is published as a string; when it holds a JSON object, it is also given parsed as `metadata`. */
export function withParsedMetadata(record: IDataObject): IDataObject {
	const text = record.user_metadata;
	if (typeof text !== 'string' || text.trim() === '') return record;
	try {
		const parsed = JSON.parse(text) as unknown;
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
			? { ...record, metadata: parsed as IDataObject }
			: record;
	} catch {
		return record;
	}
}
