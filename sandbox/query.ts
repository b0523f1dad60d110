import { ApiError } from './errors';
import type { DataRecord, Settings } from './types';

// List queries per the contract: filter[field]=v, filter[field:op]=v, filterMatch=all|any, sort[field]=1 (desc) | 0 (asc),
// page (1-based) and per_page (default 50, larger values clamped to Settings.maxPerPage). Strict mode (the default)
// understands only these forms; see README "Strict and tolerant queries" for what each undocumented form gets.
export const DEFAULT_PER_PAGE = 50;

const OPERATORS = ['eq', 'contains', 'startsWith', 'gt', 'gteq', 'lt', 'lteq'] as const;
type Operator = (typeof OPERATORS)[number];
const ALIASES: Record<string, Operator> = { lted: 'lteq' };
const KNOWN_PARAMS = new Set(['page', 'per_page', 'filterMatch']);
const ORDERING: Operator[] = ['gt', 'gteq', 'lt', 'lteq'];

interface Filter {
	field: string; // stored field name
	op: Operator;
	value: string;
	nullMatches: boolean; // tolerant: `null` or an empty value also matches null fields
}
interface SortKey {
	field: string;
	desc: boolean;
}
export interface ListQuery {
	filters: Filter[];
	matchAny: boolean;
	sort: SortKey[];
	page: number;
	perPage: number;
}

// A trailing `[]` or `[0]` is a PHP-style list (`filter[key][0]=a&filter[key][1]=b`): n8n's HTTP client sends
// arrays that way (real n8n 1.123 uses indices), and a PHP backend reads both as one list-valued filter.
// Strict mode answers those 400: the contract documents one value per filter.
const FILTER_PARAM = /^filter\[([^\]:]+)(?::([A-Za-z]+))?\](\[\d*\])?$/;
const SORT_PARAM = /^sort\[([^\]]+)\]$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

function positiveInt(params: URLSearchParams, name: string, fallback: number): number {
	const raw = params.get(name);
	if (raw === null || raw === '') return fallback;
	if (!/^\d+$/.test(raw) || Number(raw) < 1) {
		throw new ApiError(400, `${name} must be a positive integer`, 'INVALID_REQUEST', { [name]: 'must be a positive integer' });
	}
	return Number(raw);
}

/** `fields` maps the active shape's field names to stored ones (shape.ts fieldResolver). */
export function parseListQuery(params: URLSearchParams, fields: ReadonlyMap<string, string>, settings: Settings): ListQuery {
	const { strict } = settings;
	const filters: Filter[] = [];
	const sort: SortKey[] = [];
	const bad: Record<string, string> = {};
	for (const [name, value] of params) {
		const f = FILTER_PARAM.exec(name);
		if (f) {
			const op = (ALIASES[f[2]] ?? f[2] ?? 'eq') as Operator;
			// An unencoded '+' in a time-zone offset arrives as a space; take it back.
			const text = DATE_LIKE.test(value) ? value.replace(/ (\d{2}:?\d{2})$/, '+$1') : value;
			const field = fields.get(f[1]);
			if (!field) bad[name] = `unknown filter field '${f[1]}'`;
			else if (!OPERATORS.includes(op) || (strict && f[2] === 'eq')) bad[name] = `unknown filter operator '${f[2]}'`;
			else if (strict && f[3] !== undefined) bad[name] = 'list-valued filters are not supported: one value per filter';
			else if (ORDERING.includes(op) && f[1].endsWith('At') && Number.isNaN(Date.parse(text))) bad[name] = 'must be an ISO 8601 date or date-time';
			else filters.push({ field, op, value: text, nullMatches: !strict && (value === '' || value === 'null') });
			continue;
		}
		const s = SORT_PARAM.exec(name);
		if (s) {
			const field = fields.get(s[1]);
			if (!field) bad[name] = `unknown sort field '${s[1]}'`;
			else if (value !== '0' && value !== '1') bad[name] = 'sort direction must be 1 (descending) or 0 (ascending)';
			else sort.push({ field, desc: value === '1' });
		} else if (strict && !KNOWN_PARAMS.has(name)) bad[name] = `unknown query parameter '${name}'`;
	}
	const match = params.get('filterMatch') ?? 'all';
	if (match !== 'all' && match !== 'any') bad.filterMatch = "must be 'all' or 'any'";
	if (Object.keys(bad).length) throw new ApiError(400, `Invalid list query: ${Object.values(bad).join('; ')}`, 'INVALID_REQUEST', bad);
	const page = positiveInt(params, 'page', 1);
	const perPage = Math.min(positiveInt(params, 'per_page', DEFAULT_PER_PAGE), settings.maxPerPage);
	return { filters, matchAny: match === 'any', sort, page, perPage };
}

type Predicate = (record: DataRecord) => boolean;

function ordered(op: Operator, cmp: number): boolean {
	if (op === 'gt') return cmp > 0;
	if (op === 'gteq') return cmp >= 0;
	if (op === 'lt') return cmp < 0;
	return cmp <= 0;
}

function compileFilter({ field, op, value, nullMatches }: Filter): Predicate {
	const needle = value.toLowerCase();
	const numeric = value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : undefined;
	const asDate = DATE_LIKE.test(value) && !Number.isNaN(Date.parse(value)) ? new Date(value) : undefined;
	const isoNeedle = asDate?.toISOString();
	const scalar = (v: unknown): boolean => {
		// A null field has no text to compare, so in strict mode no filter matches it.
		if (v === null || v === undefined) return op === 'eq' && nullMatches;
		if (op === 'contains') return String(v).toLowerCase().includes(needle);
		if (op === 'startsWith') return String(v).toLowerCase().startsWith(needle);
		if (op === 'eq') return String(v) === value;
		if (typeof v === 'number') return numeric !== undefined && ordered(op, v - numeric);
		if (typeof v === 'string' && isoNeedle !== undefined && DATE_LIKE.test(v)) {
			// Our own timestamps are canonical ISO strings, which order correctly as strings.
			if (ISO_UTC.test(v)) return ordered(op, v < isoNeedle ? -1 : v > isoNeedle ? 1 : 0);
			return ordered(op, Date.parse(v) - asDate!.getTime());
		}
		const s = String(v);
		return ordered(op, s < value ? -1 : s > value ? 1 : 0);
	};
	// Array fields (assetKeys, siteKeys) match when any element matches.
	return (record) => {
		const v = record[field];
		return Array.isArray(v) ? v.some(scalar) : scalar(v);
	};
}

function compareValues(a: unknown, b: unknown): number {
	if (a === b) return 0;
	// Nulls sort after every value ascending (and so first descending).
	if (a === null || a === undefined) return 1;
	if (b === null || b === undefined) return -1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	const sa = String(a);
	const sb = String(b);
	return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export function compareBy(sort: SortKey[]): (a: DataRecord, b: DataRecord) => number {
	return (a, b) => {
		for (const { field, desc } of sort) {
			const c = compareValues(a[field], b[field]);
			if (c !== 0) return desc ? -c : c;
		}
		return 0;
	};
}

export const sortSpec = (sort: SortKey[]): string => sort.map((s) => `${s.field}:${s.desc ? 1 : 0}`).join(',');

/** Cached full sorted views of a store (by sort spec), valid until its next write. */
export interface SortedViews {
	cached(spec: string): DataRecord[] | undefined;
	build(spec: string, compare: (a: DataRecord, b: DataRecord) => number): DataRecord[];
}

/**
 * Filters and sorts. Sorting is stable from key order, so ties stay ordered by key ascending. A small filtered set
 * (the usual incremental read) is sorted on its own; a large one is taken from a full sorted view built once and
 * cached until the next write, so paging through it does not sort again.
 */
export function selectRecords(records: DataRecord[], query: ListQuery, views?: SortedViews): DataRecord[] {
	const predicates = query.filters.map(compileFilter);
	const filter = (rows: DataRecord[]) =>
		!predicates.length
			? rows
			: query.matchAny
				? rows.filter((r) => predicates.some((p) => p(r)))
				: rows.filter((r) => predicates.every((p) => p(r)));
	if (!query.sort.length) return filter(records);
	const spec = sortSpec(query.sort);
	const cached = views?.cached(spec);
	if (cached) return filter(cached);
	const compare = compareBy(query.sort);
	const filtered = filter(records);
	if (!views || filtered.length < records.length / 4) return (filtered === records ? records.slice() : filtered).sort(compare);
	return filter(views.build(spec, compare));
}
