// Fault-injection scenarios, per connection at run time: latency, rate limit, error share, resets, truncated JSON,
// lost write responses, reauthorization, slow source; their isolation, determinism, stats and control endpoints.
import { get } from 'node:http';
import { startSandbox } from '../../sandbox';
import type { RunningSandbox } from '../../sandbox';
import { call, sleep } from './support';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, control: true });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.resetScenarios());

const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
	const started = Date.now();
	const value = await fn();
	return [value, Date.now() - started];
};

/** A raw fetch that reports transport failures instead of throwing. */
async function attempt(path: string, init: RequestInit = {}, token = sandbox.connections.ccn.token): Promise<{ status: number; text: string } | 'failed'> {
	try {
		const res = await fetch(`${sandbox.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
		return { status: res.status, text: await res.text() };
	} catch {
		return 'failed';
	}
}

describe('scenarios', () => {
	it('latencyMs delays every data request of that connection only', async () => {
		sandbox.setScenario('ccn', { latencyMs: 600 });
		const [slow, ms] = await timed(() => call(sandbox, 'GET', '/api/eam/sites'));
		expect(slow.status).toBe(200);
		expect(ms).toBeGreaterThanOrEqual(590);
		const [, other] = await timed(() => call(sandbox, 'GET', '/api/eam/sites', { token: sandbox.connections.cmms.token }));
		expect(other).toBeLessThan(450);
	});

	it('rateLimitPerMinute answers 429 RATE_LIMIT_EXCEEDED with Retry-After in seconds past the limit', async () => {
		sandbox.setScenario('ccn', { rateLimitPerMinute: 3 });
		const statuses: number[] = [];
		let last;
		for (let i = 0; i < 5; i++) {
			last = await call(sandbox, 'GET', '/api/eam/sites');
			statuses.push(last.status);
		}
		expect(statuses).toEqual([200, 200, 200, 429, 429]);
		const retryAfter = Number(last!.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThanOrEqual(59);
		expect(retryAfter).toBeLessThanOrEqual(60);
		expect(last!.body.error).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', type: 'rate_limit', request_id: last!.headers.get('x-request-id') });
		expect((await call(sandbox, 'GET', '/api/eam/sites', { token: sandbox.connections.cmms.token })).status).toBe(200);
	});

	it('errorRate 1 answers one of errorStatuses with the matching error codes, before processing', async () => {
		sandbox.setScenario('ccn', { errorRate: 1 });
		const seen = new Map<number, string>();
		for (let i = 0; i < 30; i++) {
			const { status, body } = await call(sandbox, 'GET', '/api/eam/assets');
			seen.set(status, body.error.code);
		}
		expect(Object.fromEntries(seen)).toEqual({ 500: 'INTERNAL_ERROR', 502: 'UPSTREAM_ERROR', 503: 'SERVICE_UNAVAILABLE' });
		sandbox.setScenario('ccn', { errorRate: 1, errorStatuses: [504] });
		const count = sandbox.records('ccn', 'work-orders').length;
		const write = await call(sandbox, 'POST', '/api/eam/work-orders', { json: { title: 'never stored' } });
		expect(write.status).toBe(504);
		expect(sandbox.records('ccn', 'work-orders')).toHaveLength(count);
	});

	it('errorRate 0.3 fails about 30% of requests, the same ones for the same seed', async () => {
		const run = async () => {
			sandbox.setScenario('ccn', { errorRate: 0.3 });
			const out: number[] = [];
			for (let i = 0; i < 60; i++) out.push((await call(sandbox, 'GET', '/api/eam/teams')).status);
			return out;
		};
		const first = await run();
		const failures = first.filter((s) => s !== 200).length;
		expect(failures).toBeGreaterThanOrEqual(8);
		expect(failures).toBeLessThanOrEqual(30);
		expect(await run()).toEqual(first);
	});

	it('resetRate 1 drops the connection without an answer', async () => {
		sandbox.setScenario('ccn', { resetRate: 1 });
		expect(await attempt('/api/eam/assets')).toBe('failed');
		expect(await attempt('/api/eam/assets', {}, sandbox.connections.cmms.token)).toMatchObject({ status: 200 });
	});

	it('truncateRate 1 cuts 200 answers off mid-JSON', async () => {
		sandbox.setScenario('ccn', { truncateRate: 1 });
		const { declared, received } = await new Promise<{ declared: number; received: string }>((resolve, reject) => {
			const req = get(`${sandbox.url}/api/eam/assets?per_page=100`, { headers: { authorization: `Bearer ${sandbox.connections.ccn.token}` } }, (res) => {
				let text = '';
				res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
				res.on('close', () => resolve({ declared: Number(res.headers['content-length']), received: text }));
			});
			req.on('error', reject);
		});
		expect(received.length).toBeGreaterThan(0);
		expect(Buffer.byteLength(received)).toBeLessThan(declared);
		expect(received.startsWith('{"data":[')).toBe(true);
		expect(() => JSON.parse(received)).toThrow();
		// Non-200 answers are left whole.
		expect(await attempt('/api/eam/assets/nope')).toMatchObject({ status: 404 });
	});

	it('lostResponseRate 1 applies writes and then drops the answer (outcome unknown to the client)', async () => {
		sandbox.setScenario('ccn', { lostResponseRate: 1 });
		const title = `Lost answer ${Date.now()}`;
		expect(await attempt('/api/eam/work-orders', { method: 'POST', body: JSON.stringify({ title }) })).toBe('failed');
		expect(sandbox.records('ccn', 'work-orders').filter((w) => w.title === title)).toHaveLength(1);
		// Reads are not affected.
		expect(await attempt('/api/eam/work-orders')).toMatchObject({ status: 200 });
	});

	it('reauthorizationRequired answers data requests with 401 REAUTHORIZATION_REQUIRED and sync_status fail', async () => {
		const put = await call(sandbox, 'PUT', '/__sandbox/connections/ccn/scenario', { token: null, json: { reauthorizationRequired: true } });
		expect(put.status).toBe(200);
		const data = await call(sandbox, 'GET', '/api/eam/assets');
		expect(data.status).toBe(401);
		expect(data.body.error).toMatchObject({ code: 'REAUTHORIZATION_REQUIRED', type: 'authentication' });
		const current = await call(sandbox, 'GET', '/api/integrations/current');
		expect(current.status).toBe(200);
		expect(current.body.data.sync_status).toBe('fail');
		const del = await call(sandbox, 'DELETE', '/__sandbox/connections/ccn/scenario', { token: null });
		expect(del.status).toBe(200);
		expect((await call(sandbox, 'GET', '/api/integrations/current')).body.data.sync_status).toBe('done');
		expect((await call(sandbox, 'GET', '/api/eam/assets')).status).toBe(200);
	});

	it('slowMs holds the answer long enough to trip a client timeout', async () => {
		sandbox.setScenario('ccn', { slowMs: 800 });
		const aborted = await fetch(`${sandbox.url}/api/eam/sites`, { headers: { authorization: `Bearer ${sandbox.connections.ccn.token}` }, signal: AbortSignal.timeout(200) }).then(
			() => 'answered',
			() => 'timed out',
		);
		expect(aborted).toBe('timed out');
		const [answer, ms] = await timed(() => call(sandbox, 'GET', '/api/eam/sites'));
		expect(answer.status).toBe(200);
		expect(ms).toBeGreaterThanOrEqual(790);
	});

	it('each setScenario replaces the previous one; resetScenarios heals every connection', async () => {
		sandbox.setScenario('ccn', { errorRate: 1 });
		sandbox.setScenario('ccn', { latencyMs: 1 });
		expect((await call(sandbox, 'GET', '/api/eam/sites')).status).toBe(200);
		sandbox.setScenario('cmms', { errorRate: 1 });
		sandbox.resetScenarios();
		expect((await call(sandbox, 'GET', '/api/eam/sites', { token: sandbox.connections.cmms.token })).status).toBe(200);
	});

	it('counts requests, faults and statuses per connection and overall', async () => {
		const before = sandbox.stats('cmms');
		const beforeAll = sandbox.stats();
		sandbox.setScenario('cmms', { errorRate: 1, errorStatuses: [503] });
		await call(sandbox, 'GET', '/api/eam/sites', { token: sandbox.connections.cmms.token });
		sandbox.setScenario('cmms', { resetRate: 1 });
		await attempt('/api/eam/sites', {}, sandbox.connections.cmms.token);
		sandbox.resetScenarios();
		await call(sandbox, 'GET', '/api/eam/sites', { token: sandbox.connections.cmms.token });
		await sleep(20);
		const after = sandbox.stats('cmms');
		expect(after.requests - before.requests).toBe(3);
		expect(after.faults - before.faults).toBe(2);
		expect((after.byStatus['503'] ?? 0) - (before.byStatus['503'] ?? 0)).toBe(1);
		expect((after.byStatus.reset ?? 0) - (before.byStatus.reset ?? 0)).toBe(1);
		expect(sandbox.stats().requests - beforeAll.requests).toBeGreaterThanOrEqual(3);
		const overHttp = await call(sandbox, 'GET', '/__sandbox/stats?connection=cmms', { token: null });
		expect(overHttp.body.data).toEqual(sandbox.stats('cmms'));
	});

	it('validates scenarios on the control endpoint', async () => {
		const bad = await call(sandbox, 'PUT', '/__sandbox/connections/ccn/scenario', { token: null, json: { errorRate: 2, errorStatuses: [200], chaos: true, slowMs: -1 } });
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.body.error.fields).sort()).toEqual(['chaos', 'errorRate', 'errorStatuses', 'slowMs']);
		expect((await call(sandbox, 'PUT', '/__sandbox/connections/nope/scenario', { token: null, json: {} })).status).toBe(404);
		expect(() => sandbox.setScenario('nope', {})).toThrow(/Unknown sandbox connection/);
		expect(() => sandbox.setScenario('ccn', { errorRate: 1.5 })).toThrow('Invalid scenario: errorRate must be a number from 0 to 1');
	});
});
