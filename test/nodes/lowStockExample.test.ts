// Example 7's own node parameters and Code, run node by node against the strict sandbox in both record shapes (the
// e2e suite runs the whole workflow in real n8n in the published shape): low inventories become purchase orders whose
// bodies are the published request, once.
import axios from 'axios';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { Makini } from '../../nodes/Makini/Makini.node';
import { requestErrors } from '../contract/validate';
import { runNode } from '../harness/execute';
import { useRecorder } from '../harness/recorder';
import { useSandbox } from '../harness/sandbox';

jest.setTimeout(60_000);

const fx = useSandbox();
const recorder = useRecorder(fx);
const node = new Makini();
interface ExampleNode {
	name: string;
	parameters: INodeParameters & { jsCode?: string };
	executeOnce?: boolean;
}
const nodes = (JSON.parse(readFileSync(join(__dirname, '../../examples/7-low-stock-purchase-order.json'), 'utf8')) as { nodes: ExampleNode[] }).nodes;
const named = (name: string) => nodes.find((n) => n.name === name)!;
const records = (entity: string) => fx.sandbox.records('ccn', entity) as IDataObject[];

/** n8n resolves `={{ $json.x }}` per item; the Makini node gets the resolved parameters. */
function resolve(parameters: INodeParameters, json: IDataObject): INodeParameters {
	const walk = (value: unknown): unknown => {
		if (typeof value === 'string' && value.startsWith('={{')) {
			const expression = value.slice(3, -2).trim();
			if (expression === '$now.toISO()') return '2026-11-30T07:00:00.000Z';
			const field = /^\$json\.(\w+)$/.exec(expression)?.[1];
			if (!field) throw new Error(`unhandled expression ${value}`);
			return json[field];
		}
		if (Array.isArray(value)) return value.map(walk);
		if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
		return value;
	};
	return walk(parameters) as INodeParameters;
}

async function step(name: string, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const n = named(name);
	const out: INodeExecutionData[] = [];
	for (const item of n.executeOnce ? items.slice(0, 1) : items) {
		const [output] = await runNode({ node, parameters: resolve(n.parameters, item.json), credentials: recorder.credentials() });
		out.push(...output);
	}
	return out;
}

describe.each([['published shape', 'key'], ['v4 records', 'v4']] as const)('%s', (_name, recordShape) => {
	beforeAll(() => fx.sandbox.configure({ recordShape }));
	afterAll(() => fx.sandbox.resetSettings());

	test('example 7: one purchase order per low inventory, to the part\'s vendor, once', async () => {
		const key = (r: IDataObject) => r.key ?? r.id;
		const run = async () => {
			const open = await step('Open Restock Orders', [{ json: {} }]);
			const storerooms = await step('Storerooms', open.length ? open : [{ json: {} }]);
			const inventories = await step('Storeroom Inventory', [{ json: {} }]);
			const threshold = named('Below Reorder Point?').parameters as unknown as { conditions: { conditions: Array<{ rightValue: number }> } };
			const low = inventories.filter((i) => Number(i.json.quantity) < threshold.conditions.conditions[0].rightValue);
			const parts = await step('Part', low);
			const jsCode = named('Purchase Order Lines').parameters.jsCode!;
			const lines = new Function('$input', '$', jsCode)(
				{ all: () => parts },
				(name: string) => ({ all: () => ({ 'Open Restock Orders': open.length ? open : [{ json: {} }], Storerooms: storerooms, 'Below Reorder Point?': low })[name] }),
			) as INodeExecutionData[];
			return { low, lines, created: await step('Create Purchase Order', lines) };
		};

		// A stock take finds one more part nearly gone (another one per record shape).
		const counted = records('inventories').filter((i) => Number(i.quantity) >= 3)[recordShape === 'key' ? 0 : 1];
		await axios.post(`${fx.sandbox.url}/__sandbox/connections/ccn/changes`, { entity: 'inventories', key: counted.key, patch: { quantity: 1 } });
		const orderedBefore = new Set(records('purchase-orders').map((po) => po.orderNo));
		recorder.sent.splice(0);

		const { low, lines, created } = await run();
		const due = low.map((i) => `RESTOCK-${String(key(i.json))}`).filter((orderNo) => !orderedBefore.has(orderNo));
		expect(due).toContain(`RESTOCK-${String(counted.key)}`);
		expect(lines.map((l) => l.json.orderNo).sort()).toEqual(due.sort());
		expect(created.map((c) => c.json.orderNo).sort()).toEqual(due.sort());
		const posts = recorder.sent.filter((s) => s.method === 'POST');
		expect(posts).toHaveLength(due.length);
		for (const post of posts) {
			const body = post.body as IDataObject;
			expect(requestErrors('POST', '/api/eam/purchase-orders', body)).toEqual([]);
			expect(Object.keys(body).sort()).toEqual(['currencyKey', 'description', 'orderDate', 'orderNo', 'siteKey', 'terms', 'title', 'totalNetValue', 'vendorKey']);
			const inventory = records('inventories').find((i) => `RESTOCK-${String(i.key)}` === body.orderNo)!;
			const part = records('materials').find((m) => m.name === inventory.name)!;
			expect(body).toMatchObject({ vendorKey: (part.vendorKeys as string[])[0], totalNetValue: (12 - Number(inventory.quantity)) * Number(part.cost) });
			expect(body.siteKey).toBe(records('storerooms').find((s) => s.locationKey === inventory.locationKey)!.siteKey);
		}
		for (const post of posts) expect(post.path).toBe('/api/eam/purchase-orders');

		// Run again: every low inventory already has its open order.
		recorder.sent.splice(0);
		const again = await run();
		expect(again.lines).toEqual([]);
		expect(recorder.sent.filter((s) => s.method === 'POST')).toEqual([]);
	});
});
