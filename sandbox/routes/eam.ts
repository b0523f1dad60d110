import type { ConnectionState } from '../connections';
import { ApiError, validationError } from '../errors';
import type { Ctx, Reply } from '../http';
import { ok, readJsonObject } from '../http';
import { parseListQuery, selectRecords } from '../query';
import type { EntityDef } from '../schema';
import type { EntityStore } from '../store';
import { ENTITY_BY_PATH, FOREIGN_KEYS } from '../schema';
import type { DataRecord } from '../types';

// The data API: /api/eam/<entity>[/<key>[/materials|/status]] for one connection.
export type Notify = (connection: ConnectionState, event: string, keys: string[]) => void;

const knownFieldsCache = new Map<string, Set<string>>();
function knownFields(def: EntityDef): Set<string> {
	let fields = knownFieldsCache.get(def.path);
	if (!fields) {
		fields = new Set([...def.fields, ...Object.keys(def.write?.fields ?? {})]);
		knownFieldsCache.set(def.path, fields);
	}
	return fields;
}

export function listReply(ctx: Ctx, records: DataRecord[], path: string, knownFieldSet: ReadonlySet<string>, store?: EntityStore): Reply {
	const query = parseListQuery(ctx.url.searchParams, knownFieldSet);
	const selected = selectRecords(records, query, store?.views);
	const total = selected.length;
	const lastPage = Math.max(1, Math.ceil(total / query.perPage));
	const start = (query.page - 1) * query.perPage;
	const data = selected.slice(start, start + query.perPage);
	const pathUrl = `${ctx.baseUrl}${path}`;
	const pageUrl = (page: number) => {
		const params = new URLSearchParams(ctx.url.searchParams);
		params.set('page', String(page));
		return `${pathUrl}?${params.toString()}`;
	};
	return ok({
		data,
		links: {
			first: pageUrl(1),
			last: pageUrl(lastPage),
			prev: query.page > 1 ? pageUrl(Math.min(query.page - 1, lastPage)) : null,
			next: query.page < lastPage ? pageUrl(query.page + 1) : null,
		},
		meta: {
			current_page: query.page,
			from: data.length ? start + 1 : null,
			last_page: lastPage,
			path: pathUrl,
			per_page: query.perPage,
			to: data.length ? start + data.length : null,
			total,
		},
	});
}

function resolveRoute(rest: string): { def: EntityDef; key?: string; sub?: string } {
	let segments: string[];
	try {
		segments = rest.split('/').filter(Boolean).map(decodeURIComponent);
	} catch {
		throw new ApiError(400, 'Malformed percent-encoding in the path', 'INVALID_REQUEST');
	}
	const entityLength = segments[0] === 'statuses' ? 2 : 1;
	const def = ENTITY_BY_PATH.get(segments.slice(0, entityLength).join('/'));
	if (!def || segments.length > entityLength + 2) throw new ApiError(404, `No such endpoint: /api/eam/${rest}`);
	return { def, key: segments[entityLength], sub: segments[entityLength + 1] };
}

const methodNotAllowed = (method: string, path: string) => new ApiError(405, `${method} is not supported on ${path}`, 'METHOD_NOT_ALLOWED');

export async function handleEam(ctx: Ctx, conn: ConnectionState, rest: string, notify: Notify): Promise<Reply> {
	const { def, key, sub } = resolveRoute(rest);
	const store = conn.stores[def.path];
	const method = ctx.req.method ?? 'GET';
	const path = `/api/eam/${def.path}`;
	if (key === undefined) {
		if (method === 'GET') return listReply(ctx, store.records, path, knownFields(def), store);
		if (method === 'POST' && def.write) return create(ctx, conn, def, notify);
		throw methodNotAllowed(method, path);
	}
	const record = store.get(key);
	if (!record) throw new ApiError(404, `No ${def.path} record with key '${key}'`);
	if (sub === undefined) {
		if (method === 'GET') return ok({ data: record });
		if (method === 'PUT' && def.write?.update) return update(ctx, conn, def, record, notify);
		throw methodNotAllowed(method, `${path}/{key}`);
	}
	if (sub === 'materials' && (def.path === 'assets' || def.path === 'work-orders') && method === 'GET') {
		return listReply(ctx, [], `${path}/${key}/materials`, MATERIAL_ITEM_FIELDS);
	}
	if (sub === 'status' && def.path === 'work-orders') {
		if (method !== 'PUT') throw methodNotAllowed(method, `${path}/{key}/status`);
		return setStatus(ctx, conn, record, notify);
	}
	throw new ApiError(404, `No such endpoint: ${path}/{key}/${sub}`);
}

const MATERIAL_ITEM_FIELDS = new Set(['key', 'materialKey', 'assetKey', 'workOrderKey', 'partNumber', 'name', 'quantity', 'createdAt', 'updatedAt']);

function checkWrite(conn: ConnectionState, def: EntityDef, body: Record<string, unknown>, creating: boolean, selfKey?: string): void {
	const spec = def.write!;
	const fields: Record<string, string> = {};
	for (const [field, value] of Object.entries(body)) {
		const type = spec.fields[field];
		if (!type) {
			fields[field] = 'is not a writable field';
			continue;
		}
		if (value === null) continue;
		const actual = Array.isArray(value) ? 'array' : typeof value;
		if (actual !== type) {
			fields[field] = `must be of type ${type}`;
			continue;
		}
		if (type === 'string' && field.endsWith('At') && value !== '' && Number.isNaN(Date.parse(value as string))) {
			fields[field] = 'must be an ISO 8601 date-time';
			continue;
		}
		const target = field === 'parentKey' ? def.path : field === 'statusKey' ? `statuses/${def.path}` : FOREIGN_KEYS[field];
		if (target && typeof value === 'string' && value !== '' && !conn.stores[target]?.get(value)) {
			fields[field] = field === 'statusKey' ? `unknown status key '${value}'` : `no ${target} record with key '${value}'`;
		} else if (field === 'parentKey' && value === selfKey) {
			fields[field] = 'a record cannot be its own parent';
		}
	}
	for (const field of spec.requiredOnCreate) {
		const value = body[field];
		const missing = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
		if (missing && (creating || field in body)) fields[field] = creating ? 'is required' : 'cannot be empty';
	}
	if (Object.keys(fields).length) throw validationError(fields);
}

/** Work orders carry the status name beside the key; it follows the key. */
function withStatusName(conn: ConnectionState, def: EntityDef, values: Record<string, unknown>): Record<string, unknown> {
	if (def.path !== 'work-orders' || typeof values.statusKey !== 'string') return values;
	const status = conn.stores['statuses/work-orders'].get(values.statusKey);
	const completed = status?.code === 'COMP' || status?.code === 'CLOSE';
	return { ...values, status: status?.name ?? null, ...(completed && !values.completedAt ? { completedAt: values.updatedAt } : {}) };
}

const stripNulls = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null));

async function create(ctx: Ctx, conn: ConnectionState, def: EntityDef, notify: Notify): Promise<Reply> {
	const body = await readJsonObject(ctx.req);
	checkWrite(conn, def, body, true);
	const now = new Date().toISOString();
	const statuses = conn.stores[`statuses/${def.path}`];
	const defaultStatus = statuses && body.statusKey == null ? { statusKey: statuses.records[0]?.key ?? null } : {};
	// Work orders and service requests raised against an asset inherit its site and location unless given.
	const asset = typeof body.assetKey === 'string' && def.path !== 'assets' ? conn.stores.assets.get(body.assetKey) : undefined;
	const placement = asset ? { siteKey: asset.siteKey, locationKey: asset.locationKey } : {};
	const values = withStatusName(conn, def, { ...placement, ...stripNulls(body), ...defaultStatus, createdAt: now, updatedAt: now });
	if (def.path === 'work-orders') Object.assign(values, { tasks: body.tasks ?? [], documents: body.documents ?? [], resources: [], materialCount: '0' });
	const record = conn.stores[def.path].add({ ...values, key: undefined });
	notify(conn, `${def.path}.inserted`, [record.key]);
	return ok({ data: record });
}

async function update(ctx: Ctx, conn: ConnectionState, def: EntityDef, record: DataRecord, notify: Notify): Promise<Reply> {
	const body = await readJsonObject(ctx.req);
	checkWrite(conn, def, body, false, record.key);
	const values = withStatusName(conn, def, { ...body, updatedAt: new Date().toISOString() });
	conn.stores[def.path].patch(record.key, values);
	notify(conn, `${def.path}.updated`, [record.key]);
	return ok({ data: record });
}

async function setStatus(ctx: Ctx, conn: ConnectionState, record: DataRecord, notify: Notify): Promise<Reply> {
	const body = await readJsonObject(ctx.req);
	const statusKey = body.statusKey;
	if (typeof statusKey !== 'string' || statusKey === '') throw validationError({ statusKey: 'is required and must be a string' });
	if (!conn.stores['statuses/work-orders'].get(statusKey)) throw validationError({ statusKey: `unknown status key '${statusKey}'` });
	const def = ENTITY_BY_PATH.get('work-orders')!;
	conn.stores['work-orders'].patch(record.key, withStatusName(conn, def, { statusKey, updatedAt: new Date().toISOString() }));
	notify(conn, 'work-orders.updated', [record.key]);
	return ok({ data: record });
}
