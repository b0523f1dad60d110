// The Makini Polling Trigger inside n8n: an active workflow picks up a work-order change within one
// poll (n8n's smallest interval, every minute), and the sync-status mode raises the reauthorization alert.
import { waitUntilLive } from '../../../demo/n8n/examples';
import type { Stack } from '../../../demo/n8n/stack';
import { control, importExample, runExample, waitFor } from '../helpers';

export function pollingSuite(getStack: () => Stack): void {
	describe('example 4: polling fallback (active, every minute)', () => {
		it('starts one execution carrying a work order changed in the source system', async () => {
			const stack = getStack();
			const workflow = await importExample(stack, '4-');
			// the first poll on activation only stores the cursor; changes after it are what the next poll finds
			await waitUntilLive(stack.rest, await stack.rest.setActive(workflow.id, true));
			const workOrder = stack.sandbox.records(stack.sandbox.connections.ccn.id, 'work-orders')[0];
			const title = `E2E polling check ${Date.now()}`;
			await control(stack, 'POST', `/connections/${stack.sandbox.connections.ccn.id}/changes`, {
				entity: 'work-orders',
				key: workOrder.key,
				patch: { title },
			});
			const execution = await waitFor(
				'an execution of the polling example',
				async () => {
					const [latest] = await stack.rest.listExecutions(workflow.id);
					return latest && latest.status === 'success' ? stack.rest.getExecution(latest.id) : undefined;
				},
				90_000, // n8n fires "every minute" on the minute: at most one interval plus start-up slack
				2_000,
			);
			const summaries = execution.output['Summarize Change'].map((i) => i.json);
			expect(summaries).toEqual([expect.objectContaining({ workOrder: workOrder.code, title })]);
			await stack.rest.setActive(workflow.id, false);
		});
	});

	describe('example 5: connection health', () => {
		it('alerts when the connection needs reauthorization', async () => {
			const stack = getStack();
			const { ccn } = stack.sandbox.connections;
			const workflow = await importExample(stack, '5-');
			await control(stack, 'PUT', `/connections/${ccn.id}/scenario`, { reauthorizationRequired: true });
			try {
				const execution = await runExample(stack, workflow);
				expect(execution.status).toBe('success');
				expect(execution.output.Alert?.[0]?.json.alert).toMatch(/needs reauthorization \(sync status fail/);
			} finally {
				await control(stack, 'DELETE', `/connections/${ccn.id}/scenario`);
			}
		});

		it('reports a healthy connection on the other branch', async () => {
			const stack = getStack();
			const workflow = (await stack.rest.listWorkflows()).find((w) => w.name === 'Connection health (sync status)')!;
			const execution = await runExample(stack, await stack.rest.getWorkflow(workflow.id));
			expect(execution.output.Alert).toBeUndefined();
			expect(execution.output['Status Note'][0].json.note).toMatch(/to (done|fulldone|inprogress)$/);
		});
	});
}
