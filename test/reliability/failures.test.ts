import axios from 'axios';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { CredentialStore } from '../harness/execute';
import { recordFigures } from './support/figures';
import { runMakini, sandboxSecrets } from './support/nodeRun';
import { useProxiedSandbox } from './support/proxiedSandbox';

// Failures that retries cannot or must not hide: exhausted retries, a connection needing reauthorization
// (token and OAuth2), a source slower than the timeout. Real HTTP: node → proxy (test-side hooks) → sandbox.
const env = useProxiedSandbox({ assets: 2000 });
const { fx, scan } = env;

const tokenCredentials = (): CredentialStore => ({ makiniApi: { baseUrl: env.proxy.url, token: fx.sandbox.connections.ccn.token } });
const returnAll = (options: IDataObject = {}): INodeParameters => ({ resource: 'asset', operation: 'getAll', returnAll: true, simplify: false, options: options as INodeParameters });
const FAST = { maxAttempts: 3, maxWaitSeconds: 5, timeoutSeconds: 10 };

/** Switches the CCN connection to `scenario` just before page `page` is read (the first time it is asked for). */
function fromPage(page: number, scenario: Parameters<typeof fx.sandbox.setScenario>[1]) {
	let done = false;
	env.proxy.before = (request) => {
		if (!done && request.page === page) {
			done = true;
			fx.sandbox.setScenario('ccn', scenario);
		}
	};
}

/** Access and refresh tokens issued during the run: scanned for like the other secrets. */
const oauthTokens: string[] = [];

const lastRequestId = (page: number) => env.proxy.seen.filter((r) => r.page === page).pop()?.requestId;

describe('exhausted retries', () => {
	test('Return All fails naming the page it could not read and Makini\'s request id; no short list', async () => {
		fromPage(3, { errorRate: 1, errorStatuses: [503] });
		const run = await runMakini(scan, tokenCredentials(), returnAll(FAST));
		expect(run.error).toBeDefined();
		expect(run.output).toEqual([]);
		const attempts = env.proxy.seen.filter((r) => r.page === 3);
		expect(attempts).toHaveLength(3); // Max Attempts, then it stops
		const requestId = lastRequestId(3)!;
		expect(requestId).toMatch(/^req_/);
		const text = `${run.error!.message}\n${run.error!.description}`;
		expect(text).toContain(requestId);
		expect(text).toMatch(/page 3\b/i);
		expect(text).toContain('/api/eam/assets');
		recordFigures('exhausted-retries', { page: 3, attempts: attempts.length, message: run.error!.message, description: run.error!.description });
	});

	test('with Continue On Fail: one error item (page, request id, code), never a partial list', async () => {
		fromPage(2, { errorRate: 1, errorStatuses: [502] });
		const run = await runMakini(scan, tokenCredentials(), returnAll(FAST), { continueOnFail: true });
		expect(run.error).toBeUndefined();
		expect(run.json).toHaveLength(1);
		const [item] = run.json;
		expect(item.key).toBeUndefined();
		expect(item).toEqual(expect.objectContaining({ error: expect.stringMatching(/page 2\b/i), code: 'UPSTREAM_ERROR', requestId: lastRequestId(2) }));
	});

	test('Get fails naming the record it could not read and the request id', async () => {
		const key = String(fx.sandbox.records('ccn', 'assets')[7].key);
		fx.sandbox.setScenario('ccn', { errorRate: 1, errorStatuses: [500] });
		const run = await runMakini(scan, tokenCredentials(), { resource: 'asset', operation: 'get', assetKey: { __rl: true, mode: 'key', value: key }, options: FAST });
		const requestId = env.proxy.seen[env.proxy.seen.length - 1].requestId!;
		expect(`${run.error?.message}\n${run.error?.description}`).toContain(key);
		expect(run.error?.description).toContain(requestId);
	});
});

describe('reauthorization required mid-run', () => {
	test('API token: a clear error telling the user to reconnect in Makini, without retrying', async () => {
		fromPage(3, { reauthorizationRequired: true });
		const run = await runMakini(scan, tokenCredentials(), returnAll(FAST));
		expect(run.output).toEqual([]);
		expect(run.error?.message).toContain('REAUTHORIZATION_REQUIRED');
		expect(run.error?.description).toMatch(/reconnect .*in the Makini/i);
		expect(env.proxy.seen.filter((r) => r.page === 3)).toHaveLength(1);
	});

	async function oauthCredentials(): Promise<CredentialStore> {
		const { clientId, clientSecret } = fx.sandbox.oauthClient;
		const redirectUri = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
		const authorize = await axios.get(`${fx.sandbox.url}/oauth/authorize`, {
			params: { client_id: clientId, redirect_uri: redirectUri, response_type: 'code', connection: 'ccn' },
			maxRedirects: 0,
			validateStatus: (s) => s === 302,
		});
		const code = new URL(authorize.headers.location as string).searchParams.get('code')!;
		const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, client_secret: clientSecret });
		const { data: tokens } = await axios.post(`${fx.sandbox.url}/link/token`, form.toString(), {
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});
		oauthTokens.push(String(tokens.access_token), String(tokens.refresh_token));
		return { makiniOAuth2Api: { baseUrl: env.proxy.url, clientId, clientSecret, oauthTokenData: tokens as IDataObject } };
	}

	test('OAuth2: an access token expiring mid-run is refreshed once and the list completes', async () => {
		const credentials = await oauthCredentials();
		const first = (credentials.makiniOAuth2Api.oauthTokenData as IDataObject).access_token;
		let expired = false;
		env.proxy.before = async (request) => {
			if (!expired && request.page === 3) {
				expired = true;
				await axios.post(`${fx.sandbox.url}/__sandbox/connections/ccn/expire-tokens`);
			}
		};
		const run = await runMakini(scan, credentials, { ...returnAll(FAST), authentication: 'oAuth2' });
		expect(run.error).toBeUndefined();
		expect(run.json).toHaveLength(2000);
		expect(env.proxy.requestsTo('/link/token')).toHaveLength(1);
		expect((credentials.makiniOAuth2Api.oauthTokenData as IDataObject).access_token).not.toBe(first);
		oauthTokens.push(String((credentials.makiniOAuth2Api.oauthTokenData as IDataObject).access_token));
	});

	test('OAuth2: reauthorization required refreshes once, then fails clearly instead of looping', async () => {
		const credentials = await oauthCredentials();
		fromPage(2, { reauthorizationRequired: true });
		const run = await runMakini(scan, credentials, { ...returnAll(FAST), authentication: 'oAuth2' });
		const figures = {
			tokenRefreshes: env.proxy.requestsTo('/link/token').length,
			requestsForFailingPage: env.proxy.seen.filter((r) => r.page === 2).length,
			message: run.error?.message,
		};
		recordFigures('reauthorization-oauth2', figures);
		expect(run.output).toEqual([]);
		expect(run.error?.message).toContain('REAUTHORIZATION_REQUIRED');
		expect(run.error?.description).toMatch(/reconnect .*in the Makini/i);
		expect(figures.tokenRefreshes).toBe(1);
		// Bounded (measured: 4 = the transport's first request, its resend through n8n's OAuth2 path, and n8n's
		// requests around its single refresh); a refresh loop would show more refreshes and requests.
		expect(figures.requestsForFailingPage).toBeLessThanOrEqual(4);
	});
});

describe('slow source', () => {
	test('answers slower than the Timeout option: bounded retries, a clear timeout error, no hang', async () => {
		fx.sandbox.setScenario('ccn', { slowMs: 4000 });
		const options = { maxAttempts: 3, maxWaitSeconds: 2, timeoutSeconds: 1 };
		const run = await runMakini(scan, tokenCredentials(), returnAll(options));
		const bound = (options.timeoutSeconds * options.maxAttempts + options.maxWaitSeconds) * 1000;
		expect(run.error?.message).toMatch(/timed out/i);
		expect(run.error?.description).toMatch(/Timeout/);
		expect(env.proxy.seen).toHaveLength(options.maxAttempts);
		expect(run.ms).toBeLessThan(bound + 1000);
		recordFigures('slow-source', { timeoutMs: options.timeoutSeconds * 1000, attempts: env.proxy.seen.length, failedAfterMs: run.ms, configuredBoundMs: bound, message: run.error?.message });
	}, 20_000);
});

test('no secret in any output, error or log line', () => {
	expect(scan.size).toBeGreaterThan(5);
	recordFigures('secret-scan-failures', scan.counts());
	const tokens = Object.fromEntries(oauthTokens.map((t, i) => [`oauthToken${i}`, t]));
	expect(Object.keys(tokens).length).toBeGreaterThanOrEqual(5);
	expect(scan.findings({ ...sandboxSecrets(fx.sandbox), ...tokens })).toEqual([]);
});
