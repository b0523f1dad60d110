import type { ConnectionState } from '../connections';
import { componentSchema, isPublishedPath, operation, requestSchema } from '../contract';
import { ApiError, validationError } from '../errors';
import type { Ctx, Reply } from '../http';
import { ok, readJsonObject } from '../http';
import { parseListQuery, selectRecords } from '../query';
import type { EntityDef } from '../schema';
import { ENTITY_BY_PATH, FOREIGN_KEYS, MATERIAL_ITEMS } from '../schema';
import { fieldResolver, present } from '../shape';
import type { RecordShape } from '../shape';
import type { EntityStore } from '../store';
import { linkWorkOrderDocuments, uploadDocument } from '../files';
import type { DataRecord } from '../types';
import { requestProblems } from '../validator';

// The data API: /api/eam/<entity>[/<key>[/materials|/status]] for one connection. Only published operations answer.
export type Notify = (connection: ConnectionState, event: string, keys: string[]) => void;

export function listReply(ctx: Ctx, records: DataRecord[], path: string, fields: readonly string[], shape: RecordShape, store?: EntityStore): Reply {
	const query = parseListQuery(ctx.url.searchParams, fieldResolver(shape, fields), ctx.settings);
	const selected = selectRecords(records, query, store?.views);
	const total = selected.length;
	const lastPage = Math.max(1, Math.ceil(total / query.perPage));
	const start = (query.page - 1) * query.perPage;
	const data = selected.slice(start, start + query.perPage).map((r) => present(r, shape, fields));
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

const one = (ctx: Ctx, def: EntityDef, record: DataRecord): Reply => ok({ data: present(record, ctx.settings.recordShape, def.fields) });

function resolveRoute(rest: string): { def: EntityDef; key?: string; sub?: string; subKey?: string } {
	let segments: string[];
	try {
		segments = rest.split('/').filter(Boolean).map(decodeURIComponent);
	} catch {
		throw new ApiError(400, 'Malformed percent-encoding in the path', 'INVALID_REQUEST');
	}
	const entityLength = segments[0] === 'statuses' ? 2 : 1;
	const def = ENTITY_BY_PATH.get(segments.slice(0, entityLength).join('/'));
	if (!def || segments.length > entityLength + 3) throw new ApiError(404, `No such endpoint: /api/eam/${rest}`);
	return { def, key: segments[entityLength], sub: segments[entityLength + 1], subKey: segments[entityLength + 2] };
}

const methodNotAllowed = (method: string, path: string) => new ApiError(405, `${method} is not supported on ${path}`, 'METHOD_NOT_ALLOWED');

export async function handleEam(ctx: Ctx, conn: ConnectionState, rest: string, notify: Notify): Promise<Reply> {
	const method = ctx.req.method ?? 'GET';
	const full = `/api/eam/${rest.replace(/\/+$/, '')}`;
	if (!operation(method, full)) {
		if (isPublishedPath(full)) throw methodNotAllowed(method, full);
		throw new ApiError(404, `No such endpoint: ${method} ${full}`);
	}
	const { def, key, sub, subKey } = resolveRoute(rest);
	const store = conn.stores[def.path];
	const path = `/api/eam/${def.path}`;
	// Published beside work-orders/{key}: the work orders' custom fields, and the material lines of every work order.
	if (def.path === 'work-orders' && sub === undefined && method === 'GET') {
		if (key === 'custom-fields') return listReply(ctx, WORK_ORDER_CUSTOM_FIELDS, `${path}/custom-fields`, ['name'], 'key');
		if (key === 'materials') return listReply(ctx, lines(conn, 'workOrderKey'), `${path}/materials`, MATERIAL_ITEM_FIELDS, ctx.settings.recordShape, undefined);
	}
	if (key === undefined) {
		if (method === 'GET') return listReply(ctx, store.records, path, def.fields, ctx.settings.recordShape, store);
		if (def.path === 'documents') return uploadDocument(ctx, conn, (event, keys) => notify(conn, event, keys));
		return create(ctx, conn, def, notify);
	}
	const record = store.get(key);
	if (!record) throw new ApiError(404, `No ${def.path} record with key '${key}'`);
	if (sub === undefined) {
		if (method === 'GET') return one(ctx, def, record);
		return update(ctx, conn, def, record, notify);
	}
	const subPath = `${path}/${key}/${sub}`;
	if (sub === 'materials' && def.path === 'work-orders' && method !== 'GET') return writeWorkOrderMaterial(ctx, conn, record, subKey, notify);
	if (sub === 'materials' && method === 'GET') {
		const owner = MATERIAL_OWNERS[def.path];
		return listReply(ctx, owner ? lines(conn, owner, key) : [], subPath, MATERIAL_ITEM_FIELDS, ctx.settings.recordShape);
	}
	if (sub === 'children' && def.path === 'materials') {
		const children = store.records.filter((m) => (m.parentKeys as string[] | null)?.includes(key));
		return listReply(ctx, children, subPath, def.fields, ctx.settings.recordShape);
	}
	if (sub === 'inventory' && def.path === 'materials') return setInventory(ctx, conn, record, notify);
	if (sub === 'status' && def.path === 'work-orders') return setStatus(ctx, conn, record, notify);
	if (sub === 'status' && def.path === 'purchase-orders') return setPurchaseOrderStatus(ctx, conn, record, notify);
	// Published, but the sandbox has no data behind it (e.g. POST work-orders/{key}/materials).
	throw new ApiError(404, `The sandbox does not serve ${method} ${path}/{key}/${sub}`);
}

const MATERIAL_ITEM_FIELDS = MATERIAL_ITEMS.fields;

/** Which MaterialItem field ties a line to the record of `<entity>/{key}/materials` (assets have no lines in the data). */
const MATERIAL_OWNERS: Record<string, string> = { 'work-orders': 'workOrderKey', pm: 'pmKey', 'asset-templates': 'assetTemplateKey' };

/** The material lines of one owner, or of every owner of that kind when no key is given. */
const lines = (conn: ConnectionState, field: string, key?: string): DataRecord[] =>
	conn.stores[MATERIAL_ITEMS.path].records.filter((line) => (key === undefined ? line[field] != null : line[field] === key));

/** The published `CustomField` is only a `name`: what a CCN service contractor's work orders carry beyond the standard fields. */
const WORK_ORDER_CUSTOM_FIELDS: DataRecord[] = [
	'CCN alarm code',
	'Refrigerant recovered (lb)',
	'Refrigerant charged (lb)',
	'Compressor starts at service',
	'Leaving chilled-water temperature after service (°F)',
	'Contractor PO number',
].map((name) => ({ name }) as unknown as DataRecord);

const numeric = (value: unknown): boolean =>
	(typeof value === 'number' && Number.isFinite(value) && value >= 0) || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()));

/**
 * POST work-orders/{key}/materials adds a material line, PUT work-orders/{key}/materials/{materialKey} changes the line of
 * that material (one line per material and work order; `{materialKey}` is the material's key, a line's own key is accepted
 * too). The published body (`materialKey`, `storeroomKey`, `requiredQuantity`, `usedQuantity`; the quantities are published
 * `numeric|required`, so required on both, the keys required on POST) is stored as a `MaterialItem`: `usedQuantity` is its
 * `quantity`; the storeroom is checked and not stored (the line publishes no storeroom). Both answer the work order, as
 * published, with its `materialCount`.
 */
async function writeWorkOrderMaterial(ctx: Ctx, conn: ConnectionState, order: DataRecord, subKey: string | undefined, notify: Notify): Promise<Reply> {
	const method = ctx.req.method ?? 'POST';
	const creating = method === 'POST';
	if (creating === (subKey !== undefined)) throw methodNotAllowed(method, ctx.url.pathname);
	const store = conn.stores[MATERIAL_ITEMS.path];
	const existing = lines(conn, 'workOrderKey', order.key);
	const line = subKey === undefined ? undefined : existing.find((l) => l.materialKey === subKey) ?? existing.find((l) => l.key === subKey);
	if (!creating && !line) throw new ApiError(404, `Work order '${order.key}' has no line of material '${subKey ?? ''}'`);
	const body = await readJsonObject(ctx.req);
	const template = `/api/eam/work-orders/{key}/materials${creating ? '' : '/{materialKey}'}`;
	const fields: Record<string, string> = requestProblems(method, template, body) ?? {};
	for (const field of ['materialKey', 'storeroomKey']) {
		const value = body[field];
		if (field in fields) continue;
		if (value === undefined || value === null || value === '') {
			if (creating) fields[field] = 'is required';
		} else if (typeof value !== 'string' || !conn.stores[FOREIGN_KEYS[field]].get(value)) {
			fields[field] = `no ${FOREIGN_KEYS[field]} record with key '${String(value)}'`;
		}
	}
	for (const field of ['requiredQuantity', 'usedQuantity']) {
		if (field in fields) continue;
		if (body[field] === undefined || body[field] === null) fields[field] = 'is required';
		else if (!numeric(body[field])) fields[field] = 'must be a number of 0 or more';
	}
	const materialKey = (body.materialKey as string | undefined) ?? (line?.materialKey as string);
	if (!fields.materialKey && existing.some((l) => l.materialKey === materialKey && l !== line)) {
		fields.materialKey = `material '${materialKey}' is already on this work order: update its line instead`;
	}
	if (Object.keys(fields).length) throw validationError(fields);
	const material = conn.stores.materials.get(materialKey)!;
	const now = new Date().toISOString();
	const values = {
		materialKey,
		partNumber: material.partNumber,
		name: material.name,
		uomKey: material.uomKey,
		requiredQuantity: Number(body.requiredQuantity),
		quantity: Number(body.usedQuantity),
		updatedAt: now,
	};
	if (line) store.patch(line.key, values);
	else store.add({ ...values, workOrderKey: order.key, assetKey: order.assetKey, createdAt: now });
	const def = ENTITY_BY_PATH.get('work-orders')!;
	conn.stores['work-orders'].patch(order.key, { materialCount: String(lines(conn, 'workOrderKey', order.key).length), updatedAt: now });
	notify(conn, 'work-orders.updated', [order.key]);
	return one(ctx, def, order);
}

/**
 * PUT materials/{key}/inventory (published body: `code`, `name`, `quantity`, `unitCost`, `locationKey`) sets the
 * material's stock at a location: the inventory record of this material there (its code ends with the material's code)
 * is updated, or created when the material has none there; without `locationKey` it is the material's own inventory
 * (its `inventory.locationKey`). The material's `inventory` follows when it is that record. The answer is published as
 * a `Material` (not the `Part` of materials/{key}): the part's fields that `Material` publishes, with `inventories`
 * every inventory record of the material.
 */
async function setInventory(ctx: Ctx, conn: ConnectionState, material: DataRecord, notify: Notify): Promise<Reply> {
	const body = await readJsonObject(ctx.req);
	const fields: Record<string, string> = requestProblems('PUT', '/api/eam/materials/{key}/inventory', body) ?? {};
	if (!fields.locationKey && typeof body.locationKey === 'string' && body.locationKey !== '' && !conn.stores.locations.get(body.locationKey)) {
		fields.locationKey = `no locations record with key '${body.locationKey}'`;
	}
	if (!fields.quantity && typeof body.quantity === 'number' && body.quantity < 0) fields.quantity = 'must be 0 or more';
	const own = material.inventory as Record<string, unknown> | null;
	const locationKey = (typeof body.locationKey === 'string' && body.locationKey !== '' ? body.locationKey : own?.locationKey) as string | undefined;
	if (!locationKey && !fields.locationKey) fields.locationKey = 'is required: the material has no inventory yet';
	if (Object.keys(fields).length) throw validationError(fields);
	const now = new Date().toISOString();
	const inventories = conn.stores.inventories;
	const mine = (inv: DataRecord) => String(inv.code ?? '').endsWith(`/${String(material.code)}`) || inv.key === own?.key;
	const target = inventories.records.find((inv) => mine(inv) && inv.locationKey === locationKey);
	const values = Object.fromEntries(['code', 'name', 'quantity', 'unitCost'].filter((f) => body[f] !== undefined && body[f] !== null).map((f) => [f, body[f]]));
	let record: DataRecord;
	if (target) {
		record = inventories.patch(target.key, { ...values, updatedAt: now })!;
		notify(conn, 'inventories.updated', [record.key]);
	} else {
		const storeroom = conn.stores.storerooms.records.find((s) => s.locationKey === locationKey);
		record = inventories.add({ code: `${String(storeroom?.code ?? 'LOC')}/${String(material.code)}`, name: material.name, quantity: 0, unitCost: Math.round(Number(material.cost ?? 0)), ...values, locationKey, createdAt: now, updatedAt: now });
		notify(conn, 'inventories.inserted', [record.key]);
	}
	const snapshot = (inv: DataRecord) => ({ key: inv.key, code: inv.code, name: inv.name, quantity: inv.quantity, unitCost: inv.unitCost, locationKey: inv.locationKey, updatedAt: inv.updatedAt, createdAt: inv.createdAt });
	const materialValues: Record<string, unknown> = { updatedAt: now };
	if (!own || own.key === record.key) materialValues.inventory = snapshot(record);
	conn.stores.materials.patch(material.key, materialValues);
	notify(conn, 'materials.updated', [material.key]);
	const published = componentSchema('Material').properties as Record<string, unknown>;
	const answer: Record<string, unknown> = {};
	for (const field of Object.keys(published)) answer[field] = field === 'inventories' ? inventories.records.filter(mine).map(snapshot) : (material[field] ?? null);
	return ok({ data: present(answer as DataRecord, ctx.settings.recordShape, Object.keys(published)) });
}

/** The published request schema first (unknown fields, types), then the connected system's rules (keys, dates, required). */
function checkWrite(conn: ConnectionState, def: EntityDef, body: Record<string, unknown>, creating: boolean, selfKey?: string): void {
	const template = `/api/eam/${def.path}${creating ? '' : '/{key}'}`;
	const fields: Record<string, string> = requestProblems(creating ? 'POST' : 'PUT', template, body) ?? {};
	// A PUT whose published body lists no fields (`properties: []`: return orders) takes what the create request and the
	// record publish; anything else is unknown to the connected system.
	if (!creating && Object.keys(requestSchema('PUT', template)?.properties ?? {}).length === 0) {
		const known = new Set([...Object.keys(requestSchema('POST', `/api/eam/${def.path}`)?.properties ?? {}), ...def.fields]);
		for (const field of Object.keys(body)) if (!known.has(field) || ['key', 'createdAt', 'updatedAt'].includes(field)) fields[field] = 'is not a published field';
	}
	for (const [field, value] of Object.entries(body)) {
		if (value === null || field in fields) continue;
		if (typeof value === 'string' && field.endsWith('At') && value !== '' && Number.isNaN(Date.parse(value as string))) {
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
	for (const field of def.requiredOnCreate) {
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

/**
 * What a write stores: the body's fields that the record schema also has (a published request field without a record
 * field, such as an asset's `modelKey`, is accepted and not stored). A work order's `tasks` and `documents` are one
 * object each in the published request and lists on the record; a number sent for a field the record publishes as a
 * string (a work order's `estimatedTime`, `actualTime`) is stored as its text.
 */
function storedValues(def: EntityDef, body: Record<string, unknown>): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	const types = componentSchema(def.component).properties;
	for (const field of def.fields) {
		const value = body[field];
		if (value === undefined || field === 'key') continue;
		values[field] = typeof value === 'number' && types[field].anyOf?.[0]?.type === 'string' ? String(value) : value;
	}
	if (def.path === 'work-orders') {
		for (const list of ['tasks', 'documents']) if (list in values) values[list] = values[list] === null ? [] : [values[list]];
	}
	return values;
}

/** The write time for those of `fields` the record publishes (a purchase order has no `createdAt`, a unit none). */
const stamps = (def: EntityDef, now: string, fields: string[]) => Object.fromEntries(fields.filter((f) => def.fields.includes(f)).map((f) => [f, now]));

const stripNulls = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));

async function create(ctx: Ctx, conn: ConnectionState, def: EntityDef, notify: Notify): Promise<Reply> {
	const body = await readJsonObject(ctx.req);
	checkWrite(conn, def, body, true);
	const now = new Date().toISOString();
	const statuses = conn.stores[`statuses/${def.path}`];
	const defaultStatus = statuses && body.statusKey == null ? { statusKey: statuses.records[0]?.key ?? null } : {};
	// Work orders and service requests raised against an asset inherit its site and location unless given.
	const inherits = def.path === 'work-orders' || def.path === 'service-requests';
	const asset = inherits && typeof body.assetKey === 'string' ? conn.stores.assets.get(body.assetKey) : undefined;
	const placement = asset ? { siteKey: asset.siteKey, locationKey: asset.locationKey } : {};
	const values = withStatusName(conn, def, { ...placement, ...stripNulls(storedValues(def, body)), ...defaultStatus, ...stamps(def, now, ['createdAt', 'updatedAt']) });
	if (def.path === 'work-orders') Object.assign(values, { tasks: values.tasks ?? [], documents: values.documents ?? [], resources: [], materialCount: '0' });
	const record = conn.stores[def.path].add(values);
	if (def.path === 'work-orders') linkWorkOrderDocuments(conn, record);
	notify(conn, `${def.path}.inserted`, [record.key]);
	return one(ctx, def, record);
}

async function update(ctx: Ctx, conn: ConnectionState, def: EntityDef, record: DataRecord, notify: Notify): Promise<Reply> {
	const body = await readJsonObject(ctx.req);
	checkWrite(conn, def, body, false, record.key);
	const values = withStatusName(conn, def, { ...storedValues(def, body), ...stamps(def, new Date().toISOString(), ['updatedAt']) });
	conn.stores[def.path].patch(record.key, values);
	if (def.path === 'work-orders' && 'documents' in values) linkWorkOrderDocuments(conn, record);
	notify(conn, `${def.path}.updated`, [record.key]);
	return one(ctx, def, record);
}

async function setStatus(ctx: Ctx, conn: ConnectionState, record: DataRecord, notify: Notify): Promise<Reply> {
	const body = await readJsonObject(ctx.req);
	const problems = requestProblems('PUT', '/api/eam/work-orders/{key}/status', body) ?? {};
	if (Object.keys(problems).length) throw validationError(problems);
	const statusKey = body.statusKey;
	if (typeof statusKey !== 'string' || statusKey === '') throw validationError({ statusKey: 'is required and must be a string' });
	if (!conn.stores['statuses/work-orders'].get(statusKey)) throw validationError({ statusKey: `unknown status key '${statusKey}'` });
	const def = ENTITY_BY_PATH.get('work-orders')!;
	conn.stores['work-orders'].patch(record.key, withStatusName(conn, def, { statusKey, updatedAt: new Date().toISOString() }));
	notify(conn, 'work-orders.updated', [record.key]);
	return one(ctx, def, record);
}

/** PUT purchase-orders/{key}/status publishes one field, `status`: read as the key of a purchase order status. */
async function setPurchaseOrderStatus(ctx: Ctx, conn: ConnectionState, record: DataRecord, notify: Notify): Promise<Reply> {
	const body = await readJsonObject(ctx.req);
	const problems = requestProblems('PUT', '/api/eam/purchase-orders/{key}/status', body) ?? {};
	if (Object.keys(problems).length) throw validationError(problems);
	const status = body.status;
	if (typeof status !== 'string' || status === '') throw validationError({ status: 'is required and must be a string' });
	if (!conn.stores['statuses/purchase-orders'].get(status)) throw validationError({ status: `unknown status key '${status}'` });
	conn.stores['purchase-orders'].patch(record.key, { statusKey: status, updatedAt: new Date().toISOString() });
	notify(conn, 'purchase-orders.updated', [record.key]);
	return one(ctx, ENTITY_BY_PATH.get('purchase-orders')!, record);
}
