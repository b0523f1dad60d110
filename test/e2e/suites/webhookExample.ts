// Example 1 active in n8n: the sandbox changes a critical chiller that is down and delivers a signed
// webhook to the Makini Trigger's production URL → one execution that resolves the record and raises a
// service request. Unsigned/wrongly signed deliveries get 401 and start nothing; a redelivery starts nothing.
import { createHmac } from 'crypto';
import { productionWebhookUrl, waitUntilLive } from '../../../demo/n8n/examples';
import type { StoredWorkflow } from '../../../demo/n8n/rest';
import type { Stack } from '../../../demo/n8n/stack';
import { control, importExample, sleep, waitFor } from '../helpers';

type Row = Record<string, unknown>;
interface Delivery { id: string; url: string; event: string; status: number | null; payload: unknown }

/** A high-criticality asset with open downtime: what the example's IF lets through. */
function downCriticalAsset(stack: Stack): Row {
	const { ccn } = stack.sandbox.connections;
	const openDown = new Set(stack.sandbox.records(ccn.id, 'assets-downtime').filter((d) => !d.endedAt).map((d) => d.assetKey));
	const asset = stack.sandbox.records(ccn.id, 'assets').find((a) => a.criticality === 'high' && openDown.has(a.key));
	if (!asset) throw new Error('the sandbox data set has no critical asset with open downtime');
	return asset;
}

export function webhookExampleSuite(getStack: () => Stack): void {
	describe('example 1: CCN alarm → service request (active, signed webhooks)', () => {
		let workflow: StoredWorkflow;
		let url: string;
		let firstPayload: string;

		const executionCount = async () => (await getStack().rest.listExecutions(workflow.id)).length;
		const post = (body: string, signature?: string) =>
			fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...(signature ? { 'x-webhook-signature': signature } : {}) },
				body,
			});
		const sign = (body: string, secret: string) => createHmac('sha256', secret).update(body).digest('base64');

		beforeAll(async () => {
			const stack = getStack();
			workflow = await importExample(stack, '1-');
			workflow = await stack.rest.setActive(workflow.id, true);
			await waitUntilLive(stack.rest, workflow);
			const trigger = workflow.nodes.find((n) => n.type === 'n8n-nodes-makini.makiniTrigger')!;
			url = productionWebhookUrl(stack.n8n.url, trigger);
			await control(stack, 'POST', `/connections/${stack.sandbox.connections.ccn.id}/webhooks`, { url, events: ['assets.updated'] });
		});

		it('runs once per signed delivery, with the resolved asset, and raises a service request', async () => {
			const stack = getStack();
			const { ccn } = stack.sandbox.connections;
			const asset = downCriticalAsset(stack);
			const requestsBefore = stack.sandbox.records(ccn.id, 'service-requests').length;
			await control(stack, 'POST', `/connections/${ccn.id}/changes`, {
				entity: 'assets',
				key: asset.key,
				patch: { notes: 'CCN alarm 140: compressor high discharge temperature' },
			});
			const delivery = await waitFor(
				'the sandbox delivery to n8n',
				async () => (await control<Delivery[]>(stack, 'GET', '/deliveries')).find((d) => d.url === url && d.status !== null),
				15_000,
			);
			expect(delivery.status).toBe(200);
			firstPayload = JSON.stringify(delivery.payload);

			const execution = await waitFor(
				'the execution started by the webhook',
				async () => {
					const [latest] = await stack.rest.listExecutions(workflow.id);
					return latest && latest.status !== 'running' && latest.status !== 'new' ? stack.rest.getExecution(latest.id) : undefined;
				},
				30_000,
			);
			expect(execution.error).toBeUndefined();
			expect(execution.mode).toBe('webhook');
			const [triggered] = execution.output['Asset Changed'].map((i) => i.json as Row);
			expect(triggered).toEqual(
				expect.objectContaining({ event: 'assets.updated', recordId: asset.key, record: expect.objectContaining({ key: asset.key, notes: expect.stringContaining('CCN alarm 140') }) }),
			);
			const [request] = execution.output['Create Service Request'].map((i) => i.json as Row);
			expect(request).toEqual(expect.objectContaining({ assetKey: asset.key, title: expect.stringContaining(String(asset.name)) }));
			expect(stack.sandbox.records(ccn.id, 'service-requests')).toHaveLength(requestsBefore + 1);
			expect(await executionCount()).toBe(1);
		});

		it('answers 401 to a missing or wrong signature and starts nothing', async () => {
			const stack = getStack();
			const body = JSON.stringify({ event: 'assets.updated', body: [String(downCriticalAsset(stack).key)] });
			const unsigned = await post(body);
			expect(unsigned.status).toBe(401);
			const wrong = await post(body, sign(body, 'not-the-webhook-secret'));
			expect(wrong.status).toBe(401);
			expect(await wrong.text()).not.toContain(stack.sandbox.connections.ccn.webhookSecret);
			await sleep(1_500);
			expect(await executionCount()).toBe(1);
		});

		it('starts nothing for a redelivered duplicate', async () => {
			const stack = getStack();
			const redelivery = await post(firstPayload, sign(firstPayload, stack.sandbox.connections.ccn.webhookSecret));
			expect(redelivery.status).toBe(200);
			await sleep(1_500);
			expect(await executionCount()).toBe(1);
		});

		afterAll(async () => {
			await getStack().rest.setActive(workflow.id, false);
		});
	});
}
