import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fieldIn, type RecordShape } from './recordShape';
import { fail, isoDate } from './validation';

/** The contract's filter operators; `equals` is the bare `filter[field]` form. */
export const OPERATORS = ['equals', 'contains', 'startsWith', 'gt', 'gteq', 'lt', 'lteq'] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Condition {
	field: string;
	operator: Operator;
	value: string;
}

// Field names are short identifiers; a length cap keeps a runaway expression from becoming a huge URL.
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_.]{0,99}$/;

/** The rejected name as shown in an error: cut short, since it may be anything an expression produced. */
const shown = (field: string) => (field.length > 40 ? `${field.slice(0, 40)}…` : field);

export function filterParam(condition: Condition): string {
	return condition.operator === 'equals'
		? `filter[${condition.field}]`
		: `filter[${condition.field}:${condition.operator}]`;
}

function compare(actual: unknown, expected: string): number {
	const a = typeof actual === 'number' ? actual : String(actual);
	const b = typeof actual === 'number' ? Number(expected) : expected;
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Client-side twin of Makini's filter semantics, for the few conditions that cannot go to the server. */
export function matches(record: IDataObject, condition: Condition): boolean {
	const actual = record[condition.field];
	// The contract gives `null` no meaning: an empty field has no text, so no condition matches it.
	if (actual === null || actual === undefined || actual === '') return false;
	const text = String(actual).toLowerCase();
	switch (condition.operator) {
		case 'equals':
			return String(actual) === condition.value;
		case 'contains':
			return text.includes(condition.value.toLowerCase());
		case 'startsWith':
			return text.startsWith(condition.value.toLowerCase());
		case 'gt':
			return compare(actual, condition.value) > 0;
		case 'gteq':
			return compare(actual, condition.value) >= 0;
		case 'lt':
			return compare(actual, condition.value) < 0;
		default:
			return compare(actual, condition.value) <= 0;
	}
}

/**
 * Filter rows as entered (field, operator, value) → validated conditions; `reject` reports a bad row by its
 * label ("Filters › Field 2") and the problem. `skipBlank` drops rows whose field is empty instead.
 */
export function conditionsFrom(
	rows: IDataObject[],
	reject: (field: string, problem: string) => never,
	{ skipBlank = false } = {},
): Condition[] {
	const conditions: Condition[] = [];
	rows.forEach((entry, position) => {
		const field = String(entry.field ?? '').trim();
		const operator = String(entry.operator ?? 'equals') as Operator;
		if (skipBlank && field === '') return;
		if (!FIELD_NAME.test(field))
			reject(`Filters › Field ${position + 1}`, `"${shown(field)}" is not a field name`);
		if (!OPERATORS.includes(operator)) {
			reject(
				`Filters › Operator ${position + 1}`,
				`unknown operator "${operator}" (use one of ${OPERATORS.join(', ')})`,
			);
		}
		conditions.push({ field, operator, value: String(entry.value ?? '') });
	});
	return conditions;
}

/** Conditions → `filter[<field>]` / `filter[<field>:<op>]` query parameters. */
export function filterQuery(conditions: Condition[]): IDataObject {
	const qs: IDataObject = {};
	for (const condition of conditions) qs[filterParam(condition)] = condition.value;
	return qs;
}

/** The user's Filters collection, validated. */
function userConditions(ctx: IExecuteFunctions, itemIndex: number): Condition[] {
	const raw = ctx.getNodeParameter('filters.conditions', itemIndex, []) as IDataObject[];
	return conditionsFrom(raw, (field, problem) => fail(ctx, itemIndex, field, problem));
}

/** Sort rules → `sort[field]=1` (descending) or `=0` (ascending). */
export function sortQuery(
	ctx: IExecuteFunctions,
	itemIndex: number,
	shape: RecordShape = 'key',
): IDataObject {
	const rules = ctx.getNodeParameter('sort.rules', itemIndex, []) as IDataObject[];
	const qs: IDataObject = {};
	rules.forEach((rule, position) => {
		const field = String(rule.field ?? '').trim();
		if (!FIELD_NAME.test(field))
			fail(ctx, itemIndex, `Sort › Field ${position + 1}`, `"${shown(field)}" is not a field name`);
		qs[`sort[${fieldIn(shape, field)}]`] = rule.direction === 'desc' ? 1 : 0;
	});
	return qs;
}

export interface ListQuery {
	qs: IDataObject;
	/** Conditions the server could not combine with the user's "any" filters; applied to the records. */
	local: Condition[];
}

/**
 * The query of a Get Many: the operation's own conditions (asset, window, open only...), the user's Filters,
 * Updated Since and Sort. With "match any", the operation's own conditions are still required of every record,
 * so they are checked here instead of being OR-ed on the server.
 */
export function listQuery(
	ctx: IExecuteFunctions,
	itemIndex: number,
	ownConditions: Condition[] = [],
	shape: RecordShape = 'key',
): ListQuery {
	// Published names (`updatedAt`) become the served shape's (`_updatedAt` in v4), which has no other.
	const named = (c: Condition) => ({ ...c, field: fieldIn(shape, c.field) });
	const own = ownConditions.map(named);
	const user = userConditions(ctx, itemIndex).map(named);
	const updatedField = fieldIn(shape, 'updatedAt');
	const matchAny =
		ctx.getNodeParameter('filterMatch', itemIndex, 'all') === 'any' && user.length > 1;
	const updatedSince = ctx.getNodeParameter('updatedSince', itemIndex, '') as string;
	if (updatedSince)
		own.push({
			field: updatedField,
			operator: 'gt',
			value: isoDate(ctx, itemIndex, 'Updated Since', updatedSince),
		});

	const sent = matchAny ? user : [...own, ...user];
	// One query parameter per field and operator: a second condition on both would replace the first.
	const params = new Set<string>();
	const repeated = sent.filter((c) => params.size === params.add(filterParam(c)).size);
	if (matchAny && repeated.length)
		fail(
			ctx,
			itemIndex,
			'Filters',
			`two "any" conditions on ${filterParam(repeated[0])} cannot be sent in one request; use one Get Many per value, or "contains"/"startsWith" on a common part`,
		);
	const local = matchAny ? own : repeated;
	const qs = filterQuery(sent.filter((c) => !repeated.includes(c)));
	if (matchAny) qs.filterMatch = 'any';
	Object.assign(qs, sortQuery(ctx, itemIndex, shape));
	// Incremental reads walk forward in time (contract), unless the user chose an order.
	if (updatedSince && !Object.keys(qs).some((k) => k.startsWith('sort[')))
		qs[`sort[${updatedField}]`] = 0;
	return { qs, local };
}
