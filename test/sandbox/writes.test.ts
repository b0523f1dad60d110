// Writes change the data and later reads see them; bad writes get the contract's 400/422 error bodies; 404 and 405.
import { startSandbox } from '../../sandbox';
import type { RunningSandbox } from '../../sandbox';
import { call } from './support';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, control: true });
});
afterAll(() => sandbox.close());

const status = (code: string) => sandbox.records('ccn', 'statuses/work-orders').find((s) => s.code === code)!;

describe('assets', () => {
	it('creates an asset that later reads return, with fresh createdAt/updatedAt', async () => {
		const before = Date.now();
		const site = sandbox.records('ccn', 'sites')[0];
		const created = await call(sandbox, 'POST', '/api/eam/assets', {
			json: { name: 'CH-9 19XR centrifugal chiller', siteKey: site.key, modelName: '19XR-6565', criticality: 'high', isActive: true },
		});
		expect(created.status).toBe(200);
		const asset = created.body.data;
		expect(asset).toMatchObject({ name: 'CH-9 19XR centrifugal chiller', siteKey: site.key, modelName: '19XR-6565', isActive: true, parentKey: null });
		expect(Date.parse(asset.createdAt)).toBeGreaterThanOrEqual(before - 1);
		expect(asset.updatedAt).toBe(asset.createdAt);
		const read = await call(sandbox, 'GET', `/api/eam/assets/${asset.key}`);
		expect(read.body.data).toEqual(asset);
		const listed = await call(sandbox, 'GET', `/api/eam/assets?filter%5BmodelName%5D=19XR-6565&filter%5Bname%3AstartsWith%5D=CH-9`);
		expect(listed.body.data.map((a: { key: string }) => a.key)).toEqual([asset.key]);
	});

	it('updates only the fields sent and bumps updatedAt', async () => {
		const original = { ...sandbox.records('ccn', 'assets')[5] };
		const updated = await call(sandbox, 'PUT', `/api/eam/assets/${original.key}`, { json: { criticality: 'low', notes: 'Vibration check done' } });
		expect(updated.status).toBe(200);
		expect(updated.body.data).toMatchObject({ key: original.key, name: original.name, criticality: 'low', notes: 'Vibration check done' });
		expect(updated.body.data.updatedAt > (original.updatedAt as string)).toBe(true);
		expect((await call(sandbox, 'GET', `/api/eam/assets/${original.key}`)).body.data.criticality).toBe('low');
	});

	it.each([
		[{ siteKey: 'x' }, 'name', 'is required'],
		[{ name: '  ' }, 'name', 'is required'],
		[{ name: 'A', isActive: 'yes' }, 'isActive', 'must be of type boolean'],
		[{ name: 42 }, 'name', 'must be of type string'],
		[{ name: 'A', siteKey: 'no-such-site' }, 'siteKey', "no sites record with key 'no-such-site'"],
		[{ name: 'A', colour: 'red' }, 'colour', 'is not a published field'],
		[{ name: 'A', activatedAt: 'yesterday' }, 'activatedAt', 'must be an ISO 8601 date-time'],
	])('rejects %j with 422 VALIDATION_FAILED on %s', async (json, field, message) => {
		const count = sandbox.records('ccn', 'assets').length;
		const { status: code, body, headers } = await call(sandbox, 'POST', '/api/eam/assets', { json });
		expect(code).toBe(422);
		expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', type: 'validation', request_id: headers.get('x-request-id') });
		expect(body.error.fields[field]).toBe(message);
		expect(sandbox.records('ccn', 'assets')).toHaveLength(count);
	});

	it('rejects an update that empties the name, or makes an asset its own parent', async () => {
		const key = sandbox.records('ccn', 'assets')[2].key;
		const empty = await call(sandbox, 'PUT', `/api/eam/assets/${key}`, { json: { name: '' } });
		expect(empty.status).toBe(422);
		expect(empty.body.error.fields).toEqual({ name: 'cannot be empty' });
		const loop = await call(sandbox, 'PUT', `/api/eam/assets/${key}`, { json: { parentKey: key } });
		expect(loop.body.error.fields).toEqual({ parentKey: 'a record cannot be its own parent' });
	});

	it('answers malformed JSON and non-object bodies with 400', async () => {
		const bad = await call(sandbox, 'POST', '/api/eam/assets', { raw: '{"name": ' });
		expect(bad.status).toBe(400);
		expect(bad.body.error).toMatchObject({ code: 'INVALID_REQUEST', message: 'Request body is not valid JSON' });
		const list = await call(sandbox, 'POST', '/api/eam/assets', { json: [{ name: 'x' }] });
		expect(list.status).toBe(400);
	});
});

describe('work orders and service requests', () => {
	it('creates a work order with the first status by default and the asset placement', async () => {
		const asset = sandbox.records('ccn', 'assets').find((a) => a.categoryName === 'Centrifugal Chiller')!;
		const { status: code, body } = await call(sandbox, 'POST', '/api/eam/work-orders', { json: { title: 'Low refrigerant alarm on CH-1', assetKey: asset.key, severity: 'high' } });
		expect(code).toBe(200);
		expect(body.data).toMatchObject({ title: 'Low refrigerant alarm on CH-1', assetKey: asset.key, siteKey: asset.siteKey, locationKey: asset.locationKey, statusKey: status('OPEN').key, status: 'Open', completedAt: null });
	});

	it('changes status with PUT work-orders/{key}/status and rejects unknown status keys with 422', async () => {
		const wo = sandbox.records('ccn', 'work-orders')[0];
		const done = await call(sandbox, 'PUT', `/api/eam/work-orders/${wo.key}/status`, { json: { statusKey: status('COMP').key } });
		expect(done.status).toBe(200);
		expect(done.body.data).toMatchObject({ key: wo.key, statusKey: status('COMP').key, status: 'Completed' });
		expect(done.body.data.completedAt).toBe(done.body.data.updatedAt);
		const unknown = await call(sandbox, 'PUT', `/api/eam/work-orders/${wo.key}/status`, { json: { statusKey: 'DONE-ISH' } });
		expect(unknown.status).toBe(422);
		expect(unknown.body.error.fields).toEqual({ statusKey: "unknown status key 'DONE-ISH'" });
		const missing = await call(sandbox, 'PUT', `/api/eam/work-orders/${wo.key}/status`, { json: {} });
		expect(missing.status).toBe(422);
		expect((await call(sandbox, 'GET', `/api/eam/work-orders/${wo.key}`)).body.data.status).toBe('Completed');
	});

	it('validates work-order writes: title required, unknown status key, wrong types', async () => {
		const noTitle = await call(sandbox, 'POST', '/api/eam/work-orders', { json: { statusKey: 'nope', tasks: 'x' } });
		expect(noTitle.status).toBe(422);
		expect(noTitle.body.error.fields).toEqual({ title: 'is required', statusKey: "unknown status key 'nope'", tasks: 'must be of type object' });
		const update = await call(sandbox, 'PUT', `/api/eam/work-orders/${sandbox.records('ccn', 'work-orders')[1].key}`, { json: { title: 'Re-titled', statusKey: status('HOLD').key } });
		expect(update.body.data).toMatchObject({ title: 'Re-titled', status: 'On Hold' });
	});

	it('creates service requests (title required, status keys from statuses/service-requests), but does not update them', async () => {
		const srStatus = sandbox.records('ccn', 'statuses/service-requests')[1];
		const asset = sandbox.records('ccn', 'assets')[3];
		const json = { title: 'Too warm in conference room 4B', assetKey: asset.key, description: 'Since 9am', userRequestedKey: sandbox.records('ccn', 'users')[0].key };
		const created = await call(sandbox, 'POST', '/api/eam/service-requests', { json });
		expect(created.status).toBe(200);
		// The first status of statuses/service-requests; site and location from the asset.
		expect(created.body.data).toMatchObject({ ...json, statusKey: sandbox.records('ccn', 'statuses/service-requests')[0].key, siteKey: asset.siteKey });
		// The published request has no statusKey (nor siteKey).
		const invalid = await call(sandbox, 'POST', '/api/eam/service-requests', { json: { description: 'no title', statusKey: srStatus.key } });
		expect(invalid.status).toBe(422);
		expect(invalid.body.error.fields).toEqual({ title: 'is required', statusKey: 'is not a published field' });
		const put = await call(sandbox, 'PUT', `/api/eam/service-requests/${created.body.data.key}`, { json: { title: 'x' } });
		expect(put.status).toBe(405);
	});
});

describe('reads, 404 and 405', () => {
	it.each(['assets', 'assets-downtime', 'meters', 'meter-readings', 'locations', 'sites', 'work-orders', 'service-requests', 'pm', 'users', 'teams', 'asset-templates', 'statuses/work-orders', 'statuses/service-requests'])(
		'lists and gets %s',
		async (entity) => {
			const list = await call(sandbox, 'GET', `/api/eam/${entity}?per_page=2`);
			expect(list.status).toBe(200);
			expect(list.body.data.length).toBeGreaterThan(0);
			const one = await call(sandbox, 'GET', `/api/eam/${entity}/${list.body.data[0].key}`);
			// The status lists publish no single-record path.
			if (entity.startsWith('statuses/')) expect(one.status).toBe(404);
			else expect(one.body).toEqual({ data: list.body.data[0] });
		},
	);

	it('answers materials of assets and work orders as (empty) lists, 404 for unknown parents', async () => {
		const asset = sandbox.records('ccn', 'assets')[0];
		const materials = await call(sandbox, 'GET', `/api/eam/assets/${asset.key}/materials`);
		expect(materials.status).toBe(200);
		expect(materials.body).toMatchObject({ data: [], meta: { total: 0 } });
		const wo = sandbox.records('ccn', 'work-orders')[0];
		expect((await call(sandbox, 'GET', `/api/eam/work-orders/${wo.key}/materials`)).status).toBe(200);
		expect((await call(sandbox, 'GET', '/api/eam/assets/000/materials')).status).toBe(404);
	});

	it.each([
		['GET', '/api/eam/assets/00000000000000', 404, 'NOT_FOUND'],
		['GET', '/api/eam/alarms', 404, 'NOT_FOUND'],
		['GET', '/api/eam/assets/x/y/z/w', 404, 'NOT_FOUND'],
		['DELETE', '/api/eam/assets/03010000000001', 405, 'METHOD_NOT_ALLOWED'],
		['POST', '/api/eam/meter-readings', 405, 'METHOD_NOT_ALLOWED'],
		['PUT', '/api/eam/assets-downtime/04010000000001', 405, 'METHOD_NOT_ALLOWED'],
		['GET', '/nothing-here', 404, 'NOT_FOUND'],
		['GET', '/api/eam/assets/%E0%A4%A', 400, 'INVALID_REQUEST'],
	])('%s %s -> %i %s', async (method, path, code, errorCode) => {
		const answer = await call(sandbox, method, path, method === 'GET' || method === 'DELETE' ? {} : { json: {} });
		expect(answer.status).toBe(code);
		expect(answer.body.error).toMatchObject({ code: errorCode, request_id: answer.headers.get('x-request-id') });
		expect(typeof answer.body.error.message).toBe('string');
	});
});
