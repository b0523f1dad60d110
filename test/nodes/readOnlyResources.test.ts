// Get and Get Many of every resource added for the whole published EAM API, through n8n-core's real
// contexts against the strict sandbox: every record comes back whole, in order, and as Makini publishes it.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Makini } from '../../nodes/Makini/Makini.node';
import { responseErrors } from '../contract/validate';
import { runNode } from '../harness/execute';
import { useSandbox } from '../harness/sandbox';

const fx = useSandbox();
const node = new Makini();

async function json(parameters: INodeParameters): Promise<IDataObject[]> {
	const [output] = await runNode({ node, parameters, credentials: fx.tokenCredentials() });
	return output.map((item) => item.json);
}
const records = (entity: string) => fx.sandbox.records('ccn', entity) as IDataObject[];

const resources: Array<[resource: string, entity: string, simplify: boolean]> = [
	['account', 'accounts', true],
	['assetTemplate', 'asset-templates', false],
	['company', 'companies', true],
	['customer', 'customers', false],
	['document', 'documents', false],
	['inventory', 'inventories', false],
	['labor', 'labors', true],
	['material', 'materials', true],
	['organization', 'organizations', true],
	['purchaseOrderLineItem', 'purchase-orders.line-items', true],
	['returnOrder', 'return-orders', true],
	['stock', 'stocks', false],
	['storeroom', 'storerooms', false],
	['unitOfMeasure', 'uom', false],
	['vendor', 'vendors', false],
];

// Resources whose key is a picker (From List / By Key / By URL).
const PICKED = new Set(['material', 'inventory', 'stock']);

describe.each(resources)('%s', (resource, entity, simplify) => {
	test('Get Many returns every record in order, each as published', async () => {
		const output = await json({ resource, operation: 'getAll', returnAll: true, simplify: false });
		expect(output.length).toBeGreaterThan(0);
		expect(output).toEqual(records(entity));
		expect(responseErrors('GET', `/api/eam/${entity}/${String(output[0].key)}`, { data: output[0] })).toEqual([]);
		for (const record of output) expect(responseErrors('GET', `/api/eam/${entity}/x`, { data: record })).toEqual([]);
	});

	test('Get returns the record by key; Get Many honours Limit and Simplify', async () => {
		const expected = records(entity).at(-1)!;
		const key = PICKED.has(resource) ? { __rl: true, mode: 'key', value: expected.key } : expected.key;
		expect(await json({ resource, operation: 'get', [`${resource}Key`]: key } as INodeParameters)).toEqual([expected]);
		const limited = await json({ resource, operation: 'getAll', limit: 1 });
		expect(limited).toHaveLength(1);
		expect(limited[0].key).toBe(records(entity)[0].key);
		if (simplify) {
			expect(Object.keys(limited[0]).length).toBeLessThan(Object.keys(records(entity)[0]).length);
			for (const [field, value] of Object.entries(limited[0])) expect(records(entity)[0][field]).toEqual(value);
		} else {
			expect(limited[0]).toEqual(records(entity)[0]);
		}
	});
});
