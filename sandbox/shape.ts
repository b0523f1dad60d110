// Record shapes. Records are stored in the published `key` shape; the v4 shape (Makini's newer docs: `id`, `_idValue`,
// `_displayValue`, `_createdAt`, `_updatedAt`, `_deletedAt`) is a view applied to what is served, and its field names
// are mapped back to stored ones for filters and sort.
import type { JsonSchema } from './contract';
import type { DataRecord } from './types';

export type RecordShape = 'key' | 'v4';

const V4_NAMES: Record<string, string> = { key: 'id', createdAt: '_createdAt', updatedAt: '_updatedAt', deletedAt: '_deletedAt' };

/** The stored field that `_displayValue` shows: the record's name or title, else its key. */
export const displayField = (fields: readonly string[]): string => fields.find((f) => f === 'name' || f === 'title') ?? 'key';

/** Field names of the active shape → stored field, for filters and sort. */
export function fieldResolver(shape: RecordShape, fields: readonly string[]): Map<string, string> {
	if (shape === 'key') return new Map(fields.map((f) => [f, f]));
	const map = new Map(fields.map((f) => [V4_NAMES[f] ?? f, f]));
	map.set('_idValue', 'key');
	map.set('_displayValue', displayField(fields));
	return map;
}

/** A stored record as the active shape serves it (v4: identity fields first, stamps renamed, published order kept). */
export function present(record: DataRecord, shape: RecordShape, fields: readonly string[]): Record<string, unknown> {
	if (shape === 'key') return record;
	const out: Record<string, unknown> = { id: record.key, _idValue: record.key, _displayValue: String(record[displayField(fields)] ?? record.key) };
	for (const field of fields) if (field !== 'key') out[V4_NAMES[field] ?? field] = record[field];
	return out;
}

/**
 * The v4 schema of a record, derived from its published (key-shaped) schema the same way `present` derives the record:
 * `key` → `id` (same type), `createdAt`/`updatedAt`/`deletedAt` → `_createdAt`/`_updatedAt`/`_deletedAt`, plus
 * `_idValue` and `_displayValue` (strings); every other property unchanged. The published files define no v4 schema.
 */
export function v4Schema(schema: JsonSchema): JsonSchema {
	const properties: JsonSchema = { id: schema.properties.key, _idValue: { type: 'string' }, _displayValue: { type: 'string' } };
	for (const [field, prop] of Object.entries(schema.properties)) if (field !== 'key') properties[V4_NAMES[field] ?? field] = prop;
	return { ...schema, properties };
}
