// Lists: paging covers every record exactly once, meta/links, per_page clamp, every filter operator, filterMatch, sort.
import { startSandbox } from '../../sandbox';
import type { RunningSandbox } from '../../sandbox';
import { allPages, call } from './support';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, control: true, assets: 120 });
});
afterAll(() => sandbox.close());

const keysOf = (records: Array<Record<string, unknown>>) => records.map((r) => String(r.key));
const q = (s: string) => s.replace(/\[/g, '%5B').replace(/\]/g, '%5D');

describe('paging', () => {
	it.each([
		['assets', 7],
		['assets', 50],
		['meter-readings', 500],
		['work-orders', 13],
		['locations', 1000],
	])('serves every %s record exactly once at per_page=%i, in key order', async (entity, perPage) => {
		const expected = keysOf(sandbox.records('ccn', entity) as Array<{ key: string }>);
		const { records } = await allPages(sandbox, `/api/eam/${entity}`, perPage);
		expect(keysOf(records)).toEqual(expected);
		expect(new Set(keysOf(records)).size).toBe(expected.length);
	});

	it('reports meta and links consistently, and keeps the query in the links', async () => {
		const total = sandbox.records('ccn', 'assets').length;
		const { status, body } = await call(sandbox, 'GET', `/api/eam/assets?per_page=25&page=2&${q('filter[isActive]=true')}`);
		expect(status).toBe(200);
		const active = sandbox.records('ccn', 'assets').filter((a) => a.isActive === true).length;
		expect(active).toBeLessThan(total);
		expect(body.meta).toEqual({
			current_page: 2,
			from: 26,
			last_page: Math.ceil(active / 25),
			path: `${sandbox.url}/api/eam/assets`,
			per_page: 25,
			to: 50,
			total: active,
		});
		expect(new URL(body.links.next).searchParams.get('page')).toBe('3');
		expect(new URL(body.links.prev).searchParams.get('page')).toBe('1');
		expect(new URL(body.links.first).searchParams.get('filter[isActive]')).toBe('true');
		expect(new URL(body.links.last).searchParams.get('page')).toBe(String(Math.ceil(active / 25)));
	});

	it('defaults to 50 per page and clamps larger per_page values to 500', async () => {
		const plain = await call(sandbox, 'GET', '/api/eam/meter-readings');
		expect(plain.body.meta.per_page).toBe(50);
		expect(plain.body.data).toHaveLength(50);
		const big = await call(sandbox, 'GET', '/api/eam/meter-readings?per_page=5000');
		expect(big.body.meta.per_page).toBe(500);
		expect(big.body.data).toHaveLength(500);
	});

	it('answers a page past the end with no data and null next', async () => {
		const { body } = await call(sandbox, 'GET', '/api/eam/sites?page=99');
		expect(body.data).toEqual([]);
		expect(body.meta).toMatchObject({ current_page: 99, from: null, to: null, total: sandbox.records('ccn', 'sites').length });
		expect(body.links.next).toBeNull();
	});

	it.each(['page=0', 'page=abc', 'per_page=-5', 'per_page=1.5'])('rejects %s with 400', async (param) => {
		const { status, body } = await call(sandbox, 'GET', `/api/eam/assets?${param}`);
		expect(status).toBe(400);
		expect(body.error).toMatchObject({ code: 'INVALID_REQUEST', type: 'invalid_request' });
	});
});

describe('filters', () => {
	const list = async (query: string) => {
		const answer = await call(sandbox, 'GET', `/api/eam/${query}${query.includes('?') ? '&' : '?'}per_page=500`);
		expect(answer.status).toBe(200);
		expect(answer.body.meta.total).toBeLessThanOrEqual(500);
		return answer.body.data as Array<Record<string, any>>;
	};
	const assets = () => sandbox.records('ccn', 'assets');

	it('equals, on strings and booleans', async () => {
		const chillers = await list(q('assets?filter[categoryName]=Centrifugal Chiller'));
		expect(chillers.length).toBeGreaterThan(0);
		expect(keysOf(chillers)).toEqual(keysOf(assets().filter((a) => a.categoryName === 'Centrifugal Chiller')));
		const inactive = await list(q('assets?filter[isActive]=false'));
		expect(inactive.length).toBeGreaterThan(0);
		expect(inactive.every((a) => a.isActive === false)).toBe(true);
	});

	it('contains is a case-insensitive substring match', async () => {
		const found = await list(q('assets?filter[name:contains]=CHILLER'));
		expect(found.length).toBeGreaterThan(0);
		expect(keysOf(found)).toEqual(keysOf(assets().filter((a) => String(a.name).toLowerCase().includes('chiller'))));
	});

	it('startsWith matches prefixes only', async () => {
		const found = await list(q('assets?filter[name:startsWith]=AHU-'));
		expect(found.length).toBeGreaterThan(0);
		expect(found.every((a) => a.name.startsWith('AHU-'))).toBe(true);
		expect(found.length).toBe(assets().filter((a) => String(a.name).startsWith('AHU-')).length);
		expect(await list(q('assets?filter[name:startsWith]=air handler'))).toEqual([]);
	});

	it('gt / gteq / lt / lteq (and the published alias lted) on timestamps, with ties at the boundary', async () => {
		const stamps = assets().map((a) => a.updatedAt as string).sort();
		// A timestamp several records share: the boundary case that incremental reads depend on.
		const tie = stamps.find((s, i) => stamps[i + 1] === s)!;
		expect(tie).toBeDefined();
		const count = (pred: (s: string) => boolean) => stamps.filter(pred).length;
		const page = async (op: string) => (await call(sandbox, 'GET', `/api/eam/assets?${q(`filter[updatedAt:${op}]=${tie}`)}&per_page=1`)).body.meta.total;
		expect(await page('gt')).toBe(count((s) => s > tie));
		expect(await page('gteq')).toBe(count((s) => s >= tie));
		expect(await page('lt')).toBe(count((s) => s < tie));
		expect(await page('lteq')).toBe(count((s) => s <= tie));
		expect(await page('lted')).toBe(count((s) => s <= tie));
		expect((await page('gteq')) - (await page('gt'))).toBeGreaterThan(1);
	});

	it('reads an unencoded + in a time-zone offset (arriving as a space) as +', async () => {
		const tie = sandbox.records('ccn', 'assets')[0].updatedAt as string;
		const local = new Date(Date.parse(tie)).toISOString().replace('Z', '+00:00');
		const encoded = await call(sandbox, 'GET', `/api/eam/assets?${q('filter[updatedAt:gteq]=')}${encodeURIComponent(local)}&per_page=1`);
		const raw = await call(sandbox, 'GET', `/api/eam/assets?${q('filter[updatedAt:gteq]=')}${local}&per_page=1`);
		expect(raw.status).toBe(200);
		expect(raw.body.meta.total).toBe(encoded.body.meta.total);
		expect(raw.body.meta.total).toBe(assets().filter((a) => (a.updatedAt as string) >= tie).length);
	});

	it('compares dates given without a time, and strings (readings are published as strings) as text', async () => {
		const day = (sandbox.records('ccn', 'assets')[0].createdAt as string).slice(0, 10);
		const created = await call(sandbox, 'GET', `/api/eam/assets?${q(`filter[createdAt:gteq]=${day}`)}&per_page=1`);
		expect(created.body.meta.total).toBe(assets().filter((a) => (a.createdAt as string) >= `${day}T00:00:00.000Z`).length);
		const readings = sandbox.records('ccn', 'meter-readings');
		const text = await call(sandbox, 'GET', `/api/eam/meter-readings?${q('filter[reading:gt]=5')}&per_page=1`);
		expect(text.body.meta.total).toBe(readings.filter((r) => (r.reading as string) > '5').length);
		// As numbers, "44.1" > 5 and "1234.5" > 5; as text only the first is.
		expect(text.body.meta.total).toBeLessThan(readings.filter((r) => Number(r.reading) > 5).length);
		expect(text.body.meta.total).toBeGreaterThan(0);
	});

	it('combines filters with filterMatch=all (default) and filterMatch=any', async () => {
		const a = 'filter[categoryName]=Rooftop Unit';
		const b = 'filter[criticality]=low';
		const all = await call(sandbox, 'GET', `/api/eam/assets?${q(`${a}&${b}`)}&per_page=1`);
		const any = await call(sandbox, 'GET', `/api/eam/assets?${q(`${a}&${b}`)}&filterMatch=any&per_page=1`);
		const isA = (x: Record<string, unknown>) => x.categoryName === 'Rooftop Unit';
		const isB = (x: Record<string, unknown>) => x.criticality === 'low';
		expect(all.body.meta.total).toBe(assets().filter((x) => isA(x) && isB(x)).length);
		expect(any.body.meta.total).toBe(assets().filter((x) => isA(x) || isB(x)).length);
		expect(any.body.meta.total).toBeGreaterThan(all.body.meta.total);
	});

	it('matches array fields by any element (meters by assetKeys)', async () => {
		const meter = sandbox.records('ccn', 'meters')[3];
		const [assetKey] = meter.assetKeys as string[];
		const found = await list(q(`meters?filter[assetKeys]=${assetKey}`));
		expect(found.map((m) => m.key)).toContain(meter.key);
		expect(found.every((m) => (m.assetKeys as string[]).includes(assetKey))).toBe(true);
	});

	it.each([
		['filter[colour]=red', 'filter[colour]'],
		['filter[name:like]=x', 'filter[name:like]'],
		['sort[colour]=1', 'sort[colour]'],
		['sort[name]=up', 'sort[name]'],
		['filterMatch=some', 'filterMatch'],
		['filter[updatedAt:gt]=yesterday', 'filter[updatedAt:gt]'],
	])('rejects %s with 400 naming the parameter', async (param, field) => {
		const { status, body, headers } = await call(sandbox, 'GET', `/api/eam/assets?${q(param)}`);
		expect(status).toBe(400);
		expect(body.error.code).toBe('INVALID_REQUEST');
		expect(body.error.fields).toHaveProperty([field]);
		expect(body.error.request_id).toBe(headers.get('x-request-id'));
	});
});

describe('sort', () => {
	it('sort[field]=0 is ascending and =1 descending, ties ordered by key', async () => {
		for (const direction of ['0', '1']) {
			const { records } = await allPages(sandbox, `/api/eam/assets?${q(`sort[updatedAt]=${direction}`)}`, 40);
			const expected = sandbox
				.records('ccn', 'assets')
				.slice()
				.sort((x, y) => {
					const a = x.updatedAt as string;
					const b = y.updatedAt as string;
					const c = a < b ? -1 : a > b ? 1 : 0;
					return (direction === '1' ? -c : c) || (String(x.key) < String(y.key) ? -1 : 1);
				});
			expect(keysOf(records)).toEqual(keysOf(expected));
		}
	});

	it('sorts by several fields in the order given, after filtering', async () => {
		const { body } = await call(sandbox, 'GET', `/api/eam/assets?${q('sort[categoryName]=0&sort[name]=1&filter[isPhysical]=true')}&per_page=500`);
		const rows = body.data as Array<{ categoryName: string; name: string; isPhysical: boolean }>;
		expect(rows.every((r) => r.isPhysical)).toBe(true);
		for (let i = 1; i < rows.length; i++) {
			const [p, c] = [rows[i - 1], rows[i]];
			expect(p.categoryName <= c.categoryName).toBe(true);
			if (p.categoryName === c.categoryName) expect(p.name >= c.name).toBe(true);
		}
	});

	it('a write changes what a cached sort returns', async () => {
		const first = await call(sandbox, 'GET', `/api/eam/sites?${q('sort[updatedAt]=1')}&per_page=1`);
		const last = sandbox.records('ccn', 'sites').map((s) => s.key).filter((k) => k !== first.body.data[0].key).pop()!;
		await call(sandbox, 'POST', `/__sandbox/connections/ccn/changes`, { json: { entity: 'sites', key: last, patch: { notes: 'touched' } } });
		const again = await call(sandbox, 'GET', `/api/eam/sites?${q('sort[updatedAt]=1')}&per_page=1`);
		expect(again.body.data[0]).toMatchObject({ key: last, notes: 'touched' });
	});
});
