import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { jsonParse, NodeOperationError } from 'n8n-workflow';

/**
 * Parameter checks that run before any request, so a bad parameter fails fast with the field and item named
 * (and never reaches Makini as a malformed path or query).
 */
export function fail(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	problem: string,
): never {
	throw new NodeOperationError(ctx.getNode(), `${field}: ${problem} [item ${itemIndex}]`, {
		itemIndex,
		description: `Fix the "${field}" parameter of item ${itemIndex}.`,
	});
}

/** A record key, trimmed and non-empty, encoded for use as one path segment. */
export function pathKey(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const key =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (key === '') fail(ctx, itemIndex, field, 'a key is required');
	// URLs resolve "." and ".." segments (even percent-encoded), so such a key would address another endpoint.
	if (key === '.' || key === '..') fail(ctx, itemIndex, field, `"${key}" is not a record key`);
	return encodeURIComponent(key);
}

/** A whole number of at least 1 (Limit): an expression giving 0, a fraction or text must not mean "everything". */
export function positiveInteger(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) {
		fail(ctx, itemIndex, field, `"${String(value)}" is not a whole number of 1 or more`);
	}
	return number;
}

/** The key from a resource locator parameter (list, key or URL mode). */
export function locatorKey(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	field: string,
): string {
	const value = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true });
	return pathKey(ctx, itemIndex, field, value);
}

/** An ISO 8601 timestamp from a date parameter (string, Date or Luxon DateTime from an expression). */
export function isoDate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const text =
		value instanceof Date
			? value.toISOString()
			: typeof value === 'object' && value !== null && 'toISO' in value
				? String((value as { toISO: () => string }).toISO())
				: String(value ?? '').trim();
	const parsed = Date.parse(text);
	if (text === '' || Number.isNaN(parsed))
		fail(
			ctx,
			itemIndex,
			field,
			`"${text}" is not a valid date (use ISO 8601, e.g. 2026-01-31T08:00:00Z)`,
		);
	return new Date(parsed).toISOString();
}

/** A JSON parameter that may be any JSON value (object, array, text); empty = not given. */
export function jsonValue(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): unknown {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string') return value;
	try {
		return jsonParse(value);
	} catch {
		return fail(ctx, itemIndex, field, 'is not valid JSON');
	}
}

/** A JSON object parameter (raw JSON escape hatch). */
export function jsonObject(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): IDataObject {
	const parsed = jsonValue(ctx, itemIndex, field, value);
	if (parsed === undefined) return {};
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		fail(ctx, itemIndex, field, 'must be a JSON object, e.g. {"notes": "..."}');
	}
	return parsed as IDataObject;
}
