// Activating imported example workflows, and pointing the sandbox's webhooks at the Makini Trigger's
// production URL (what a user does by hand in the Makini dashboard).
import { PACKAGE_NAME } from './process';
import { N8nRest, StoredWorkflow } from './rest';
import type { Stack } from './stack';
import type { Sandbox } from '../../sandbox';

export const WEBHOOK_TRIGGER_TYPE = `${PACKAGE_NAME}.makiniTrigger`;
export const POLLING_TRIGGER_TYPE = `${PACKAGE_NAME}.makiniPollingTrigger`;

async function until(what: string, done: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await done())) {
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

/**
 * Waits until an activated workflow's triggers are live: n8n 2.x activates in the background, so its
 * production webhooks answer 404 and its first poll (which stores the cursor) has not run for a moment.
 * A webhook is live once an unsigned POST gets the trigger's own 401; a poller once its static data exists.
 */
export async function waitUntilLive(rest: N8nRest, workflow: StoredWorkflow): Promise<void> {
	for (const node of workflow.nodes.filter((n) => !n.disabled)) {
		if (node.type === WEBHOOK_TRIGGER_TYPE) {
			const url = productionWebhookUrl(rest.url, node);
			await until(`the webhook ${url}`, async () => (await fetch(url, { method: 'POST', body: '{}' })).status !== 404);
		}
		if (node.type === POLLING_TRIGGER_TYPE) {
			await until(`the first poll of "${String(node.name)}"`, async () => {
				const { staticData } = (await rest.getWorkflow(workflow.id)) as { staticData?: Record<string, unknown> | null };
				return Boolean(staticData?.[`node:${String(node.name)}`]);
			});
		}
	}
}

export async function activateExamples(
	rest: N8nRest,
	imported: Array<{ workflow: StoredWorkflow }>,
): Promise<{ active: StoredWorkflow[]; failed: Array<{ name: string; message: string }> }> {
	const active: StoredWorkflow[] = [];
	const failed: Array<{ name: string; message: string }> = [];
	for (const { workflow } of imported) {
		// A workflow started only by hand (example 8, Manual Trigger) has nothing to activate.
		const triggered = workflow.nodes.some((n) => /trigger/i.test(String(n.type)) && n.type !== 'n8n-nodes-base.manualTrigger');
		if (!triggered) continue;
		try {
			const activated = await rest.setActive(workflow.id, true);
			await waitUntilLive(rest, activated);
			active.push(activated);
		} catch (error) {
			failed.push({ name: workflow.name, message: error instanceof Error ? error.message : String(error) });
		}
	}
	return { active, failed };
}

/** n8n's production URL of a webhook node: /webhook/<webhookId>/<path of the node's webhook>. */
export function productionWebhookUrl(n8nUrl: string, node: Record<string, unknown>): string {
	if (typeof node.webhookId !== 'string') throw new Error(`node "${String(node.name)}" has no webhookId`);
	return `${n8nUrl}/webhook/${node.webhookId}/webhook`;
}

/** Subscribes the sandbox connection behind each active Makini Trigger to its production URL. Returns the URLs. */
export async function subscribeWebhookTriggers(stack: Stack, active: StoredWorkflow[]): Promise<string[]> {
	const connectionByCredential = new Map(Object.values(stack.credentials).map((c) => [c.id, c.connection.id]));
	const urls: string[] = [];
	for (const workflow of active) {
		for (const node of workflow.nodes.filter((n) => n.type === WEBHOOK_TRIGGER_TYPE && !n.disabled)) {
			const credentialId = (node.credentials as { makiniApi?: { id: string } } | undefined)?.makiniApi?.id;
			const connectionId = credentialId ? connectionByCredential.get(credentialId) : undefined;
			if (!connectionId) continue;
			const events = ((node.parameters as { events?: string[] }).events ?? []).filter((e) => e !== '*');
			const url = productionWebhookUrl(stack.n8n.url, node);
			stack.sandbox.subscribe(connectionId, { url, events: events.length ? events : undefined });
			urls.push(url);
		}
	}
	return urls;
}

/** A critical asset with open downtime on the CCN connection: changing it makes example 1 raise a service request. */
export function alarmDemoAsset(sandbox: Sandbox): { key: string; name: string } | undefined {
	const { ccn } = sandbox.connections;
	const down = new Set(sandbox.records(ccn.id, 'assets-downtime').filter((d) => !d.endedAt).map((d) => d.assetKey));
	const asset = sandbox.records(ccn.id, 'assets').find((a) => a.criticality === 'high' && down.has(a.key));
	return asset ? { key: String(asset.key), name: String(asset.name) } : undefined;
}
