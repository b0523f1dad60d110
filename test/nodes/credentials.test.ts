import type { IDataObject } from 'n8n-workflow';

import { Makini } from '../../nodes/Makini/Makini.node';
import { testCredential } from '../harness/credentialTest';
import { PlainCredentialsHelper } from '../harness/credentials';
import type { CredentialStore } from '../harness/execute';
import { allText, runNode } from '../harness/execute';
import { useSandbox } from '../harness/sandbox';

const fx = useSandbox();
const node = new Makini();
const REDIRECT = 'http://localhost:5678/rest/oauth2-credential/callback';

/** The authorization-code flow n8n runs when a user clicks "Connect": authorize, then exchange the code. */
async function connectMakiniLink(): Promise<IDataObject> {
	const { clientId, clientSecret } = fx.sandbox.oauthClient;
	const authorize = new URL(`${fx.sandbox.url}/oauth/authorize`);
	authorize.search = new URLSearchParams({ client_id: clientId, redirect_uri: REDIRECT, response_type: 'code', connection: 'ccn' }).toString();
	const redirect = await fetch(authorize, { redirect: 'manual' });
	const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!;
	const exchange = await fetch(`${fx.sandbox.url}/link/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: clientId, client_secret: clientSecret }),
	});
	expect(exchange.status).toBe(200);
	return (await exchange.json()) as IDataObject;
}

async function oauthCredentials(): Promise<CredentialStore> {
	const tokens = await connectMakiniLink();
	// expires_in is an absolute timestamp in Makini's answer
	expect(Number(tokens.expires_in)).toBeGreaterThan(Date.now() / 1000);
	return {
		makiniOAuth2Api: {
			baseUrl: `${fx.sandbox.url}/`,
			clientId: fx.sandbox.oauthClient.clientId,
			clientSecret: fx.sandbox.oauthClient.clientSecret,
			oauthTokenData: tokens,
		},
	};
}

const expireTokens = async () => {
	const response = await fetch(`${fx.sandbox.url}/__sandbox/connections/ccn/expire-tokens`, { method: 'POST' });
	expect(response.status).toBe(200);
};

const listTeams = { authentication: 'oAuth2', resource: 'team', operation: 'getAll' };

describe('Makini Link OAuth2', () => {
	test('reads with the access token', async () => {
		const credentials = await oauthCredentials();
		const [output] = await runNode({ node, parameters: listTeams, credentials });
		expect(output.map((i) => i.json.key)).toEqual(fx.sandbox.records('ccn', 'teams').map((t) => t.key));
	});

	test('an expired access token is refreshed on 401, saved, and the request succeeds', async () => {
		const credentials = await oauthCredentials();
		const before = credentials.makiniOAuth2Api.oauthTokenData as IDataObject;
		await expireTokens();
		// An expired token is not tied to a connection any more: count 401s server-wide.
		const unauthorized = fx.sandbox.stats().byStatus['401'] ?? 0;

		const [output] = await runNode({ node, parameters: listTeams, credentials });
		expect(output.length).toBe(fx.sandbox.records('ccn', 'teams').length);
		expect((fx.sandbox.stats().byStatus['401'] ?? 0) - unauthorized).toBeGreaterThanOrEqual(1);
		const after = credentials.makiniOAuth2Api.oauthTokenData as IDataObject;
		expect(after.access_token).toEqual(expect.stringMatching(/^mk_at_/));
		expect(after.access_token).not.toBe(before.access_token);
		expect(after.refresh_token).not.toBe(before.refresh_token);

		// The saved token keeps working without another refresh.
		const [again] = await runNode({ node, parameters: listTeams, credentials });
		expect(again.length).toBe(output.length);
		expect((credentials.makiniOAuth2Api.oauthTokenData as IDataObject).access_token).toBe(after.access_token);
	});

	test('writes refresh too, and are applied once', async () => {
		const credentials = await oauthCredentials();
		await expireTokens();
		const before = fx.sandbox.records('ccn', 'service-requests').length;
		const [output] = await runNode({
			node,
			parameters: { authentication: 'oAuth2', resource: 'serviceRequest', operation: 'create', title: 'after refresh' },
			credentials,
		});
		expect(output[0].json.title).toBe('after refresh');
		expect(fx.sandbox.records('ccn', 'service-requests').length).toBe(before + 1);
	});

	test('after a refresh, the later requests of the same execution use the refreshed token', async () => {
		const credentials = await oauthCredentials();
		const before = credentials.makiniOAuth2Api.oauthTokenData as IDataObject;
		await expireTokens();
		const unauthorized = fx.sandbox.stats().byStatus['401'] ?? 0;
		const created = fx.sandbox.records('ccn', 'service-requests').length;
		const items = [1, 2, 3, 4].map((n) => ({ json: { title: `refresh ${n}` } }));
		const [output] = await runNode({
			node,
			parameters: { authentication: 'oAuth2', resource: 'serviceRequest', operation: 'create', title: '={{ $json.title }}' },
			credentials,
			items,
		});
		expect(output.map((i) => i.json.title)).toEqual(['refresh 1', 'refresh 2', 'refresh 3', 'refresh 4']);
		expect(fx.sandbox.records('ccn', 'service-requests').length).toBe(created + 4);
		// Only the first request met the expired token (401, then 401 again on the resend that makes n8n refresh);
		// the other three went out with the refreshed token.
		expect((fx.sandbox.stats().byStatus['401'] ?? 0) - unauthorized).toBe(2);
		const after = credentials.makiniOAuth2Api.oauthTokenData as IDataObject;
		expect(after.access_token).not.toBe(before.access_token);
	});

	test('a refresh token Makini refuses asks to reconnect, without leaking secrets', async () => {
		const credentials = await oauthCredentials();
		const tokens = credentials.makiniOAuth2Api.oauthTokenData as IDataObject;
		credentials.makiniOAuth2Api.oauthTokenData = { ...tokens, refresh_token: 'mk_rt_revoked' };
		await expireTokens();
		const error = await runNode({ node, parameters: listTeams, credentials }).catch((e: Error & { description?: string }) => e);
		expect((error as Error).message).toMatch(/^Makini Link token could not be refreshed/);
		expect((error as Error & { description: string }).description).toMatch(/Reconnect the Makini Link OAuth2 credential/);
		const text = allText(error);
		expect(text).not.toContain(fx.sandbox.oauthClient.clientSecret);
		expect(text).not.toContain(String(tokens.access_token));
	});
});

describe('credentials are read once per execution', () => {
	// In a real n8n every read is a database query and a decryption; it used to happen twice per request.
	test('the token credential: one read for a whole multi-item write', async () => {
		const reads = jest.spyOn(PlainCredentialsHelper.prototype, 'getDecrypted');
		try {
			const items = [1, 2, 3, 4, 5].map((n) => ({ json: { title: `once ${n}` } }));
			const [output] = await runNode({
				node,
				parameters: { resource: 'workOrder', operation: 'create', title: '={{ $json.title }}', options: { concurrency: 2 } },
				credentials: { makiniApi: { baseUrl: fx.sandbox.url, token: fx.sandbox.connections.ccn.token } },
				items,
			});
			expect(output).toHaveLength(5);
			expect(reads.mock.calls.filter(([, , type]) => type === 'makiniApi')).toHaveLength(1);
		} finally {
			reads.mockRestore();
		}
	});

	test('each execution reads it again (an edited credential takes effect on the next run)', async () => {
		const credentials: CredentialStore = { makiniApi: { baseUrl: fx.sandbox.url, token: 'mk_wrong' } };
		const parameters = { resource: 'team', operation: 'getAll' };
		await expect(runNode({ node, parameters, credentials })).rejects.toThrow(/AUTHENTICATION_FAILED/);
		credentials.makiniApi = { baseUrl: fx.sandbox.url, token: fx.sandbox.connections.ccn.token };
		const [output] = await runNode({ node, parameters, credentials });
		expect(output.length).toBe(fx.sandbox.records('ccn', 'teams').length);
	});
});

describe('credential test (GET /api/integrations/current)', () => {
	test('a good token passes', async () => {
		expect(await testCredential('makiniApi', fx.tokenCredentials().makiniApi)).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	test('a wrong token shows Makini\'s reason', async () => {
		const result = await testCredential('makiniApi', { baseUrl: fx.sandbox.url, token: 'mk_ct_wrong' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/AUTHENTICATION_FAILED/);
	});

	test('a connection whose source system needs reauthorization', async () => {
		fx.sandbox.setScenario('ccn', { reauthorizationRequired: true });
		const result = await testCredential('makiniApi', fx.tokenCredentials().makiniApi);
		expect(result).toMatchObject({ status: 'Error', message: expect.stringMatching(/sync_status 'fail'.*reauthorize/) });
	});

	test('a Base URL that is not Makini', async () => {
		const result = await testCredential('makiniApi', { baseUrl: `${fx.sandbox.url}/not-makini/`, token: fx.sandbox.connections.ccn.token });
		expect(result).toMatchObject({ status: 'Error', message: expect.stringMatching(/check the Base URL/) });
	});

	test('the OAuth2 credential is tested the same way', async () => {
		const credentials = await oauthCredentials();
		expect((await testCredential('makiniOAuth2Api', credentials.makiniOAuth2Api)).status).toBe('OK');
	});
});
