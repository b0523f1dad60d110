// Contract fidelity: every answer the sandbox gives (lists, records, writes, errors), in both record shapes and both
// error forms, validates against Makini's published OpenAPI files with no unpublished field; and the validator itself
// rejects what it must.
import { startSandbox } from '../../sandbox';
import type { RunningSandbox } from '../../sandbox';
import { SYSTEM_SPEC } from '../../sandbox/contract';
import { ENTITIES } from '../../sandbox/schema';
import type { Settings } from '../../sandbox/types';
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

	it('answers every published write with a published record', async () => {
		const site = first('sites');
		const asset = first('assets');
		const user = first('users');
		const done = sandbox.records('ccn', 'statuses/work-orders').find((s) => s.code === 'COMP') as { key: string };
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
			['PUT', `/api/eam/return-orders/${first('return-orders').key}`, { notes: 'RMA issued' }],
		];
		for (const [method, path, json] of writes) {
			expect(requestErrors(method, path, json)).toEqual([]);
			const { status, body } = await call(sandbox, method, path, { json });
			expect([method, path, status]).toEqual([method, path, 200]);
			expect(responseErrors(method, path, body, recordShape)).toEqual([]);
		}
	});
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
	])('answers %i to %s %s in that form', async (expected, method, rawPath, token, json) => {
		const path = rawPath.replace('{wo}', first('work-orders').key);
		const { status, body } = await call(sandbox, method, path, { token, json });
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
