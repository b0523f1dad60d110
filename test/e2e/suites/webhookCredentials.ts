// Makini Trigger version 2 in n8n: two active workflows, each with its own Makini Webhook API credential,
// share one Makini API credential; a delivery starts only the workflow whose secret signed it. A third
// trigger resolves records through a Makini Link OAuth2 credential connected with n8n's own OAuth flow.
// (Example 1, unchanged on version 1 with its old credential, is the webhook example suite.)
import { createHmac, randomUUID } from 'crypto';
import { WEBHOOK_TRIGGER_TYPE, productionWebhookUrl, waitUntilLive } from '../../../demo/n8n/examples';
import type { StoredWorkflow } from '../../../demo/n8n/rest';
import type { Stack } from '../../../demo/n8n/stack';
import { OWNER, sleep, waitFor } from '../helpers';

type Row = Record<string, unknown>;
const SECRET_A = 'whsec_e2e_workflow_a_5f1c0d9e2b7a4c18';
const SECRET_B = 'whsec_e2e_workflow_b_9a3e6b2f0c1d4e77';
const sign = (body: string, secret: string) => createHmac('sha256', secret).update(body).digest('base64');

/** A workflow of one Makini Trigger (version 2) that resolves changed assets. */
function triggerWorkflow(name: string, credentials: Row, parameters: Row = {}) {
	return {
		name,
		nodes: [
			{
				id: randomUUID(),
				name: 'Makini Trigger',
				type: WEBHOOK_TRIGGER_TYPE,
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { events: ['assets.updated'], outputMode: 'record', resolveRecords: true, ...parameters },
				credentials,
			},
		],
		connections: {},
		settings: {},
	};
}

/** The editor's "Connect my account": n8n's auth URL → Makini Link authorize → n8n's callback stores the token. */
async function connectOAuth(stack: Stack, credentialId: string): Promise<void> {
	const login = await fetch(`${stack.n8n.url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': 'makini-e2e-oauth' },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password }),
	});
	const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
	if (!cookie) throw new Error(`n8n login answered ${login.status} without a session cookie`);
	const headers = { cookie, 'browser-id': 'makini-e2e-oauth' };
	const auth = await fetch(`${stack.n8n.url}/rest/oauth2-credential/auth?id=${credentialId}`, { headers });
	const { data: authorizeUrl } = (await auth.json()) as { data: string };
	const consent = await fetch(authorizeUrl, { redirect: 'manual' });
	const callback = consent.headers.get('location');
	if (!callback) throw new Error(`Makini Link authorize answered ${consent.status} without a redirect`);
	const done = await fetch(callback, { headers, redirect: 'manual' });
	if (done.status !== 200) throw new Error(`n8n's OAuth callback answered ${done.status}: ${(await done.text()).slice(0, 300)}`);
}

export function webhookCredentialsSuite(getStack: () => Stack): void {
	describe('Makini Trigger v2: a webhook credential per workflow, one shared API credential', () => {
		const workflows: StoredWorkflow[] = [];
		const urlOf = (workflow: StoredWorkflow) => productionWebhookUrl(getStack().n8n.url, workflow.nodes[0]);
		const post = (url: string, body: string, secret: string) =>
			fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-webhook-signature': sign(body, secret) }, body });
		/** The workflow's executions, once at least `count` exist and all have finished. */
		const executions = async (workflow: StoredWorkflow, count = 1) => {
			const stack = getStack();
			const finished = await waitFor(
				`${count} finished execution(s) of "${workflow.name}"`,
				async () => {
					const list = await stack.rest.listExecutions(workflow.id);
					return list.length >= count && list.every((e) => !['new', 'running', 'waiting'].includes(e.status)) ? list : undefined;
				},
				30_000,
			);
			return Promise.all(finished.map((e) => stack.rest.getExecution(e.id)));
		};
		const asset = (index: number) => getStack().sandbox.records(getStack().sandbox.connections.ccn.id, 'assets').at(index)!;

		async function activate(workflow: ReturnType<typeof triggerWorkflow>): Promise<StoredWorkflow> {
			const stack = getStack();
			const created = await stack.rest.createWorkflow(workflow);
			const active = await stack.rest.setActive(created.id, true);
			await waitUntilLive(stack.rest, active);
			workflows.push(active);
			return active;
		}

		let a: StoredWorkflow;
		let b: StoredWorkflow;

		beforeAll(async () => {
			const { rest, credentials } = getStack();
			const api = { makiniApi: { id: credentials.ccn.id, name: credentials.ccn.name } };
			const webhookA = await rest.upsertCredential('Makini webhook A (e2e)', 'makiniWebhookApi', { secret: SECRET_A });
			const webhookB = await rest.upsertCredential('Makini webhook B (e2e)', 'makiniWebhookApi', { secret: SECRET_B });
			a = await activate(triggerWorkflow('Webhook credential A (e2e)', { ...api, makiniWebhookApi: { id: webhookA, name: 'Makini webhook A (e2e)' } }));
			b = await activate(triggerWorkflow('Webhook credential B (e2e)', { ...api, makiniWebhookApi: { id: webhookB, name: 'Makini webhook B (e2e)' } }));
		});

		it('starts only the workflow whose secret signed the delivery; a wrong secret starts nothing', async () => {
			const forA = JSON.stringify({ event: 'assets.updated', body: [String(asset(-1).key)] });
			const forB = JSON.stringify({ event: 'assets.updated', body: [String(asset(-2).key)] });
			const wrong = JSON.stringify({ event: 'assets.updated', body: [String(asset(-3).key)] });
			expect((await post(urlOf(a), forA, SECRET_A)).status).toBe(200);
			expect((await post(urlOf(b), forA, SECRET_A)).status).toBe(401);
			expect((await post(urlOf(a), forB, SECRET_B)).status).toBe(401);
			expect((await post(urlOf(b), forB, SECRET_B)).status).toBe(200);
			for (const workflow of [a, b]) {
				const refused = await post(urlOf(workflow), wrong, getStack().sandbox.connections.ccn.webhookSecret);
				expect(refused.status).toBe(401);
				const text = await refused.text();
				for (const secret of [SECRET_A, SECRET_B, getStack().sandbox.connections.ccn.token]) expect(text).not.toContain(secret);
			}
			await sleep(1_500);

			const [runA, runB] = [await executions(a), await executions(b)];
			expect(runA).toHaveLength(1);
			expect(runB).toHaveLength(1);
			for (const [run, record] of [
				[runA[0], asset(-1)],
				[runB[0], asset(-2)],
			] as const) {
				expect(run.error).toBeUndefined();
				expect(run.output['Makini Trigger'].map((i) => i.json)).toEqual([expect.objectContaining({ recordId: record.key, record })]);
			}
		});

		it('resolves records through a Makini Link OAuth2 credential, with no token credential', async () => {
			const stack = getStack();
			const { clientId, clientSecret } = stack.sandbox.oauthClient;
			const oauthId = await stack.rest.upsertCredential('Makini Link (e2e)', 'makiniOAuth2Api', {
				baseUrl: stack.sandbox.url,
				authUrl: `${stack.sandbox.url}/oauth/authorize`,
				clientId,
				clientSecret,
			});
			await connectOAuth(stack, oauthId);
			const c = await activate(
				triggerWorkflow(
					'Webhook credential with OAuth2 (e2e)',
					{ makiniWebhookApi: { id: (await stack.rest.listCredentials()).find((x) => x.name === 'Makini webhook A (e2e)')!.id, name: 'Makini webhook A (e2e)' }, makiniOAuth2Api: { id: oauthId, name: 'Makini Link (e2e)' } },
					{ authentication: 'oAuth2' },
				),
			);
			const body = JSON.stringify({ event: 'assets.updated', body: [String(asset(-4).key), 'A-GONE-E2E'] });
			expect((await post(urlOf(c), body, SECRET_A)).status).toBe(200);
			const [run] = await executions(c);
			expect(run.error).toBeUndefined();
			expect(run.output['Makini Trigger'].map((i) => i.json)).toEqual([
				expect.objectContaining({ recordId: asset(-4).key, record: asset(-4) }),
				expect.objectContaining({ recordId: 'A-GONE-E2E', missing: true }),
			]);
		});

		afterAll(async () => {
			for (const workflow of workflows) await getStack().rest.setActive(workflow.id, false);
		});
	});
}
