import type { ConnectionState } from '../connections';
import { ApiError, validationError } from '../errors';
import type { Ctx, Reply } from '../http';
import { ok, readBody } from '../http';
import { rawTables } from '../raw';
import type { DataRecord } from '../types';
import { listReply } from './eam';

// Connection-token endpoints beyond the data API: raw tables of the source system and the passthrough to its API.
// SQL the source system cannot run is a 422 on `sql` (nothing was done, so a client knows the outcome).

export function handleRaw(ctx: Ctx, conn: ConnectionState, rest: string): Reply {
	if (ctx.req.method !== 'GET') throw new ApiError(405, `${ctx.req.method} is not supported on /api/raw/${rest}`, 'METHOD_NOT_ALLOWED');
	const segments = rest.split('/').filter(Boolean);
	const tables = rawTables(conn);
	if (segments.length === 1 && segments[0] === 'tables') {
		return ok({ data: tables.map((t) => ({ name: t.name })) });
	}
	if (segments.length === 3 && segments[0] === 'tables' && segments[2] === 'data') {
		let name: string;
		try {
			name = decodeURIComponent(segments[1]);
		} catch {
			throw new ApiError(400, 'Malformed percent-encoding in the path', 'INVALID_REQUEST');
		}
		const table = tables.find((t) => t.name === name);
		if (!table) throw new ApiError(404, `No raw table '${name}'`);
		// Raw rows are served as the source system has them (no record shape); filter/sort on their columns.
		return listReply(ctx, table.rows as DataRecord[], `/api/raw/tables/${encodeURIComponent(name)}/data`, table.columns, 'key');
	}
	throw new ApiError(404, `No such endpoint: GET /api/raw/${rest}`);
}

const METHODS = ['get', 'post', 'put', 'delete'];

/** `SELECT cols FROM table [WHERE col op value [AND …]] [ORDER BY col [ASC|DESC]] [LIMIT n]`, values `?`, `:name` or literals. */
const SELECT =
	/^\s*select\s+(.+?)\s+from\s+([A-Za-z_][A-Za-z0-9_]*)(?:\s+where\s+(.+?))?(?:\s+order\s+by\s+([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?)?(?:\s+limit\s+(\d+))?\s*;?\s*$/i;
const CONDITION = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=|!=|<>|<=|>=|<|>|like)\s*(\?|:[A-Za-z_][A-Za-z0-9_]*|'(?:[^']|'')*'|-?\d+(?:\.\d+)?)\s*$/i;

function runSql(conn: ConnectionState, sql: string, parameters: unknown): Array<Record<string, unknown>> {
	const match = SELECT.exec(sql);
	if (!match) throw validationError({ sql: 'The source system rejected the SQL: only SELECT … FROM <raw table> [WHERE …] [ORDER BY …] [LIMIT n] is supported' });
	const [, columnList, tableName, where, orderBy, direction, limit] = match;
	const table = rawTables(conn).find((t) => t.name === tableName);
	if (!table) throw validationError({ sql: `The source system has no table '${tableName}'` });
	const known = (column: string) => {
		if (!table.columns.includes(column)) throw validationError({ sql: `The source system has no column '${column}' in '${tableName}'` });
		return column;
	};
	const columns = columnList.trim() === '*' ? table.columns : columnList.split(',').map((c) => known(c.trim()));
	let positional = 0;
	const value = (token: string): unknown => {
		if (token === '?') {
			if (!Array.isArray(parameters) || positional >= parameters.length) throw validationError({ parameters: 'must list a value for every ?' });
			return parameters[positional++];
		}
		if (token.startsWith(':')) {
			const params = (parameters ?? {}) as Record<string, unknown>;
			if (typeof params !== 'object' || Array.isArray(params) || !(token.slice(1) in params)) throw validationError({ parameters: `must have a value for ${token}` });
			return params[token.slice(1)];
		}
		if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
		return Number(token);
	};
	const predicates = (where ? where.split(/\s+and\s+/i) : []).map((part) => {
		const c = CONDITION.exec(part);
		if (!c) throw validationError({ sql: `The source system could not parse the condition '${part.trim()}'` });
		const column = known(c[1]);
		const op = c[2].toLowerCase();
		const expected = value(c[3]);
		return (row: Record<string, unknown>) => {
			const actual = row[column];
			if (op === 'like') return new RegExp(`^${String(expected).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 'i').test(String(actual ?? ''));
			const a = typeof actual === 'number' ? actual : String(actual);
			const b = typeof actual === 'number' ? Number(expected) : String(expected);
			switch (op) {
				case '=':
					return a === b;
				case '!=':
				case '<>':
					return a !== b;
				case '<':
					return a < b;
				case '<=':
					return a <= b;
				case '>':
					return a > b;
				default:
					return a >= b;
			}
		};
	});
	let rows = table.rows.filter((row) => predicates.every((p) => p(row)));
	if (orderBy) {
		const column = known(orderBy);
		const sign = direction?.toLowerCase() === 'desc' ? -1 : 1;
		rows = rows.slice().sort((x, y) => ((x[column] as number | string) < (y[column] as number | string) ? -sign : (x[column] as number | string) > (y[column] as number | string) ? sign : 0));
	}
	if (limit !== undefined) rows = rows.slice(0, Number(limit));
	return rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c]])));
}

/**
 * POST /api/passthrough. `sql` runs against the raw tables (answer: the rows). Otherwise the request goes to the
 * source system's API, which the sandbox plays: `GET tables/<name>` answers that table's rows (query values filter
 * by column); anything else is echoed back as the source system received it.
 */
export async function handlePassthrough(ctx: Ctx, conn: ConnectionState): Promise<Reply> {
	if (ctx.req.method !== 'POST') throw new ApiError(405, `${ctx.req.method} is not supported on /api/passthrough`, 'METHOD_NOT_ALLOWED');
	const text = await readBody(ctx.req);
	let body: Record<string, unknown>;
	try {
		body = text.trim() === '' ? {} : JSON.parse(text);
	} catch {
		throw new ApiError(400, 'Request body is not valid JSON', 'INVALID_REQUEST');
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'Request body must be a JSON object', 'INVALID_REQUEST');
	const known = new Set(['path', 'method', 'headers', 'query', 'base64encoded', 'body', 'sql', 'parameters']);
	const unknown = Object.keys(body).filter((k) => !known.has(k));
	if (unknown.length) throw validationError(Object.fromEntries(unknown.map((k) => [k, 'is not a passthrough field'])));
	if (body.sql !== undefined && body.sql !== null) {
		if (typeof body.sql !== 'string' || body.sql.trim() === '') throw validationError({ sql: 'must be a non-empty string' });
		return ok({ data: runSql(conn, body.sql, body.parameters) });
	}
	const problems: Record<string, string> = {};
	const method = typeof body.method === 'string' ? body.method.toLowerCase() : undefined;
	if (!method || !METHODS.includes(method)) problems.method = `must be one of ${METHODS.join(', ')} (or send sql)`;
	if (typeof body.path !== 'string' || body.path.trim() === '') problems.path = 'is required without sql';
	for (const field of ['headers', 'query'] as const) {
		const v = body[field];
		if (v !== undefined && v !== null && (typeof v !== 'object' || Array.isArray(v))) problems[field] = 'must be an object';
	}
	if (body.base64encoded !== undefined && body.base64encoded !== null && typeof body.base64encoded !== 'boolean') problems.base64encoded = 'must be true or false';
	let upstreamBody = body.body ?? null;
	if (body.base64encoded === true && !problems.base64encoded) {
		if (typeof upstreamBody !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(upstreamBody)) problems.body = 'must be a base64 string when base64encoded is true';
		else upstreamBody = Buffer.from(upstreamBody, 'base64').toString('utf8');
	}
	if (Object.keys(problems).length) throw validationError(problems);
	const path = (body.path as string).replace(/^\/+/, '');
	const query = (body.query ?? {}) as Record<string, unknown>;
	const tableMatch = /^tables\/([^/]+)$/.exec(path);
	if (tableMatch && method === 'get') {
		const table = rawTables(conn).find((t) => t.name === tableMatch[1]);
		if (!table) throw new ApiError(502, `The source system answered 404 for GET ${path}`, 'UPSTREAM_ERROR');
		return ok({ data: table.rows.filter((row) => Object.entries(query).every(([k, v]) => String(row[k]) === String(v))) });
	}
	return ok({ data: { method, path, query, headers: body.headers ?? {}, body: upstreamBody } });
}
