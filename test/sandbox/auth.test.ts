// Authentication: bearer tokens per connection (isolation), X-Request-Id everywhere, Makini Link OAuth 2.0
// (authorization code, refresh, expiry on demand), client credentials and the system API, control switch.
import { startSandbox } from '../../sandbox';
import type { RunningSandbox } from '../../sandbox';
import { call } from './support';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, control: true });
});
afterAll(() => sandbox.close());

const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';
const client = () => ({ client_id: sandbox.oauthClient.clientId, client_secret: sandbox.oauthClient.clientSecret });

async function authorizeCode(connection?: string): Promise<{ code: string; state: string | null }> {
	const params = new URLSearchParams({ client_id: sandbox.oauthClient.clientId, redirect_uri: redirectUri, response_type: 'code', state: 'st-1' });
	if (connection) params.set('connection', connection);
	const answer = await call(sandbox, 'GET', `/oauth/authorize?${params}`, { token: null });
	expect(answer.status).toBe(302);
	const location = new URL(answer.headers.get('location')!);
	expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
	return { code: location.searchParams.get('code')!, state: location.searchParams.get('state') };
}

const exchange = (code: string) =>
	call(sandbox, 'POST', '/link/token', { token: null, form: { grant_type: 'authorization_code', code, redirect_uri: redirectUri, ...client() } });

describe('bearer tokens', () => {
	it.each([
		['no Authorization header', null, 'Missing bearer token'],
		['an unknown token', 'mk_sbx_ccn_not-a-token', 'Invalid bearer token'],
	])('answers %s with 401 AUTHENTICATION_FAILED', async (_what, token, message) => {
		for (const path of ['/api/eam/assets', '/api/integrations/current']) {
			const { status, body, headers } = await call(sandbox, 'GET', path, { token });
			expect(status).toBe(401);
			expect(body).toEqual({ error: { code: 'AUTHENTICATION_FAILED', type: 'authentication', message, request_id: headers.get('x-request-id') } });
			expect(JSON.stringify(body)).not.toContain(sandbox.connections.ccn.token);
		}
	});

	it("keeps each connection's data to its own token", async () => {
		const { ccn, cmms } = sandbox.connections;
		const ccnAssets = await call(sandbox, 'GET', '/api/eam/assets?per_page=500', { token: ccn.token });
		const cmmsAssets = await call(sandbox, 'GET', '/api/eam/assets?per_page=500', { token: cmms.token });
		expect(ccnAssets.body.meta.total).toBe(sandbox.records('ccn', 'assets').length);
		expect(cmmsAssets.body.meta.total).toBe(sandbox.records('cmms', 'assets').length);
		const ccnKeys = new Set(ccnAssets.body.data.map((a: { key: string }) => a.key));
		expect(cmmsAssets.body.data.some((a: { key: string }) => ccnKeys.has(a.key))).toBe(false);
		const cmmsKey = cmmsAssets.body.data[0].key;
		expect((await call(sandbox, 'GET', `/api/eam/assets/${cmmsKey}`, { token: ccn.token })).status).toBe(404);
		expect((await call(sandbox, 'GET', `/api/eam/assets/${cmmsKey}`, { token: cmms.token })).status).toBe(200);
		const write = await call(sandbox, 'PUT', `/api/eam/assets/${cmmsKey}`, { token: ccn.token, json: { notes: 'x' } });
		expect(write.status).toBe(404);
	});

	it('tells which connection a token belongs to at /api/integrations/current', async () => {
		for (const c of Object.values(sandbox.connections)) {
			const { status, body } = await call(sandbox, 'GET', '/api/integrations/current', { token: c.token });
			expect(status).toBe(200);
			expect(body.data).toMatchObject({ id: c.id, company_name: c.name, provider: c.provider, sync_status: 'done' });
			expect(Object.keys(body.data).sort()).toEqual(['company_name', 'email', 'id', 'provider', 'sync_status', 'sync_updated_at', 'updated_at']);
		}
	});
});

describe('X-Request-Id', () => {
	it.each([
		['GET', '/api/eam/assets', undefined],
		['GET', '/api/eam/assets/nope', undefined],
		['GET', '/api/eam/assets', null],
		['POST', '/link/token', null],
		['GET', '/oauth/authorize', null],
		['GET', '/__sandbox/stats', null],
		['GET', '/', null],
	])('is on the answer to %s %s (token %p)', async (method, path, token) => {
		const answer = await call(sandbox, method, path, { token, ...(method === 'POST' ? { form: {} } : {}) });
		expect(answer.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{16}$/);
	});

	it('is different for every request', async () => {
		const ids = await Promise.all([1, 2, 3].map(() => call(sandbox, 'GET', '/api/eam/sites').then((a) => a.headers.get('x-request-id'))));
		expect(new Set(ids).size).toBe(3);
	});
});

describe('Makini Link OAuth 2.0', () => {
	it('authorizes, exchanges the code for a pair with an ABSOLUTE expires_in, and the token reads its connection', async () => {
		const { code, state } = await authorizeCode('cmms');
		expect(state).toBe('st-1');
		const { status, body } = await exchange(code);
		expect(status).toBe(200);
		expect(body).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String), refresh_token: expect.any(String) });
		const now = Date.now() / 1000;
		expect(body.expires_in).toBeGreaterThan(now + 29 * 86400);
		expect(body.expires_in).toBeLessThan(now + 31 * 86400);
		const current = await call(sandbox, 'GET', '/api/integrations/current', { token: body.access_token });
		expect(current.body.data.id).toBe('cmms');
		// Single use.
		const again = await exchange(code);
		expect(again.status).toBe(400);
		expect(again.body.error).toBe('invalid_grant');
	});

	it('defaults to the first connection (ccn) and accepts client credentials as HTTP Basic', async () => {
		const { code } = await authorizeCode();
		const basic = Buffer.from(`${sandbox.oauthClient.clientId}:${sandbox.oauthClient.clientSecret}`).toString('base64');
		const res = await fetch(`${sandbox.url}/link/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
			body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }).toString(),
		});
		const pair = (await res.json()) as { access_token: string };
		expect(res.status).toBe(200);
		expect((await call(sandbox, 'GET', '/api/integrations/current', { token: pair.access_token })).body.data.id).toBe('ccn');
	});

	it('expires access tokens on demand (401), and a refresh gives a new working pair', async () => {
		const { body: pair } = await exchange((await authorizeCode('ccn')).code);
		expect((await call(sandbox, 'GET', '/api/eam/sites', { token: pair.access_token })).status).toBe(200);
		const expired = await call(sandbox, 'POST', '/__sandbox/connections/ccn/expire-tokens', { token: null });
		expect(expired.body.data.expired).toBeGreaterThanOrEqual(1);
		const rejected = await call(sandbox, 'GET', '/api/eam/sites', { token: pair.access_token });
		expect(rejected.status).toBe(401);
		expect(rejected.body.error).toMatchObject({ code: 'AUTHENTICATION_FAILED', message: 'Access token expired' });
		// The static connection token is not affected.
		expect((await call(sandbox, 'GET', '/api/eam/sites')).status).toBe(200);
		const refreshed = await call(sandbox, 'POST', '/link/token', { token: null, form: { grant_type: 'refresh_token', refresh_token: pair.refresh_token, ...client() } });
		expect(refreshed.status).toBe(200);
		expect(refreshed.body.access_token).not.toBe(pair.access_token);
		expect(refreshed.body.refresh_token).not.toBe(pair.refresh_token);
		expect(refreshed.body.expires_in).toBeGreaterThan(Date.now() / 1000 + 29 * 86400);
		expect((await call(sandbox, 'GET', '/api/eam/sites', { token: refreshed.body.access_token })).status).toBe(200);
	});

	it.each([
		['a wrong client secret', { grant_type: 'client_credentials', client_id: 'makini-sandbox-client', client_secret: 'wrong' }, 401, 'invalid_client'],
		['an unknown refresh token', { grant_type: 'refresh_token', refresh_token: 'mk_rt_nope' }, 400, 'invalid_grant'],
		['an unknown grant type', { grant_type: 'password' }, 400, 'unsupported_grant_type'],
		['an unknown code', { grant_type: 'authorization_code', code: 'mk_code_nope', redirect_uri: redirectUri }, 400, 'invalid_grant'],
	])('refuses %s', async (_what, form, code, error) => {
		const withClient = 'client_secret' in form ? form : { ...form, ...client() };
		const answer = await call(sandbox, 'POST', '/link/token', { token: null, form: withClient as Record<string, string> });
		expect(answer.status).toBe(code);
		expect(answer.body).toMatchObject({ error, error_description: expect.any(String) });
		expect(JSON.stringify(answer.body)).not.toContain(sandbox.oauthClient.clientSecret);
	});

	it('refuses a code redeemed with another redirect_uri, and authorize requests from unknown clients', async () => {
		const { code } = await authorizeCode();
		const answer = await call(sandbox, 'POST', '/link/token', { token: null, form: { grant_type: 'authorization_code', code, redirect_uri: 'http://evil.example/cb', ...client() } });
		expect(answer.status).toBe(400);
		const unknown = await call(sandbox, 'GET', `/oauth/authorize?client_id=other&redirect_uri=${encodeURIComponent(redirectUri)}&response_type=code`, { token: null });
		expect(unknown.status).toBe(400);
	});
});

describe('system API (client credentials)', () => {
	const admin = async () => (await call(sandbox, 'POST', '/link/token', { token: null, json: { grant_type: 'client_credentials', ...client() } })).body;

	it('issues an admin token with an absolute expires_in; connection tokens do not open the system API', async () => {
		const token = await admin();
		expect(token).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String) });
		expect(token.expires_in).toBeGreaterThan(Date.now() / 1000);
		const denied = await call(sandbox, 'GET', '/api/system/connections');
		expect(denied.status).toBe(401);
		expect(denied.body.error.code).toBe('AUTHENTICATION_FAILED');
	});

	it('lists connections, creates one, and issues a token that sees only the new (empty) connection', async () => {
		const { access_token } = await admin();
		const listed = await call(sandbox, 'GET', '/api/system/connections', { token: access_token });
		expect(listed.status).toBe(200);
		expect(listed.body.data.map((c: { key: string }) => c.key)).toEqual(expect.arrayContaining(['ccn', 'cmms']));
		const invalid = await call(sandbox, 'POST', '/api/system/connections', { token: access_token, json: { name: 'X', email: 'not-an-email' } });
		expect(invalid.status).toBe(422);
		expect(invalid.body.error.fields).toEqual({ email: 'must be an email address', provider: 'is required' });
		const created = await call(sandbox, 'POST', '/api/system/connections', { token: access_token, json: { name: 'Lakeshore CCN', email: 'ops@lakeshore.example', provider: 'carrier-ccn', credentials: [] } });
		expect(created.status).toBe(200);
		// ConnectionStore is the token pair only (no key): the key is found by listing connections.
		expect(Object.keys(created.body.data).sort()).toEqual(['access_token', 'expires_in', 'refresh_token']);
		expect(Number(created.body.data.expires_in)).toBeGreaterThan(Date.now() / 1000);
		const after = await call(sandbox, 'GET', '/api/system/connections', { token: access_token });
		const id = after.body.data.find((c: { name: string }) => c.name === 'Lakeshore CCN').key;
		expect((await call(sandbox, 'GET', '/api/eam/assets', { token: created.body.data.access_token })).body.meta.total).toBe(0);
		const issued = await call(sandbox, 'POST', `/api/system/connections/${id}/token`, { token: access_token });
		expect(issued.status).toBe(200);
		const current = await call(sandbox, 'GET', '/api/integrations/current', { token: issued.body.data.token });
		expect(current.body.data).toMatchObject({ id, company_name: 'Lakeshore CCN', provider: 'carrier-ccn' });
		expect((await call(sandbox, 'GET', '/api/eam/statuses/work-orders', { token: issued.body.data.token })).body.data.length).toBeGreaterThan(0);
		expect((await call(sandbox, 'POST', '/api/system/connections/nope/token', { token: access_token })).status).toBe(404);
	});
});

describe('control endpoints', () => {
	it('list connection credentials and the OAuth client when control is on', async () => {
		const { body } = await call(sandbox, 'GET', '/__sandbox/connections', { token: null });
		expect(body.data.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['ccn', 'cmms']));
		expect(body.data.find((c: { id: string }) => c.id === 'ccn')).toMatchObject(sandbox.connections.ccn);
		expect(body.client).toEqual({ client_id: sandbox.oauthClient.clientId, client_secret: sandbox.oauthClient.clientSecret });
	});

	it('are absent when control is off', async () => {
		const closed = await startSandbox({ port: 0 });
		try {
			for (const path of ['/__sandbox/connections', '/__sandbox/stats', '/__sandbox/deliveries']) {
				const res = await fetch(`${closed.url}${path}`);
				expect(res.status).toBe(404);
			}
			const res = await fetch(`${closed.url}/__sandbox/connections/ccn/scenario`, { method: 'PUT', body: '{"errorRate":1}' });
			expect(res.status).toBe(404);
		} finally {
			await closed.close();
		}
	});
});
