// Contract fidelity: every answer the sandbox gives (lists, records, writes, errors), in both record shapes and both
// error forms, validates against Makini's published OpenAPI files with no unpublished field; and the validator itself
// rejects what it must.
import { startSandbox } from '../../sandbox';
import type { RunningSandbox } from '../../sandbox';
import { SYSTEM_SPEC } from '../../sandbox/contract';
import { ENTITIES } from '../../sandbox/schema';
import type { Settings } from '../../sandbox/types';
import { recordProblems } from '../../sandbox/validator';
import { errorBodyErrors, requestErrors, responseErrors } from '../contract/validate';
import { allPages, call } from './support';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, control: true, assets: 80 });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.resetSettings());

const shapes: Array<Settings['recordShape']> = ['key', 'v4'];
const first = (entity: string) => sandbox.records('ccn', entity)[0] as { key: string };

describe.each(shapes)('%s record shape', (recordShape) => {
	beforeEach(() => sandbox.configure({ recordShape }));

	it.each(ENTITIES.map((e) => e.path))('serves every %s record exactly as published', async (entity) => {
		// Every page, so every seeded record (not only the first) is checked.
		const path = `/api/eam/${entity}`;
		const { records } = await allPages(sandbox, path, 500);
		expect(records).toHaveLength(sandbox.records('ccn', entity).length);
		const page = await call(sandbox, 'GET', `${path}?per_page=500`);
		expect(responseErrors('GET', path, page.body, recordShape)).toEqual([]);
		const problems = new Set<string>();
		for (let i = 0; i < records.length; i += 500) {
			const body = { data: records.slice(i, i + 500), links: page.body.links, meta: page.body.meta };
			for (const p of responseErrors('GET', path, body, recordShape)) problems.add(p.replace(/^\/data\/\d+/, '/data/*'));
		}
		expect([...problems]).toEqual([]);
	});

	it.each(ENTITIES.filter((e) => !e.path.startsWith('statuses/')).map((e) => e.path))('serves one %s record as published', async (entity) => {
		const path = `/api/eam/${entity}/${first(entity).key}`;
		const { status, body } = await call(sandbox, 'GET', path);
		expect(status).toBe(200);
		expect(responseErrors('GET', path, body, recordShape)).toEqual([]);
	});

	it.each(['assets', 'work-orders'])('serves %s materials as published', async (entity) => {
		const path = `/api/eam/${entity}/${first(entity).key}/materials`;
		const { status, body } = await call(sandbox, 'GET', path);
		expect(status).toBe(200);
		expect(responseErrors('GET', path, body, recordShape)).toEqual([]);
	});

	it.each([
		['work-orders/{key}/materials', 'work-orders', 'workOrderKey'],
		['work-orders/materials', undefined, 'workOrderKey'],
		['pm/{key}/materials', 'pm', 'pmKey'],
		['asset-templates/{key}/materials', 'asset-templates', 'assetTemplateKey'],
	])('serves %s as published material lines', async (template, owner, field) => {
		// The first owner that has lines: the lists are not empty, so the check is not vacuous.
		const lines = sandbox.records('ccn', 'material-items') as Array<Record<string, string>>;
		const key = lines.find((l) => l[field] && (!owner || sandbox.records('ccn', owner).some((r) => r.key === l[field])))![field];
		const path = `/api/eam/${template.replace('{key}', key)}`;
		const { status, body } = await call(sandbox, 'GET', path);
		expect(status).toBe(200);
		expect(body.data.length).toBeGreaterThan(0);
		if (owner) expect(body.data.every((l: Record<string, unknown>) => l[field] === key)).toBe(true);
		expect(responseErrors('GET', path, body, recordShape)).toEqual([]);
		// Published untyped (`{type: object}`) for pm and asset templates: each line is still exactly a MaterialItem.
		if (recordShape === 'key') for (const line of body.data) expect(recordProblems('MaterialItem', line)).toEqual({});
	});

	it('serves the children of an assembly as published parts', async () => {
		const kit = (sandbox.records('ccn', 'materials') as Array<Record<string, unknown>>).find((m) => m.isAssembly === true)!;
		const path = `/api/eam/materials/${String(kit.key)}/children`;
		const { status, body } = await call(sandbox, 'GET', path);
		expect(status).toBe(200);
		expect(body.data.map((m: Record<string, unknown>) => m.partNumber).sort()).toEqual(['KH11EG121', 'KH43LZ002', 'P903-1001']);
		expect(responseErrors('GET', path, body, recordShape)).toEqual([]);
		expect(responseErrors('GET', '/api/eam/materials', body, recordShape)).toEqual([]);
	});

	it('answers every published write with a published record', async () => {
		const site = first('sites');
		const asset = first('assets');
		const user = first('users');
		const done = sandbox.records('ccn', 'statuses/work-orders').find((s) => s.code === 'COMP') as { key: string };
		// A part not yet on the first work order (one per record shape: both runs add it to the same sandbox).
		const part = sandbox.records('ccn', 'materials')[recordShape === 'key' ? 4 : 5] as { key: string };
		const writes: Array<[string, string, Record<string, unknown>]> = [
			['POST', '/api/eam/assets', { name: 'CH-7 30XW chiller', siteKey: site.key, modelName: '30XW-0862', isActive: true }],
			['PUT', `/api/eam/assets/${asset.key}`, { notes: 'Oil analysis sent' }],
			['POST', '/api/eam/work-orders', { title: 'Check condenser fan', assetKey: asset.key, estimatedTime: 2, tasks: { title: 'Inspect fan' } }],
			['PUT', `/api/eam/work-orders/${first('work-orders').key}`, { notes: 'Parts ordered' }],
			['PUT', `/api/eam/work-orders/${first('work-orders').key}/status`, { statusKey: done.key }],
			['POST', '/api/eam/service-requests', { title: 'Too warm in lobby', assetKey: asset.key, description: 'Since 9am', userRequestedKey: user.key }],
			['POST', '/api/eam/purchase-orders', { title: 'Spare 19XR oil filters', siteKey: site.key, vendorKey: first('vendors').key, orderDate: '2026-11-02', totalNetValue: 172 }],
			['PUT', `/api/eam/purchase-orders/${first('purchase-orders').key}`, { notes: 'Expedite' }],
			['PUT', `/api/eam/purchase-orders/${first('purchase-orders').key}/status`, { status: first('statuses/purchase-orders').key }],
			['POST', '/api/eam/materials', { name: 'VFD cooling fan', partNumber: 'HC99CA120', cost: 189.5, siteKeys: [site.key] }],
			['PUT', `/api/eam/materials/${first('materials').key}`, { minimumQuantity: '3' }],
			['POST', '/api/eam/customers', { name: 'Lakeshore Office Park LLC', code: 'C200' }],
			['PUT', `/api/eam/inventories/${first('inventories').key}`, { quantity: 12 }],
			['POST', '/api/eam/stocks', { materialKey: first('materials').key, storeroomKey: first('storerooms').key, quantity: 4, position: 'Bin C-2' }],
			['PUT', `/api/eam/stocks/${first('stocks').key}`, { quantity: 9 }],
			['POST', '/api/eam/return-orders', { vendorKey: first('vendors').key, description: 'Wrong filter shipped' }],
			['PUT', `/api/eam/return-orders/${first('return-orders').key}`, { notes: 'RMA issued', statusKey: first('statuses/return-orders').key }],
			['PUT', `/api/eam/materials/${first('materials').key}/inventory`, { quantity: 7, unitCost: 88 }],
			['POST', `/api/eam/work-orders/${first('work-orders').key}/materials`, { materialKey: part.key, storeroomKey: first('storerooms').key, requiredQuantity: 2, usedQuantity: 0 }],
			['PUT', `/api/eam/work-orders/${first('work-orders').key}/materials/${part.key}`, { requiredQuantity: 2, usedQuantity: 2 }],
		];
		for (const [method, path, json] of writes) {
			expect(requestErrors(method, path, json)).toEqual([]);
			const { status, body } = await call(sandbox, method, path, { json });
			expect([method, path, status]).toEqual([method, path, 200]);
			expect(responseErrors(method, path, body, recordShape)).toEqual([]);
		}
	});

	it('answers a multipart upload with a published Document whose url serves the bytes, and links it to a work order', async () => {
		const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));
		const form = new FormData();
		form.append('file', new Blob([bytes], { type: 'image/png' }), 'condenser coil.png');
		form.append('name', 'Condenser coil before cleaning');
		// A standard client's multipart (Node's FormData), not only the node's own encoder.
		const res = await fetch(`${sandbox.url}/api/eam/documents`, { method: 'POST', headers: { authorization: `Bearer ${sandbox.connections.ccn.token}` }, body: form });
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(responseErrors('POST', '/api/eam/documents', body, recordShape)).toEqual([]);
		const key = body.data.key ?? body.data.id;
		expect(body.data).toMatchObject({ name: 'Condenser coil before cleaning', contentType: 'image/png', type: 'png', entityKeys: [] });
		const file = await fetch(body.data.url, { headers: { authorization: `Bearer ${sandbox.connections.ccn.token}` } });
		expect([file.status, file.headers.get('content-type')]).toEqual([200, 'image/png']);
		expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
		// The file wants the token of its own connection.
		expect((await fetch(body.data.url)).status).toBe(401);
		expect((await fetch(body.data.url, { headers: { authorization: `Bearer ${sandbox.connections.cmms.token}` } })).status).toBe(404);

		const wo = first('work-orders');
		const link = { documents: { name: body.data.name, url: body.data.url, type: body.data.type, contentType: body.data.contentType } };
		expect(requestErrors('PUT', `/api/eam/work-orders/${wo.key}`, link)).toEqual([]);
		const updated = await call(sandbox, 'PUT', `/api/eam/work-orders/${wo.key}`, { json: link });
		expect(responseErrors('PUT', `/api/eam/work-orders/${wo.key}`, updated.body, recordShape)).toEqual([]);
		expect(updated.body.data.documents).toEqual([expect.objectContaining({ key, url: body.data.url, entityKeys: [wo.key] })]);
		const doc = await call(sandbox, 'GET', `/api/eam/documents/${key}`);
		expect(doc.body.data.entityKeys).toEqual([wo.key]);
	});
});

describe.each(['error', 'status'] as Array<Settings['errorForm']>)('uploads refused in the %s error form', (errorForm) => {
	beforeEach(() => sandbox.configure({ errorForm }));
	const post = (body: BodyInit, contentType?: string) =>
		fetch(`${sandbox.url}/api/eam/documents`, {
			method: 'POST',
			headers: { authorization: `Bearer ${sandbox.connections.ccn.token}`, ...(contentType ? { 'content-type': contentType } : {}) },
			body,
		});
	const form = (parts: Array<[string, string | Blob, string?]>) => {
		const f = new FormData();
		for (const [name, value, filename] of parts) {
			if (typeof value === 'string') f.append(name, value);
			else f.append(name, value, filename);
		}
		return f;
	};

	it.each<[number, string, () => Promise<Response>, string[]]>([
		[400, 'a JSON body', () => post(JSON.stringify({ file: 'string', name: 'x' }), 'application/json'), []],
		[400, 'multipart without a boundary', () => post('--x\r\n', 'multipart/form-data'), []],
		[400, 'a body cut off before its closing boundary', () => post('--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nx', 'multipart/form-data; boundary=b'), []],
		[422, 'no file part', () => post(form([['name', 'Photo']])), ['file']],
		[422, 'the file sent as a text field', () => post(form([['file', 'not a file']])), ['file']],
		[422, 'a field that is not published', () => post(form([['file', new Blob(['x']), 'x.txt'], ['colour', 'red']])), ['colour']],
		[413, 'a file over the upload limit', async () => {
			sandbox.configure({ maxUploadBytes: 1024 });
			return post(form([['file', new Blob([Buffer.alloc(4096)]), 'big.bin']]));
		}, []],
	])('answers %i to %s', async (expected, _what, send, fields) => {
		const res = await send();
		const body = await res.json();
		expect(res.status).toBe(expected);
		expect(errorBodyErrors(body, errorForm)).toEqual([]);
		if (errorForm === 'error' && fields.length) expect(Object.keys(body.error.fields)).toEqual(fields);
		if (errorForm === 'status') expect(body.status).toBe(expected);
	});
});

it('serves the work orders\' custom fields as published', async () => {
	const path = '/api/eam/work-orders/custom-fields';
	const { status, body } = await call(sandbox, 'GET', path);
	expect(status).toBe(200);
	expect(body.data).toContainEqual({ name: 'Refrigerant recovered (lb)' });
	expect(responseErrors('GET', path, body)).toEqual([]);
});

it('serves the return order statuses as published', async () => {
	const { body } = await call(sandbox, 'GET', '/api/eam/statuses/return-orders');
	expect(body.data.map((s: Record<string, unknown>) => s.name)).toEqual(['Draft', 'Submitted', 'Shipped to Vendor', 'Credited', 'Closed']);
	expect(responseErrors('GET', '/api/eam/statuses/return-orders', body)).toEqual([]);
});

it('serves the system answers as published', async () => {
	const current = await call(sandbox, 'GET', '/api/integrations/current');
	expect(responseErrors('GET', '/api/integrations/current', current.body)).toEqual([]);
	const { clientId, clientSecret } = sandbox.oauthClient;
	const admin = await call(sandbox, 'POST', '/link/token', { token: null, json: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret } });
	const connections = await call(sandbox, 'GET', '/api/system/connections', { token: admin.body.access_token });
	expect(connections.status).toBe(200);
	expect(responseErrors('GET', '/api/system/connections', connections.body)).toEqual([]);
});

it('serves every system and connection-extra answer as published', async () => {
	const { clientId, clientSecret } = sandbox.oauthClient;
	const admin = (await call(sandbox, 'POST', '/link/token', { token: null, json: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret } })).body.access_token;
	const ccn = sandbox.connections.ccn.token;
	const check = async (method: string, path: string, json?: unknown, token: string = admin) => {
		const bare = path.split('?')[0];
		if (json !== undefined) expect([path, requestErrors(method, bare, json)]).toEqual([path, []]);
		const { status, body } = await call(sandbox, method, path, { token, json });
		expect([method, path, status]).toEqual([method, path, 200]);
		expect([method, path, responseErrors(method, bare, body)]).toEqual([method, path, []]);
		return body;
	};
	await check('GET', '/api/system/platforms');
	await check('GET', '/api/system/client');
	// `credentials` is published as type array (PHP's), while the published example sends an object, as the node does:
	// that one mismatch is the file's own, not the node's.
	const example = SYSTEM_SPEC.paths['/api/system/connections'].post.requestBody.content['application/json'].schema.example;
	expect(requestErrors('POST', '/api/system/connections', example)).toEqual(['/credentials must be array']);
	const withCredentials = await call(sandbox, 'POST', '/api/system/connections', { token: admin, json: { name: 'Object credentials', email: 'o@example.com', provider: 'inextia', credentials: example.credentials } });
	expect(responseErrors('POST', '/api/system/connections', withCredentials.body)).toEqual([]);
	const created = await check('POST', '/api/system/connections', { name: 'Conformance CCN', email: 'c@example.com', provider: 'carrier-ccn' });
	expect(Object.keys(created.data).sort()).toEqual(['access_token', 'expires_in', 'refresh_token']);
	const listed = await check('GET', '/api/system/connections');
	const id = listed.data.find((c: { name: string }) => c.name === 'Conformance CCN').key as string;
	await check('POST', `/api/system/connections/${id}/metadata`, [{ key: 'crm', value: 'A-1' }]);
	await check('GET', `/api/system/connections/${id}/metadata`);
	const issued = await check('POST', `/api/system/connections/${id}/token`);
	const token = issued.data.token as string;
	await check('GET', '/api/raw/tables', undefined, ccn);
	await check('GET', '/api/raw/tables/ccn_points/data?page=2&per_page=5&filter%5Bpoint_name%5D=LWT&sort%5Bid%5D=1', undefined, ccn);
	await check('POST', '/api/passthrough', { path: 'dataservice', method: 'post', headers: { 'Content-Type': 'application/json' }, query: { a: '1' }, body: { targetName: 'F4801' } }, ccn);
	await check('POST', '/api/passthrough', { sql: 'SELECT * FROM ccn_equipment WHERE bus = :bus LIMIT 3', parameters: { bus: 0 } }, ccn);
	await check('DELETE', '/api/integrations/current', undefined, token);
	expect((await call(sandbox, 'GET', '/api/integrations/current', { token })).status).toBe(401);
	const second = (await call(sandbox, 'POST', '/api/system/connections', { token: admin, json: { name: 'To delete', email: 'd@example.com', provider: 'maintainx' } })).body.data.access_token;
	const again = (await call(sandbox, 'GET', '/api/system/connections?per_page=500', { token: admin })).body.data.find((c: { name: string }) => c.name === 'To delete').key;
	await check('DELETE', `/api/system/connections/${again}`);
	expect((await call(sandbox, 'GET', '/api/eam/assets', { token: second })).status).toBe(401);
	expect(requestErrors('POST', `/api/system/connections/${id}/metadata`, { key: 'crm', value: 'A-1' })).not.toEqual([]);
});

describe.each(['error', 'status'] as Array<Settings['errorForm']>)('%s error form', (errorForm) => {
	beforeEach(() => sandbox.configure({ errorForm }));

	it.each([
		[401, 'GET', '/api/eam/assets', null, undefined],
		[404, 'GET', '/api/eam/assets/00000000000000', undefined, undefined],
		[404, 'GET', '/api/eam/alarms', undefined, undefined],
		[405, 'DELETE', '/api/eam/assets', undefined, undefined],
		[400, 'GET', '/api/eam/assets?filter%5Bcolour%5D=red', undefined, undefined],
		[422, 'POST', '/api/eam/service-requests', undefined, { title: 'Noisy unit', statusKey: 'x' }],
		[422, 'PUT', '/api/eam/work-orders/{wo}/status', undefined, { statusKey: 'DONE-ISH' }],
		[422, 'PUT', '/api/eam/materials/{material}/inventory', undefined, { quantity: 4, binLocation: 'C-2' }],
		[422, 'POST', '/api/eam/work-orders/{wo}/materials', undefined, { materialKey: '{material}', requiredQuantity: 1 }],
		[404, 'PUT', '/api/eam/work-orders/{wo}/materials/00000000000000', undefined, { requiredQuantity: 1, usedQuantity: 1 }],
		[422, 'PUT', '/api/eam/return-orders/{ro}', undefined, { trackingNumber: '1Z999' }],
	])('answers %i to %s %s in that form', async (expected, method, rawPath, token, json) => {
		const keys = (text: string) => text.replace('{wo}', first('work-orders').key).replace('{material}', first('materials').key).replace('{ro}', first('return-orders').key);
		const path = keys(rawPath);
		const { status, body } = await call(sandbox, method, path, { token, json: json && JSON.parse(keys(JSON.stringify(json))) });
		expect(status).toBe(expected);
		expect(errorBodyErrors(body, errorForm)).toEqual([]);
		if (errorForm === 'status') expect(body.status).toBe(expected);
	});
});

describe('the validator', () => {
	const meter = () => ({ ...(sandbox.records('ccn', 'meters')[0] as Record<string, unknown>) });

	it('rejects a field the published schema does not define, in either shape', () => {
		const path = `/api/eam/meters/${meter().key}`;
		expect(responseErrors('GET', path, { data: meter() })).toEqual([]);
		expect(responseErrors('GET', path, { data: { ...meter(), name: 'CH-1 Run hours' } })).toEqual(["/data has unpublished field 'name'"]);
		const { key, createdAt, updatedAt, deletedAt, ...rest } = meter();
		const v4 = { id: key, _idValue: key, _displayValue: key, ...rest, _createdAt: createdAt, _updatedAt: updatedAt, _deletedAt: deletedAt };
		expect(responseErrors('GET', path, { data: v4 }, 'v4')).toEqual([]);
		expect(responseErrors('GET', path, { data: { ...v4, updatedAt } }, 'v4')).toEqual(["/data has unpublished field 'updatedAt'"]);
	});

	it('rejects published types broken and request fields not published', () => {
		expect(responseErrors('GET', '/api/eam/meter-readings/1', { data: { key: '1', reading: 41.5 } })).toEqual(['/data/reading must be string']);
		expect(requestErrors('POST', '/api/eam/service-requests', { title: 'Leak', siteKey: 'x' })).toEqual(["/ has unpublished field 'siteKey'"]);
		expect(requestErrors('PUT', '/api/eam/work-orders/1', { estimatedTime: '2h' })).toEqual(['/estimatedTime must be integer']);
	});
});
