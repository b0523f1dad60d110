// Settings (per_page cap, error form, record shape, strict/tolerant queries): startup options, configure() and
// PUT /__sandbox/settings; what strict mode does with each query form the contract does not document.
import { startSandbox } from '../../sandbox';
import type { RunningSandbox } from '../../sandbox';
import { allPages, call } from './support';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, control: true, assets: 60 });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.resetSettings());

const q = (s: string) => s.replace(/\[/g, '%5B').replace(/\]/g, '%5D');
const setting = (json: unknown) => call(sandbox, 'PUT', '/__sandbox/settings', { token: null, json });
const downtime = () => sandbox.records('ccn', 'assets-downtime');

describe('control endpoint', () => {
	it('reads, changes and resets the settings', async () => {
		expect((await call(sandbox, 'GET', '/__sandbox/settings', { token: null })).body.data).toEqual({ strict: true, maxPerPage: 500, errorForm: 'error', recordShape: 'key', maxUploadBytes: 10485760 });
		const changed = await setting({ maxPerPage: 5, recordShape: 'v4' });
		expect(changed.body.data).toEqual({ strict: true, maxPerPage: 5, errorForm: 'error', recordShape: 'v4', maxUploadBytes: 10485760 });
		expect((await call(sandbox, 'GET', '/api/eam/sites?per_page=50')).body.meta.per_page).toBe(5);
		expect((await call(sandbox, 'DELETE', '/__sandbox/settings', { token: null })).body.data.maxPerPage).toBe(500);
		expect((await call(sandbox, 'GET', '/api/eam/sites?per_page=50')).body.meta.per_page).toBe(50);
	});

	it('refuses unknown settings and bad values with 400 naming each', async () => {
		const bad = await setting({ maxPerPage: 0, errorForm: 'xml', colour: 'red' });
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.body.error.fields).sort()).toEqual(['colour', 'errorForm', 'maxPerPage']);
		expect(() => sandbox.configure({ recordShape: 'v5' as 'v4' })).toThrow(/recordShape/);
	});

	it('takes settings at startup; reset goes back to them', async () => {
		const other = await startSandbox({ port: 0, assets: 10, settings: { maxPerPage: 10, errorForm: 'status' } });
		try {
			const page = await call(other, 'GET', '/api/eam/meter-readings?per_page=100', { token: other.connections.ccn.token });
			expect(page.body.meta.per_page).toBe(10);
			other.configure({ maxPerPage: 100 });
			other.resetSettings();
			expect((await call(other, 'GET', '/api/eam/assets', { token: null })).body).toEqual({ status: 401, errors: ['Missing bearer token'] });
		} finally {
			await other.close();
		}
	});
});

describe('per_page cap', () => {
	it.each([5, 100])('serves at most %i per page and still reaches every record', async (cap) => {
		sandbox.configure({ maxPerPage: cap });
		const { records, pages } = await allPages(sandbox, '/api/eam/assets', 500);
		expect(records.map((r) => r.key)).toEqual(sandbox.records('ccn', 'assets').map((r) => r.key));
		expect(pages).toBe(Math.ceil(records.length / cap));
	});
});

describe('error form', () => {
	it('answers 401, 404 and 422 as {status, errors}', async () => {
		sandbox.configure({ errorForm: 'status' });
		expect((await call(sandbox, 'GET', '/api/eam/assets', { token: 'nope' })).body).toEqual({ status: 401, errors: ['Invalid bearer token'] });
		expect((await call(sandbox, 'GET', '/api/eam/assets/00000000000000')).body).toEqual({ status: 404, errors: ["No assets record with key '00000000000000'"] });
		const wo = sandbox.records('ccn', 'work-orders')[0];
		const invalid = await call(sandbox, 'PUT', `/api/eam/work-orders/${wo.key}/status`, { json: { statusKey: 'nope' } });
		expect(invalid.status).toBe(422);
		expect(invalid.body).toEqual({ status: 422, errors: ["The statusKey field unknown status key 'nope'."] });
	});
});

describe('v4 record shape', () => {
	beforeEach(() => sandbox.configure({ recordShape: 'v4' }));

	it('serves id/_idValue/_displayValue and _createdAt/_updatedAt/_deletedAt instead of key and the stamps', async () => {
		const stored = sandbox.records('ccn', 'assets')[0];
		const { body } = await call(sandbox, 'GET', `/api/eam/assets/${stored.key as string}`);
		expect(body.data).toMatchObject({ id: stored.key, _idValue: stored.key, _displayValue: stored.name, _updatedAt: stored.updatedAt, _createdAt: stored.createdAt, _deletedAt: null });
		expect(body.data).not.toHaveProperty('key');
		expect(body.data).not.toHaveProperty('updatedAt');
	});

	it('filters and sorts on the v4 names, and refuses the key-shape names', async () => {
		const assets = sandbox.records('ccn', 'assets');
		const tie = assets[0].updatedAt as string;
		const { records } = await allPages(sandbox, `/api/eam/assets?${q(`filter[_updatedAt:gt]=${tie}&sort[_updatedAt]=1`)}`, 50);
		const expected = assets.filter((a) => (a.updatedAt as string) > tie);
		expect(records).toHaveLength(expected.length);
		expect(records.map((r) => r._updatedAt)).toEqual(expected.map((a) => a.updatedAt).sort().reverse());
		const byId = await call(sandbox, 'GET', `/api/eam/assets?${q(`filter[id]=${assets[3].key as string}`)}`);
		expect(byId.body.data.map((r: { id: string }) => r.id)).toEqual([assets[3].key]);
		const keyShape = await call(sandbox, 'GET', `/api/eam/assets?${q(`filter[updatedAt:gt]=${tie}`)}`);
		expect(keyShape.status).toBe(400);
	});
});

describe('strict queries (default)', () => {

	it.each([
		['filter[endedAt]=null', (d: Record<string, unknown>) => d.endedAt === 'null'],
		['filter[endedAt]=', (d: Record<string, unknown>) => d.endedAt === ''],
	])('compares %s as text: a null field matches nothing', async (param, expected) => {
		expect(downtime().some((d) => d.endedAt === null)).toBe(true); // there are open periods to (not) find
		const { status, body } = await call(sandbox, 'GET', `/api/eam/assets-downtime?${q(param)}`);
		expect(status).toBe(200);
		expect(body.meta.total).toBe(downtime().filter(expected).length);
	});

	it('compares a comma list as one text value', async () => {
		const [a, b] = sandbox.records('ccn', 'assets');
		const { body } = await call(sandbox, 'GET', `/api/eam/assets?${q(`filter[key]=${a.key as string},${b.key as string}`)}`);
		expect(body.meta.total).toBe(0);
	});

	it.each([
		['filter[key][]=x', 'filter[key][]'],
		['filter[key][0]=x', 'filter[key][0]'],
		['filter[name:eq]=x', 'filter[name:eq]'],
		['filter[name:in]=x', 'filter[name:in]'],
		['limit=5', 'limit'],
		['cursor=abc', 'cursor'],
		['filter[unit]=h', 'filter[unit]'],
	])('answers %s with 400 naming the parameter', async (param, field) => {
		const { status, body } = await call(sandbox, 'GET', `/api/eam/meters?${q(param)}`);
		expect(status).toBe(400);
		expect(body.error.fields).toHaveProperty([field]);
	});
});

describe('tolerant queries', () => {
	beforeEach(() => sandbox.configure({ strict: false }));

	it('reads null and empty values as "is null", and ignores unknown parameters', async () => {
		const openPeriods = downtime().filter((d) => d.endedAt === null).length;
		expect(openPeriods).toBeGreaterThan(0);
		for (const value of ['null', '']) {
			const { body } = await call(sandbox, 'GET', `/api/eam/assets-downtime?${q(`filter[endedAt]=${value}`)}&limit=5`);
			expect(body.meta.total).toBe(openPeriods);
		}
	});

	it('accepts filter[field][] and filter[field:eq] but still refuses fields the entity does not have', async () => {
		const [a] = sandbox.records('ccn', 'assets');
		const listed = await call(sandbox, 'GET', `/api/eam/assets?${q(`filter[key][]=${a.key as string}&filter[key:eq]=${a.key as string}`)}`);
		expect(listed.body.data.map((r: { key: string }) => r.key)).toEqual([a.key]);
		expect((await call(sandbox, 'GET', `/api/eam/meters?${q('filter[unit]=h')}`)).status).toBe(400);
	});
});
