// Webhook intake into the running n8n server: signed deliveries per second into an active Makini Trigger
// against n8n's Webhook node with header auth, same deliveries (both headers on each), and the executions
// each side's deliveries start.
import { createHmac, randomUUID } from 'crypto';

import type { RunningSandbox } from '../../sandbox';
import { round } from '../lib/stats';
import { speedFigure, type Figure } from './figures';
import type { BenchN8n } from './instance';
import { alternate, type Side } from './rounds';
import { makiniTrigger, webhookNode } from './workflows';

export const SIDES = {
	makini: 'Makini Trigger (HMAC-verified, duplicate memory)',
	webhook: "n8n's Webhook node, header auth",
} as const;

/** Deliveries in flight at once, like a sender with a small connection pool. */
const IN_FLIGHT = 4;
const AUTH_HEADER = 'X-Bench-Auth';
const WARM_UP = 100;

async function executionCount(n8n: BenchN8n, workflowId: string): Promise<number> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const page = await n8n.rest.request<{ count: number }>('GET', `/executions?filter=${filter}&limit=1`);
	return page.count;
}

/** Waits until the workflow has `expected` executions, or nothing new arrived for 10 s. */
async function settle(n8n: BenchN8n, workflowId: string, expected: number): Promise<number> {
	let last = -1;
	let since = Date.now();
	for (;;) {
		const count = await executionCount(n8n, workflowId);
		if (count >= expected) return count;
		if (count !== last) [last, since] = [count, Date.now()];
		if (Date.now() - since > 10_000) return count;
		await new Promise((r) => setTimeout(r, 500));
	}
}

/** Sends `count` distinct signed deliveries to `url`, IN_FLIGHT at a time; resolves with ms and non-2xx count. */
async function deliver(url: string, count: number, secret: string, authValue: string, runId: string): Promise<{ ms: number; failed: number }> {
	let next = 0;
	let failed = 0;
	const started = performance.now();
	const sender = async () => {
		while (next < count) {
			const i = next++;
			const body = JSON.stringify({ event: 'assets.updated', id: `evt_${runId}_${i}`, timestamp: new Date().toISOString(), connection_id: 'ccn', body: [String(i)] });
			const signature = createHmac('sha256', secret).update(body).digest('base64');
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-webhook-signature': signature, [AUTH_HEADER]: authValue },
				body,
			});
			await response.arrayBuffer();
			if (!response.ok) failed++;
		}
	};
	await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
	return { ms: performance.now() - started, failed };
}

/** Production webhooks of n8n 2.x answer 404 for a moment after activation. */
async function waitRegistered(url: string): Promise<void> {
	for (let i = 0; i < 60; i++) {
		const response = await fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
		await response.arrayBuffer();
		if (response.status !== 404) return;
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`webhook ${url} was never registered`);
}

export async function webhooks(n8n: BenchN8n, sandbox: RunningSandbox, deliveries: number, rounds: number, log: (line: string) => void): Promise<Figure[]> {
	const ccn = sandbox.connections.ccn;
	const authValue = `bench-${randomUUID()}`;
	const makiniCred = await n8n.credential(`Makini ${sandbox.url}`, 'makiniApi', { baseUrl: sandbox.url, token: ccn.token, webhookSecret: ccn.webhookSecret });
	const headerCred = await n8n.credential('Webhook header auth', 'httpHeaderAuth', { name: AUTH_HEADER, value: authValue });
	const makiniHook = randomUUID();
	const plainHook = randomUUID();
	const ids = {
		makini: await n8n.workflow(makiniTrigger(SIDES.makini, makiniCred, makiniHook)),
		webhook: await n8n.workflow(webhookNode(SIDES.webhook, headerCred, plainHook, `bench-${plainHook}`)),
	};
	const urls = { makini: `${n8n.n8n.url}/webhook/${makiniHook}/webhook`, webhook: `${n8n.n8n.url}/webhook/bench-${plainHook}` };
	for (const id of Object.values(ids)) await n8n.rest.setActive(id, true);
	try {
		for (const url of Object.values(urls)) await waitRegistered(url);
		// Unmeasured warm-up of each side (n8n's and the package's code paths, JIT): otherwise the side that goes
		// first in the first round pays for both.
		for (const key of ['makini', 'webhook'] as const) {
			const before = await executionCount(n8n, ids[key]);
			await deliver(urls[key], WARM_UP, ccn.webhookSecret, authValue, `${key}_warmup`);
			await settle(n8n, ids[key], before + WARM_UP);
		}
		const baseline = { makini: await executionCount(n8n, ids.makini), webhook: await executionCount(n8n, ids.webhook) };
		let runs = 0;
		const side = (key: 'makini' | 'webhook'): Side => ({
			name: SIDES[key],
			run: async () => {
				const expected = baseline[key] + deliveries;
				const { ms, failed } = await deliver(urls[key], deliveries, ccn.webhookSecret, authValue, `${key}_${++runs}`);
				// Every execution of this side finished before the next side sends: they do not overlap.
				const count = await settle(n8n, ids[key], expected);
				baseline[key] = count;
				const problem = failed || count !== expected ? `${failed} deliveries refused, ${count - expected + deliveries} executions of ${deliveries}` : '';
				return { ms, problem, details: { perSecond: round((deliveries / ms) * 1000, 0) } };
			},
		});
		log(`  Webhooks, ${deliveries.toLocaleString('en')} signed deliveries (n8n ${n8n.version}, ${rounds} rounds)`);
		const figures = await alternate([side('makini'), side('webhook')], rounds, log);
		const figure = speedFigure(`Webhook intake, ${deliveries.toLocaleString('en')} deliveries: ${SIDES.makini} vs ${SIDES.webhook}`, n8n.version, figures, SIDES.makini, SIDES.webhook, 0.9);
		figure.details = {
			deliveriesPerSecond: Object.fromEntries(Object.entries(figures).map(([name, f]) => [name, round((deliveries / f.medianMs) * 1000, 0)])),
		};
		return [figure];
	} finally {
		for (const id of Object.values(ids)) await n8n.rest.setActive(id, false).catch(() => undefined);
	}
}
