// Issue #15 measured in the real n8n: an active Makini Trigger gets signed deliveries on its production URL
// in bursts, redeliveries (1 s later, at the same moment, one at a time, after a restart of n8n), and n8n's
// own executions are counted over its REST API. Exactly one execution per unique delivery emits it; any
// other execution emits nothing and carries the duplicate mark. Works on n8n 1.x and 2.x alike.
import { createHmac, randomUUID } from 'crypto';
import { productionWebhookUrl, waitUntilLive, WEBHOOK_TRIGGER_TYPE } from '../../../demo/n8n/examples';
import { N8N_VERSION } from '../../../demo/n8n/install';
import { N8nRestError, type ExecutionSummary, type StoredWorkflow } from '../../../demo/n8n/rest';
import type { Stack } from '../../../demo/n8n/stack';
import { sleep, waitFor } from '../helpers';

const MARK = 'makiniDuplicateDeliveries';
const TRIGGER = 'Makini Trigger';

interface Tally {
	started: number;
	emitted: number;
	marked: number;
	/** distinct deliveries among the emitted items */
	distinct: number;
}

/** An n8n starved of CPU answers 503 "Database is not ready!" for a while (its database ping timed out): wait it out. */
async function whenReady<T>(call: () => Promise<T>): Promise<T> {
	for (let waited = 0; ; waited += 2_000) {
		try {
			return await call();
		} catch (error) {
			if (!(error instanceof N8nRestError && error.status === 503) || waited >= 120_000) throw error;
			await sleep(2_000);
		}
	}
}

export function duplicatesSuite(getStack: () => Stack): void {
	describe('duplicate deliveries in a real n8n (issue #15)', () => {
		const workflows: StoredWorkflow[] = [];

		/** A workflow of just the Makini Trigger (all events), active and live, and its production URL. */
		async function activeTrigger(name: string, options: Record<string, unknown> = {}): Promise<{ workflow: StoredWorkflow; url: string }> {
			const { rest, credentials } = getStack();
			const node = {
				id: randomUUID(),
				name: TRIGGER,
				type: WEBHOOK_TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { events: ['*'], options },
				credentials: { makiniApi: { id: credentials.ccn.id, name: credentials.ccn.name } },
			};
			const created = await whenReady(() => rest.createWorkflow({ name: `Duplicates: ${name}`, nodes: [node], connections: {}, settings: {} }));
			workflows.push(created);
			const workflow = await whenReady(() => rest.setActive(created.id, true));
			await waitUntilLive(rest, workflow);
			return { workflow, url: productionWebhookUrl(rest.url, node) };
		}

		const bodies = (tag: string, count: number) =>
			Array.from({ length: count }, (_, n) => JSON.stringify({ event: 'assets.updated', body: [`${tag}-${n}`] }));

		/**
		 * Posts each body signed as Makini does, all at the same moment. Like Makini, re-sends those not
		 * answered 2xx (an overloaded n8n can fail a request before the trigger runs) after a pause; returns
		 * how many re-sends that took, and logs their first answers.
		 */
		async function deliver(url: string, payloads: string[]): Promise<number> {
			const secret = getStack().credentials.ccn.connection.webhookSecret;
			const post = async (body: string) => {
				const res = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'x-webhook-signature': createHmac('sha256', secret).update(body).digest('base64') },
					body,
				});
				await res.arrayBuffer();
				return res.status;
			};
			let resent = 0;
			for (let pending = payloads, attempt = 1; ; attempt++) {
				const statuses = await Promise.all(pending.map(post));
				pending = pending.filter((_, n) => statuses[n] !== 200);
				if (pending.length === 0) return resent;
				const refused = statuses.filter((status) => status !== 200);
				process.stdout.write(`[e2e] duplicates: n8n answered ${refused.length} of ${statuses.length} with ${[...new Set(refused)].join('/')}; re-sending\n`);
				if (attempt === 10) throw new Error(`${pending.length} deliveries not accepted after 10 attempts (last answers: ${statuses.join(', ')})`);
				resent += pending.length;
				await sleep(3_000);
			}
		}

		async function allExecutions(workflowId: string): Promise<ExecutionSummary[]> {
			const { rest } = getStack();
			const all: ExecutionSummary[] = [];
			for (let lastId: string | undefined; ; ) {
				const filter = encodeURIComponent(JSON.stringify({ workflowId }));
				const page = await whenReady(() =>
					rest.request<{ results: ExecutionSummary[] }>('GET', `/executions?filter=${filter}&limit=100${lastId ? `&lastId=${lastId}` : ''}`),
				);
				all.push(...page.results);
				if (page.results.length < 100) return all;
				lastId = page.results[page.results.length - 1].id;
			}
		}

		/** Waits until the workflow's executions have all finished and their number holds for 3 s, then tallies them. */
		async function tally(workflowId: string): Promise<Tally> {
			let last = -1;
			let stableSince = Date.now();
			const finished = await waitFor(
				'the executions to finish',
				async () => {
					const executions = await allExecutions(workflowId);
					if (executions.length !== last || executions.some((e) => ['new', 'running', 'waiting'].includes(e.status))) {
						last = executions.length;
						stableSince = Date.now();
						return undefined;
					}
					return Date.now() - stableSince >= 3_000 ? executions : undefined;
				},
				180_000,
				1_000,
			);
			const result: Tally = { started: finished.length, emitted: 0, marked: 0, distinct: 0 };
			const delivered = new Set<string>();
			for (const summary of finished) {
				const execution = await whenReady(() => getStack().rest.getExecution(summary.id));
				expect(execution.status).toBe('success');
				const items = execution.output[TRIGGER] ?? [];
				if (items.length > 0) result.emitted++;
				// n8n returns the execution's custom data with it
				if ((execution as { customData?: Record<string, string> }).customData?.[MARK]) result.marked++;
				for (const item of items) delivered.add(JSON.stringify((item.json.payload as { body: unknown }).body));
			}
			result.distinct = delivered.size;
			return result;
		}

		function report(scenario: string, counts: Tally, resent: number): void {
			process.stdout.write(`[e2e] duplicates, n8n ${N8N_VERSION}: ${scenario}: ${JSON.stringify({ ...counts, resent })}\n`);
		}

		/** One execution emits each unique delivery; every other execution emits nothing and is marked. */
		function expectExactlyOnce(counts: Tally, unique: number): void {
			expect(counts.emitted).toBe(unique);
			expect(counts.distinct).toBe(unique);
			expect(counts.marked).toBe(counts.started - counts.emitted);
		}

		it('100 unique deliveries at once, then each redelivered 1 s later: 100 executions', async () => {
			const { workflow, url } = await activeTrigger('burst, redelivered 1 s later');
			const payloads = bodies('later', 100);
			let resent = await deliver(url, payloads);
			await sleep(1_000);
			resent += await deliver(url, payloads);
			const counts = await tally(workflow.id);
			report('100 at once + redelivered 1 s later', counts, resent);
			expectExactlyOnce(counts, 100);
			expect(counts.started).toBe(100); // one process: redeliveries start no execution at all
		}, 300_000);

		it('100 unique deliveries, each sent twice at the same moment: 100 executions', async () => {
			const { workflow, url } = await activeTrigger('burst, each twice at once');
			const payloads = bodies('twice', 100);
			const resent = await deliver(url, [...payloads, ...payloads]);
			const counts = await tally(workflow.id);
			report('100 each sent twice at once', counts, resent);
			expectExactlyOnce(counts, 100);
			expect(counts.started).toBe(100);
		}, 300_000);

		it('30 unique deliveries one at a time, then each redelivered one at a time: 30 executions', async () => {
			const { workflow, url } = await activeTrigger('serial');
			const payloads = bodies('serial', 30);
			let resent = 0;
			for (const body of [...payloads, ...payloads]) resent += await deliver(url, [body]);
			const counts = await tally(workflow.id);
			report('30 one at a time + redelivered one at a time', counts, resent);
			expectExactlyOnce(counts, 30);
			expect(counts.started).toBe(30);
		}, 300_000);

		it('100 unique deliveries at once, n8n restarts, then each redelivered twice at once and 1 s later', async () => {
			const stack = getStack();
			const { workflow, url } = await activeTrigger('restart between delivery and redelivery');
			const payloads = bodies('restart', 100);
			let resent = await deliver(url, payloads);
			await tally(workflow.id); // every execution has finished (and saved what it saves) before n8n stops
			await stack.restartN8n();
			await waitUntilLive(stack.rest, workflow);
			resent += await deliver(url, [...payloads, ...payloads]);
			await sleep(1_000);
			resent += await deliver(url, payloads);
			const counts = await tally(workflow.id);
			report('100 at once, restart, redelivered twice at once + 1 s later', counts, resent);
			expectExactlyOnce(counts, 100);
		}, 600_000);

		it('a redelivery only n8n\'s deduplication store remembers starts an execution that emits nothing and is marked', async () => {
			// Remembered Deliveries 5: the process memory has forgotten the first of 8 deliveries, n8n's store has not.
			const { workflow, url } = await activeTrigger('store only', { maxEntries: 5 });
			const payloads = bodies('store', 8);
			let resent = 0;
			for (const body of [...payloads, payloads[0]]) resent += await deliver(url, [body]);
			const counts = await tally(workflow.id);
			report('8 one at a time, the first redelivered after the memory forgot it', counts, resent);
			expect(counts).toEqual({ started: 9, emitted: 8, marked: 1, distinct: 8 });
		}, 300_000);

		afterAll(async () => {
			for (const workflow of workflows) await getStack().rest.deleteWorkflow(workflow.id).catch(() => undefined);
		});
	});
}
