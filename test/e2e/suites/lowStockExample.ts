// Example 7 runs through n8n (manual run from its Schedule trigger) against the sandbox: every storeroom inventory
// below the reorder point gets one purchase order, which lands in the sandbox; a second run orders nothing again.
import type { Stack } from '../../../demo/n8n/stack';
import { control, importExample, runExample } from '../helpers';

type Row = Record<string, unknown>;
const REORDER_POINT = 3;
const TARGET_QUANTITY = 12;

export function lowStockExampleSuite(getStack: () => Stack): void {
	describe('example 7: low stock to purchase order', () => {
		it('raises one purchase order per low inventory, to the part\'s vendor for its storeroom\'s site, once', async () => {
			const stack = getStack();
			const { ccn } = stack.sandbox.connections;
			const records = (entity: string) => stack.sandbox.records(ccn.id, entity) as Row[];
			// A stock take finds one more part nearly gone (so the run has at least one order to raise).
			const counted = records('inventories').find((i) => Number(i.quantity) >= REORDER_POINT)!;
			await control(stack, 'POST', `/connections/${ccn.id}/changes`, { entity: 'inventories', key: counted.key, patch: { quantity: 1 } });

			const low = records('inventories').filter((i) => Number(i.quantity) < REORDER_POINT);
			expect(low.map((i) => i.key)).toContain(counted.key);
			const materials = records('materials');
			const storerooms = records('storerooms');
			const expected = low.map((inventory) => {
				const part = materials.find((m) => m.name === inventory.name)!;
				const storeroom = storerooms.find((s) => s.locationKey === inventory.locationKey)!;
				return {
					orderNo: `RESTOCK-${String(inventory.key)}`,
					vendorKey: (part.vendorKeys as string[])[0],
					siteKey: storeroom.siteKey,
					totalNetValue: (TARGET_QUANTITY - Number(inventory.quantity)) * Number(part.cost),
					partNumber: String(part.partNumber),
				};
			});
			const before = records('purchase-orders').length;

			const workflow = await importExample(stack, '7-');
			const first = await runExample(stack, workflow);
			expect(first.error).toBeUndefined();
			expect(first.status).toBe('success');
			const created = (first.output['Create Purchase Order'] ?? []).map((i) => i.json as Row);
			expect(created.map((po) => po.orderNo).sort()).toEqual(expected.map((e) => e.orderNo).sort());

			// The orders are in the sandbox, as the workflow answered them.
			const orders = records('purchase-orders');
			expect(orders).toHaveLength(before + expected.length);
			for (const want of expected) {
				const order = orders.filter((po) => po.orderNo === want.orderNo);
				expect(order).toHaveLength(1);
				expect(order[0]).toMatchObject({ vendorKey: want.vendorKey, siteKey: want.siteKey, totalNetValue: String(want.totalNetValue), currencyKey: 'USD' });
				expect(String(order[0].description)).toContain(want.partNumber);
				expect(created.find((po) => po.orderNo === want.orderNo)).toEqual(order[0]);
			}

			const second = await runExample(stack, workflow);
			expect(second.status).toBe('success');
			expect(second.output['Create Purchase Order']).toBeUndefined(); // every low inventory already has its order
			expect(records('purchase-orders')).toHaveLength(before + expected.length);
		});
	});
}
