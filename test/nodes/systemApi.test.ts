// The System API through n8n-core's real contexts against the strict sandbox: the admin credential's
// preAuthentication (and its renewal on 401), the provisioning round trip, metadata, platforms, client, and the
// connection-token extras (passthrough, raw tables, disconnect).
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Makini } from '../../nodes/Makini/Makini.node';
import { MakiniSystem } from '../../nodes/Makini/MakiniSystem.node';
import type { CredentialStore } from '../harness/execute';
import { allText, runNode } from '../harness/execute';
import { useSandbox } from '../harness/sandbox';

const fx = useSandbox();
const system = new MakiniSystem();
const makini = new Makini();

const adminCredentials = (): CredentialStore => ({
	makiniSystemApi: { baseUrl: `${fx.sandbox.url}/`, clientId: fx.sandbox.oauthClient.clientId, clientSecret: fx.sandbox.oauthClient.clientSecret },
});
const runSystem = async (parameters: INodeParameters, credentials = adminCredentials(), items?: Array<{ json: IDataObject }>) =>
	(await runNode({ node: system, parameters, credentials, items }))[0].map((i) => i.json);
const runMakini = async (parameters: INodeParameters, token: string, continueOnFail = false) =>
	(await runNode({ node: makini, parameters, credentials: fx.tokenCredentials('ccn', token), continueOnFail }))[0].map((i) => i.json);

async function provision(name: string): Promise<{ key: string; access_token: string }> {
	const [created] = await runSystem({ resource: 'connection', operation: 'create', name, email: 'ops@lakeshore.example', provider: 'carrier-ccn', platformCredentials: '{"api":"https://gw.lakeshore.example","login":"n8n","password":"pw"}' });
	return created as { key: string; access_token: string };
}

describe('Makini System API credential', () => {
	test('gets the admin token with preAuthentication, saves it, and reuses it', async () => {
		const credentials = adminCredentials();
		const [client] = await runSystem({ resource: 'client', operation: 'get' }, credentials);
		expect(client).toMatchObject({ id: fx.sandbox.oauthClient.clientId, name: expect.any(String), redirects: expect.any(Array) });
		const saved = credentials.makiniSystemApi.adminToken as string;
		expect(saved).toMatch(/^mk_admin_/);
		// A second run with the saved token does not ask for a new one.
		await runSystem({ resource: 'platform', operation: 'getAll', returnAll: true }, credentials);
		expect(credentials.makiniSystemApi.adminToken).toBe(saved);
	});

	test('an expired admin token (401) makes n8n run preAuthentication again, and the request succeeds', async () => {
		const credentials = adminCredentials();
		await runSystem({ resource: 'client', operation: 'get' }, credentials);
		const first = credentials.makiniSystemApi.adminToken;
		const expired = await fetch(`${fx.sandbox.url}/__sandbox/admin/expire-tokens`, { method: 'POST' });
		expect(((await expired.json()) as IDataObject & { data: { expired: number } }).data.expired).toBeGreaterThan(0);
		const out = await runSystem({ resource: 'connection', operation: 'getAll', returnAll: true }, credentials);
		expect(out.map((c) => c.key)).toEqual(expect.arrayContaining(['ccn', 'cmms']));
		expect(credentials.makiniSystemApi.adminToken).toMatch(/^mk_admin_/);
		expect(credentials.makiniSystemApi.adminToken).not.toBe(first);
	});

	test('a wrong client secret fails with advice and without the secret', async () => {
		const credentials = adminCredentials();
		credentials.makiniSystemApi.clientSecret = 'sbx_cs_wrong-secret-value';
		const error = await runSystem({ resource: 'client', operation: 'get' }, credentials).catch((e: unknown) => e as Error);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toMatch(/Client ID|Client Secret/);
		expect(allText(error)).not.toContain('sbx_cs_wrong-secret-value');
	});
});

describe('provisioning round trip', () => {
	test('create connection → create token → read assets with it in a Makini node → delete (then the token is refused)', async () => {
		const created = await provision('Lakeshore CCN round trip');
		expect(Object.keys(created).sort()).toEqual(['access_token', 'expires_in', 'key', 'refresh_token']);
		expect(created.key).toMatch(/^conn_/);
		const [issued] = await runSystem({ resource: 'connection', operation: 'createToken', connectionKey: created.key });
		expect(issued).toMatchObject({ token: expect.any(String) });
		const token = issued.token as string;
		// The new connection is empty: a full read returns no assets, while its status lists are there.
		expect(await runMakini({ resource: 'asset', operation: 'getAll', returnAll: true }, token)).toEqual([]);
		const [status] = await runMakini({ resource: 'connection', operation: 'getSyncStatus' }, token);
		expect(status).toMatchObject({ id: created.key, company_name: 'Lakeshore CCN round trip' });
		// The access token of Create Connection works too.
		expect(await runMakini({ resource: 'asset', operation: 'getAll', returnAll: true }, created.access_token)).toEqual([]);

		const [deleted] = await runSystem({ resource: 'connection', operation: 'delete', connectionKey: created.key });
		expect(deleted).toEqual({ deleted: true, key: created.key });
		const [refused] = await runMakini({ resource: 'asset', operation: 'getAll', returnAll: true }, token, true);
		expect(refused).toMatchObject({ code: 'AUTHENTICATION_FAILED' });
		const listed = await runSystem({ resource: 'connection', operation: 'getAll', returnAll: true });
		expect(listed.map((c) => c.key)).not.toContain(created.key);
		expect(allText(refused)).not.toContain(token);
	});

	test('Create Connection finds the newest connection of that name and email', async () => {
		const one = await provision('Twin site');
		const two = await provision('Twin site');
		expect(two.key).not.toBe(one.key);
		const listed = await runSystem({ resource: 'connection', operation: 'getAll', returnAll: true });
		expect(listed.filter((c) => c.name === 'Twin site').map((c) => c.key).sort()).toEqual([one.key, two.key].sort());
	});

	test('metadata: set (fixedCollection → array of {key, value}) and get', async () => {
		const { key } = await provision('Metadata site');
		const [set] = await runSystem({ resource: 'connection', operation: 'setMetadata', connectionKey: key, metadata: { entries: [{ key: 'crm_id', value: 'ACME-42' }, { key: 'tier', value: 'gold' }] } });
		expect(set).toMatchObject({ key, metadata: { crm_id: 'ACME-42', tier: 'gold' } });
		await runSystem({ resource: 'connection', operation: 'setMetadata', connectionKey: key, metadata: { entries: [{ key: 'tier', value: 'platinum' }] } });
		const got = await runSystem({ resource: 'connection', operation: 'getMetadata', connectionKey: key });
		expect(got).toHaveLength(1);
		expect(JSON.parse(got[0].user_metadata as string)).toEqual({ crm_id: 'ACME-42', tier: 'platinum' });
		expect(got[0].metadata).toEqual({ crm_id: 'ACME-42', tier: 'platinum' });
		const noEntries = await runSystem({ resource: 'connection', operation: 'setMetadata', connectionKey: key, metadata: {} }).catch((e: Error) => e);
		expect((noEntries as Error).message).toMatch(/Metadata: add at least one/);
	});

	test('platforms are listed with paging and a limit', async () => {
		const all = await runSystem({ resource: 'platform', operation: 'getAll', returnAll: true });
		expect(all.map((p) => p.key)).toContain('carrier-ccn');
		expect(await runSystem({ resource: 'platform', operation: 'getAll', returnAll: false, limit: 2 })).toHaveLength(2);
	});
});

describe('connection-token extras', () => {
	const ccnToken = () => fx.sandbox.connections.ccn.token;

	test('passthrough: API request echoed by the source system, table read, and SQL with parameters', async () => {
		const [echo] = await runMakini({ resource: 'passthrough', operation: 'send', mode: 'request', method: 'post', path: 'dataservice', query: { entries: [{ name: 'site', value: 'HP1' }] }, headers: { entries: [{ name: 'Content-Type', value: 'application/json' }] }, body: '{"targetName":"F4801"}', base64encoded: false }, ccnToken());
		expect(echo).toEqual({ method: 'post', path: 'dataservice', query: { site: 'HP1' }, headers: { 'Content-Type': 'application/json' }, body: { targetName: 'F4801' } });
		const [b64] = await runMakini({ resource: 'passthrough', operation: 'send', mode: 'request', method: 'put', path: 'raw', base64encoded: true, base64Body: Buffer.from('plain text').toString('base64') }, ccnToken());
		expect(b64.body).toBe('plain text');
		const rows = await runMakini({ resource: 'passthrough', operation: 'send', mode: 'sql', sql: 'SELECT id, point_name, value FROM ccn_points WHERE equipment_id = ? ORDER BY id', parameters: '[2]' }, ccnToken());
		expect(rows.map((r) => r.point_name)).toEqual(['LWT', 'EWT', 'CAP_T', 'HR_MACH']);
		expect(Object.keys(rows[0])).toEqual(['id', 'point_name', 'value']);
		const [bad] = await runMakini({ resource: 'passthrough', operation: 'send', mode: 'sql', sql: 'SELECT * FROM nowhere' }, ccnToken(), true);
		expect(bad).toMatchObject({ code: 'VALIDATION_FAILED' });
	});

	test('raw tables: list, then every row of a table over several pages, filters and sort', async () => {
		const tables = await runMakini({ resource: 'rawTable', operation: 'getAll', returnAll: true }, ccnToken());
		expect(tables.map((t) => t.name)).toEqual(['ccn_equipment', 'ccn_points']);
		fx.sandbox.configure({ maxPerPage: 7 });
		try {
			const points = await runMakini({ resource: 'rawTable', operation: 'getRows', table: 'ccn_points', returnAll: true }, ccnToken());
			const assets = fx.sandbox.records('ccn', 'assets').length;
			expect(points).toHaveLength(assets * 4);
			expect(new Set(points.map((p) => p.id)).size).toBe(points.length);
			const limited = await runMakini({ resource: 'rawTable', operation: 'getRows', table: 'ccn_points', returnAll: false, limit: 10 }, ccnToken());
			expect(limited).toHaveLength(10);
			const lwt = await runMakini({ resource: 'rawTable', operation: 'getRows', table: 'ccn_points', returnAll: true, filters: { conditions: [{ field: 'point_name', operator: 'equals', value: 'LWT' }] }, sort: { rules: [{ field: 'id', direction: 'desc' }] } }, ccnToken());
			expect(lwt).toHaveLength(assets);
			expect(lwt.every((p) => p.point_name === 'LWT')).toBe(true);
			expect(lwt.map((p) => p.id)).toEqual([...lwt.map((p) => p.id as number)].sort((a, b) => b - a));
		} finally {
			fx.sandbox.resetSettings();
		}
		const [missing] = await runMakini({ resource: 'rawTable', operation: 'getRows', table: 'alarms', returnAll: true }, ccnToken(), true);
		expect(missing).toMatchObject({ code: 'NOT_FOUND' });
	});

	test('disconnect deletes the connection behind the token; the token is refused afterwards', async () => {
		const { key, access_token } = await provision('Short-lived site');
		const [done] = await runMakini({ resource: 'connection', operation: 'disconnect' }, access_token);
		expect(done).toEqual({ disconnected: true });
		const [refused] = await runMakini({ resource: 'connection', operation: 'getSyncStatus' }, access_token, true);
		expect(refused).toMatchObject({ code: 'AUTHENTICATION_FAILED' });
		const listed = await runSystem({ resource: 'connection', operation: 'getAll', returnAll: true });
		expect(listed.map((c) => c.key)).not.toContain(key);
	});
});
