import axios from 'axios';
import { createHmac } from 'crypto';
import { readFileSync, readdirSync } from 'fs';
import { Agent } from 'http';
import { join } from 'path';
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { MakiniTrigger } from '../../nodes/Makini/MakiniTrigger.node';
import { makiniWebhookSecretTest } from '../../nodes/Makini/trigger/webhookSecret';
import type { CredentialStore } from '../harness/credentials';
import { useSandbox } from '../harness/sandbox';
import { TriggerHarness, startWebhookReceiver, type TriggerOptions, type WebhookReceiver } from '../harness/trigger';

// The Makini Trigger's secrets: version 2 reads a Makini Webhook API credential (one per Makini webhook, a second
// secret for the Test URL) and needs an API credential only to resolve records; version 1, as in saved
// workflows, keeps reading the Webhook Secret of its Makini API credential.

jest.setTimeout(60_000);

const fx = useSandbox();
const ccn = () => fx.sandbox.connections.ccn;
const sign = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('base64');
const noKeepAlive = new Agent({ keepAlive: false });

const SECRET_A = 'whsec_workflow_a_0123456789abcdef';
const SECRET_B = 'whsec_workflow_b_fedcba9876543210';
const TEST_SECRET = 'whsec_test_url_00112233445566778899';

interface Running {
	harness: TriggerHarness;
	receiver: WebhookReceiver;
	/** Posts a body signed with `secret` straight to this trigger's URL. */
	post(body: string, secret?: string): Promise<{ status: number; body: string }>;
	started(): IDataObject[][];
}

const receivers: WebhookReceiver[] = [];
afterEach(async () => {
	await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function run(options: Omit<TriggerOptions, 'node'>): Promise<Running> {
	const harness = new TriggerHarness({ node: new MakiniTrigger(), ...options });
	const receiver = await startWebhookReceiver(harness);
	receivers.push(receiver);
	return {
		harness,
		receiver,
		post: async (body, secret) => {
			const response = await axios.post(receiver.url, body, {
				headers: { 'content-type': 'application/json', ...(secret ? { 'x-webhook-signature': sign(secret, body) } : {}) },
				transformRequest: [(data: string) => data],
				validateStatus: () => true,
				responseType: 'text',
				httpAgent: noKeepAlive,
			});
			await receiver.settled();
			return { status: response.status, body: String(response.data) };
		},
		started: () => harness.outcomes.filter((o) => o.output !== undefined).map((o) => o.output!.map((item) => item.json)),
	};
}

const api = (): CredentialStore => ({ makiniApi: { baseUrl: fx.sandbox.url, token: ccn().token } });
const delivery = (tag: string) => JSON.stringify({ event: 'sync.completed', id: `evt_${tag}`, body: { tag } });

describe('version 2: one Makini Webhook API credential per trigger', () => {
	test('two triggers share one API credential; each starts only for deliveries signed with its own secret', async () => {
		const a = await run({ parameters: { events: ['*'] }, credentials: { ...api(), makiniWebhookApi: { secret: SECRET_A } } });
		const b = await run({ parameters: { events: ['*'] }, credentials: { ...api(), makiniWebhookApi: { secret: SECRET_B } } });
		await a.harness.activate();
		await b.harness.activate();

		expect((await a.post(delivery('a1'), SECRET_A)).status).toBe(200);
		expect((await b.post(delivery('a1'), SECRET_A)).status).toBe(401);
		expect((await a.post(delivery('b1'), SECRET_B)).status).toBe(401);
		expect((await b.post(delivery('b1'), SECRET_B)).status).toBe(200);
		for (const trigger of [a, b]) {
			expect((await trigger.post(delivery('x'), 'whsec_wrong')).status).toBe(401);
			expect((await trigger.post(delivery('y'))).status).toBe(401);
		}
		expect(a.started().map(([item]) => (item.payload as IDataObject).id)).toEqual(['evt_a1']);
		expect(b.started().map(([item]) => (item.payload as IDataObject).id)).toEqual(['evt_b1']);

		const answers = [a, b].flatMap((t) => t.harness.outcomes.map((o) => o.body)).join('\n');
		for (const secret of [SECRET_A, SECRET_B, ccn().token]) expect(answers).not.toContain(secret);
	});

	test('real sandbox deliveries, each webhook signed with its own secret, reach only their trigger', async () => {
		const a = await run({ parameters: { events: ['assets.updated'] }, credentials: { makiniWebhookApi: { secret: SECRET_A } } });
		const b = await run({ parameters: { events: ['assets.updated'] }, credentials: { makiniWebhookApi: { secret: SECRET_B } } });
		fx.sandbox.subscribe(ccn().id, { url: a.receiver.url, secret: SECRET_A });
		fx.sandbox.subscribe(ccn().id, { url: b.receiver.url, secret: SECRET_A }); // B's URL pasted with A's secret
		await fx.sandbox.emit(ccn().id, 'assets.updated', ['A-1']);
		await a.receiver.settled();
		await b.receiver.settled();
		const statuses = (url: string) => fx.sandbox.deliveries().filter((d) => d.url === url).map((d) => d.status);
		expect(statuses(a.receiver.url)).toEqual([200]);
		expect(statuses(b.receiver.url)[0]).toBe(401);
		expect(a.started()).toHaveLength(1);
		expect(b.started()).toHaveLength(0);
	});

	test('no API credential is needed without Resolve Records; per-record output still works', async () => {
		const t = await run({ parameters: { events: ['*'], outputMode: 'record' }, credentials: { makiniWebhookApi: { secret: SECRET_A } } });
		await t.harness.activate();
		const body = JSON.stringify({ event: 'assets.updated', body: ['A-1', 'A-2'] });
		expect((await t.post(body, SECRET_A)).status).toBe(200);
		expect(t.harness.outcomes[0].executionError).toBeUndefined();
		expect(t.started()[0].map((item) => item.recordId)).toEqual(['A-1', 'A-2']);
	});

	test('without a Webhook Secret it refuses to activate and answers 500, naming the Makini Webhook API credential', async () => {
		const t = await run({ parameters: { events: ['*'] }, credentials: { ...api(), makiniWebhookApi: { secret: '', testSecret: TEST_SECRET } } });
		await expect(t.harness.activate()).rejects.toThrow(/Makini Webhook API credential has no Webhook Secret/);
		const answer = await t.post(delivery('1'), TEST_SECRET);
		expect(answer.status).toBe(500);
		expect(answer.body).toContain('Makini Webhook API credential');
		expect(answer.body).not.toContain(TEST_SECRET);
		expect(t.started()).toHaveLength(0);
	});

	test('Resolve Records over Makini Link OAuth2, with no token credential at all', async () => {
		const { clientId, clientSecret } = fx.sandbox.oauthClient;
		const redirect = 'http://localhost:5678/rest/oauth2-credential/callback';
		const authorize = new URL(`${fx.sandbox.url}/oauth/authorize`);
		authorize.search = new URLSearchParams({ client_id: clientId, redirect_uri: redirect, response_type: 'code' }).toString();
		const code = new URL((await fetch(authorize, { redirect: 'manual' })).headers.get('location')!).searchParams.get('code')!;
		const exchange = await fetch(`${fx.sandbox.url}/link/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirect, client_id: clientId, client_secret: clientSecret }),
		});
		const tokens = (await exchange.json()) as IDataObject;
		const t = await run({
			parameters: { events: ['assets.updated'], outputMode: 'record', resolveRecords: true, authentication: 'oAuth2' },
			credentials: {
				makiniWebhookApi: { secret: SECRET_A },
				makiniOAuth2Api: { baseUrl: fx.sandbox.url, clientId, clientSecret, oauthTokenData: tokens },
			},
		});
		await t.harness.activate();
		const asset = fx.sandbox.records(ccn().id, 'assets').at(-1)!;
		const body = JSON.stringify({ event: 'assets.updated', body: [asset.key] });
		expect((await t.post(body, SECRET_A)).status).toBe(200);
		expect(t.harness.outcomes[0].executionError).toBeUndefined();
		expect(t.started()[0]).toEqual([expect.objectContaining({ recordId: asset.key, record: asset })]);
	});
});

describe('version 2: the Test URL', () => {
	const testTrigger = (testSecret?: string) =>
		run({
			parameters: { events: ['*'] },
			credentials: { makiniWebhookApi: { secret: SECRET_A, ...(testSecret === undefined ? {} : { testSecret }) } },
			testWebhook: true,
		});

	test('with a Test Webhook Secret, the Test URL accepts only deliveries signed with it', async () => {
		const t = await testTrigger(TEST_SECRET);
		await t.harness.activate();
		expect((await t.post(delivery('prod'), SECRET_A)).status).toBe(401);
		expect((await t.post(delivery('test'), TEST_SECRET)).status).toBe(200);
		expect(t.started().map(([item]) => (item.payload as IDataObject).id)).toEqual(['evt_test']);
	});

	test('the production URL ignores the Test Webhook Secret', async () => {
		const t = await run({ parameters: { events: ['*'] }, credentials: { makiniWebhookApi: { secret: SECRET_A, testSecret: TEST_SECRET } } });
		expect((await t.post(delivery('test'), TEST_SECRET)).status).toBe(401);
		expect((await t.post(delivery('prod'), SECRET_A)).status).toBe(200);
		expect(t.started()).toHaveLength(1);
	});

	test('without a Test Webhook Secret, the Test URL is verified with the Webhook Secret', async () => {
		const t = await testTrigger('');
		await t.harness.activate();
		expect((await t.post(delivery('other'), TEST_SECRET)).status).toBe(401);
		expect((await t.post(delivery('prod'), SECRET_A)).status).toBe(200);
		expect(t.started()).toHaveLength(1);
	});
});

describe('version 1: saved workflows keep the secret of their Makini API credential', () => {
	const example = JSON.parse(
		readFileSync(join(__dirname, '../../examples', readdirSync(join(__dirname, '../../examples')).find((f) => f.startsWith('1-'))!), 'utf8'),
	) as { nodes: INode[] };
	const saved = example.nodes.find((n) => n.type === 'n8n-nodes-makini.makiniTrigger')!;

	test('example 1, unchanged, activates and verifies with the Webhook Secret of its Makini API credential', async () => {
		expect(saved.typeVersion).toBe(1);
		expect(Object.keys(saved.credentials ?? {})).toEqual(['makiniApi']);
		const t = await run({
			parameters: saved.parameters,
			typeVersion: saved.typeVersion,
			credentials: { makiniApi: { baseUrl: fx.sandbox.url, token: ccn().token, webhookSecret: ccn().webhookSecret } },
		});
		await t.harness.activate();
		const asset = fx.sandbox.records(ccn().id, 'assets')[0];
		const body = JSON.stringify({ event: 'assets.updated', body: [asset.key] });
		expect((await t.post(body, 'whsec_wrong')).status).toBe(401);
		expect((await t.post(body, ccn().webhookSecret)).status).toBe(200);
		expect(t.harness.outcomes[1].executionError).toBeUndefined();
		expect(t.started()[0]).toEqual([expect.objectContaining({ recordId: asset.key, record: asset })]);
		expect(t.harness.outcomes.map((o) => o.body).join('\n')).not.toContain(ccn().webhookSecret);
	});

	test('a Makini Webhook API credential does not change a version 1 trigger; no API secret still fails closed', async () => {
		const t = await run({
			parameters: saved.parameters,
			typeVersion: 1,
			credentials: { makiniApi: { baseUrl: fx.sandbox.url, token: ccn().token }, makiniWebhookApi: { secret: SECRET_A } },
		});
		await expect(t.harness.activate()).rejects.toThrow(/The Makini API credential has no Webhook Secret/);
		const answer = await t.post(delivery('1'), SECRET_A);
		expect(answer.status).toBe(500);
		expect(t.started()).toHaveLength(0);
	});
});

describe('which credentials n8n asks for', () => {
	const description = new MakiniTrigger().description;
	/** As n8n's editor and getCredentials decide: node parameters with their defaults, then each credential's displayOptions. */
	const asked = (typeVersion: number, parameters: INodeParameters) => {
		const node = { name: 'Makini Trigger', typeVersion, parameters } as INode;
		const withDefaults = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description)!;
		return description
			.credentials!.filter((credential) => NodeHelpers.displayParameter(withDefaults, credential, { ...node, parameters: withDefaults }, description))
			.map((credential) => credential.name);
	};

	test('new triggers default to version 2', () => {
		expect(description.defaultVersion).toBe(2);
		expect(description.version).toEqual([1, 2]);
	});

	test('version 2 asks for the webhook credential, and for an API credential only to resolve records', () => {
		expect(asked(2, { events: ['*'] })).toEqual(['makiniWebhookApi']);
		expect(asked(2, { events: ['*'], outputMode: 'record' })).toEqual(['makiniWebhookApi']);
		expect(asked(2, { events: ['*'], resolveRecords: true })).toEqual(['makiniWebhookApi', 'makiniApi']);
		expect(asked(2, { events: ['*'], resolveRecords: true, authentication: 'oAuth2' })).toEqual(['makiniWebhookApi', 'makiniOAuth2Api']);
	});

	test('the webhook credential is tested by the node: a missing secret or one pasted with whitespace fails', async () => {
		const trigger = new MakiniTrigger();
		const credential = description.credentials!.find((c) => c.name === 'makiniWebhookApi')!;
		const test = trigger.methods.credentialTest[credential.testedBy as 'makiniWebhookSecretTest'];
		expect(test).toBe(makiniWebhookSecretTest);
		const check = (data: IDataObject) => test.call({} as never, { id: '1', name: 'w', type: 'makiniWebhookApi', data });
		expect(await check({ secret: SECRET_A })).toEqual({ status: 'OK', message: expect.stringContaining('401') });
		expect(await check({ secret: SECRET_A, testSecret: TEST_SECRET })).toMatchObject({ status: 'OK' });
		expect(await check({ secret: '' })).toEqual({ status: 'Error', message: 'The Webhook Secret is empty' });
		const padded = await check({ secret: `${SECRET_A}\n` });
		expect(padded).toEqual({ status: 'Error', message: 'The Webhook Secret starts or ends with a space or line break' });
		expect(await check({ secret: SECRET_A, testSecret: ` ${TEST_SECRET}` })).toMatchObject({ status: 'Error' });
		expect(JSON.stringify(padded)).not.toContain(SECRET_A);
	});

	test('version 1 asks for the Makini API credential only, whatever its parameters', () => {
		expect(asked(1, { events: ['*'] })).toEqual(['makiniApi']);
		expect(asked(1, { events: ['*'], resolveRecords: true })).toEqual(['makiniApi']);
	});
});
