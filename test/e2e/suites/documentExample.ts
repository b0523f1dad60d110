// Example 8 inside a real n8n: the Code node's PNG goes up as a multipart Document upload and the work order links
// it. Checked in the sandbox: the stored bytes are the Code node's bytes, and the work order lists the document.
import type { Stack } from '../../../demo/n8n/stack';
import { importExample, runExample } from '../helpers';

type Row = Record<string, unknown>;

export function documentExampleSuite(getStack: () => Stack): void {
	describe('example 8: attach a photo to a work order', () => {
		it('uploads the photo byte for byte and links it to the work order', async () => {
			const stack = getStack();
			const { ccn } = stack.sandbox.connections;
			const workflow = await importExample(stack, '8-');
			const run = await runExample(stack, workflow);
			expect(run.error).toBeUndefined();
			expect(run.status).toBe('success');

			const workOrder = (run.output['Work Order'] ?? [])[0]?.json as Row;
			const uploaded = (run.output['Upload Photo'] ?? []).map((i) => i.json as Row);
			expect(uploaded).toHaveLength(1);
			const doc = uploaded[0];
			expect(doc).toMatchObject({ name: `Inspection photo ${String(workOrder.key)}.png`, contentType: 'image/png', type: 'png' });

			// The bytes that arrived are the Code node's PNG, run here on the same input.
			const code = workflow.nodes.find((n) => n.name === 'Inspection Photo')!.parameters as { jsCode: string };
			const made = new Function('$input', code.jsCode)({ all: () => [{ json: workOrder }] }) as Array<{ binary: { data: { data: string } } }>;
			const expected = Buffer.from(made[0].binary.data.data, 'base64');
			const res = await fetch(String(doc.url), { headers: { authorization: `Bearer ${ccn.token}` } });
			expect([res.status, res.headers.get('content-type')]).toEqual([200, 'image/png']);
			expect(Buffer.from(await res.arrayBuffer()).equals(expected)).toBe(true);

			// The work order links the document, and the document lists the work order.
			const attached = (run.output['Attach to Work Order'] ?? [])[0]?.json as Row;
			expect(attached.documents).toEqual([expect.objectContaining({ key: doc.key, url: doc.url })]);
			const stored = stack.sandbox.records(ccn.id, 'work-orders').find((w) => w.key === workOrder.key)!;
			expect(stored.documents).toEqual([expect.objectContaining({ key: doc.key })]);
			expect(stored.notes).toBe(`Inspection photo attached: ${String(doc.name)}`);
			expect(stack.sandbox.records(ccn.id, 'documents').find((d) => d.key === doc.key)?.entityKeys).toEqual([workOrder.key]);
		});
	});
}
