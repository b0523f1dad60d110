import type { IDataObject, INodeParameters, INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { resources } from '../../nodes/Makini/actions/resources';
import { listEntities, recordShapeFields } from '../../nodes/Makini/descriptions/filterFields';
import { publishedFields } from '../../nodes/Makini/descriptions/publishedFields';
import { Makini } from '../../nodes/Makini/Makini.node';
import { MakiniPollingTrigger } from '../../nodes/Makini/MakiniPollingTrigger.node';
import { runMethod, runNode } from '../harness/execute';
import { useRecorder } from '../harness/recorder';
import { useSandbox } from '../harness/sandbox';

// The Field of Filters rows and Sort rules: a picker of the published fields (loadOptions getFilterFields through
// n8n-core's LoadOptionsContext) wherever the records have a published schema, free text elsewhere.

const fx = useSandbox();
const recorder = useRecorder(fx);
const node = new Makini();
const records = (entity: string) => fx.sandbox.records('ccn', entity) as IDataObject[];

const fieldsOf = async (nodeType: Makini | MakiniPollingTrigger, parameters: INodeParameters) =>
	await runMethod<INodePropertyOptions[]>({ node: nodeType, parameters, credentials: fx.tokenCredentials(), method: 'loadOptions.getFilterFields' });
const v4 = recordShapeFields.map((field) => ({ name: `${field} (v4 record shape)`, value: field }));

/** Every `field` parameter inside the Filters and Sort collections of a description. */
function fieldParameters(properties: INodeProperties[]): INodeProperties[] {
	return properties
		.filter((p) => p.name === 'filters' || p.name === 'sort')
		.flatMap((p) => (p.options as INodePropertyCollection[]).flatMap((o) => o.values))
		.filter((v) => v.name === 'field');
}
const isPicker = (p: INodeProperties) => p.type === 'options' && p.typeOptions?.loadOptionsMethod === 'getFilterFields';

describe('load options', () => {
	test('a Makini resource offers its list’s published fields, alphabetical, then the v4 record-shape fields', async () => {
		const options = await fieldsOf(node, { resource: 'workOrder', operation: 'getAll' });
		const published = options.slice(0, -v4.length);
		expect(published.map((o) => o.value)).toEqual(publishedFields['work-orders']);
		expect(published.map((o) => o.value)).toEqual(expect.arrayContaining(['categoryName', 'updatedAt', 'statusKey']));
		expect(published.map((o) => o.name)).toEqual(published.map((o) => o.value));
		expect(options.slice(-v4.length)).toEqual(v4.map((o) => expect.objectContaining(o)));
	});

	test('each resource its own list: purchase order line items, units of measure', async () => {
		const lines = await fieldsOf(node, { resource: 'purchaseOrderLineItem', operation: 'getAll' });
		expect(lines.map((o) => o.value)).toEqual([...publishedFields['purchase-orders.line-items'], ...recordShapeFields]);
		expect(lines.map((o) => o.value)).toContain('lineNo');
		const uom = await fieldsOf(node, { resource: 'unitOfMeasure', operation: 'getAll' });
		expect(uom.map((o) => o.value)).toEqual([...publishedFields.uom, ...recordShapeFields]);
		expect(uom.map((o) => o.value)).not.toContain('lineNo');
	});

	test('the Polling Trigger offers the fields of its Resource (a list path)', async () => {
		const trigger = new MakiniPollingTrigger();
		const readings = await fieldsOf(trigger, { event: 'recordChanged', resource: 'meter-readings' });
		expect(readings.map((o) => o.value)).toEqual([...publishedFields['meter-readings'], ...recordShapeFields]);
		expect(readings.map((o) => o.value)).not.toContain('updatedAt'); // meter readings publish no updatedAt
		const resource = trigger.description.properties.find((p) => p.name === 'resource')!;
		for (const option of resource.options as INodePropertyOptions[]) expect(publishedFields).toHaveProperty([String(option.value)]);
		expect(fieldParameters(trigger.description.properties).every(isPicker)).toBe(true);
	});
});

describe('where the picker is offered', () => {
	const operations = resources.flatMap((r) =>
		Object.entries(r.operations).map(([operation, op]) => ({ resource: String(r.option.value), operation, fields: fieldParameters(op.description) })),
	);
	const withFields = operations.filter((o) => o.fields.length > 0);

	test('every list with a published schema has the picker; raw table rows and work order material lines keep free text', () => {
		const free = withFields.filter((o) => !o.fields.every(isPicker)).map((o) => `${o.resource}.${o.operation}`);
		expect(free.sort()).toEqual(['rawTable.getRows', 'workOrder.getAllMaterials']);
		for (const o of withFields.filter((w) => !free.includes(`${w.resource}.${w.operation}`))) {
			expect(o.fields).toHaveLength(2); // Filters › Field and Sort › Field
			expect(publishedFields).toHaveProperty([listEntities[o.resource]]);
		}
		for (const o of withFields.filter((w) => free.includes(`${w.resource}.${w.operation}`)))
			for (const field of o.fields) expect(field.type).toBe('string');
		expect(Object.keys(listEntities).sort()).toEqual([...new Set(withFields.filter((o) => o.fields.every(isPicker)).map((o) => o.resource))].sort());
	});

	test.each(
		Object.entries(listEntities).filter(([resource]) => resources.find((r) => r.option.value === resource)?.operations.getAll),
	)('%s → Get Many reads /api/eam/%s', async (resource, entity) => {
		await runNode({ node, parameters: { resource, operation: 'getAll', limit: 1 }, credentials: recorder.credentials() });
		expect(recorder.sent.map((s) => s.path)).toContain(`/api/eam/${entity}`);
	});
});

describe('saved workflows with a plain field name keep working', () => {
	afterEach(() => fx.sandbox.resetSettings());

	test('Filters › categoryName and Sort › updatedAt, as typed before the picker', async () => {
		const category = String(records('work-orders')[0].categoryName);
		const [output] = await runNode({
			node,
			parameters: {
				resource: 'workOrder',
				operation: 'getAll',
				returnAll: true,
				simplify: false,
				filters: { conditions: [{ field: 'categoryName', operator: 'equals', value: category }] },
				sort: { rules: [{ field: 'updatedAt', direction: 'desc' }] },
			},
			credentials: fx.tokenCredentials(),
		});
		const expected = records('work-orders').filter((w) => w.categoryName === category);
		expect(expected.length).toBeGreaterThan(0);
		expect(output.map((i) => i.json.key)).toEqual(
			[...expected].sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt))).map((w) => w.key),
		);
	});

	test('v4 records: Sort › _updatedAt and Filters › _updatedAt', async () => {
		fx.sandbox.configure({ recordShape: 'v4' });
		const sorted = [...records('assets')].sort((a, b) => String(a.updatedAt).localeCompare(String(b.updatedAt)));
		const since = String(sorted[Math.floor(sorted.length / 2)].updatedAt);
		const [output] = await runNode({
			node,
			parameters: {
				resource: 'asset',
				operation: 'getAll',
				returnAll: true,
				simplify: false,
				filters: { conditions: [{ field: '_updatedAt', operator: 'gt', value: since }] },
				sort: { rules: [{ field: '_updatedAt', direction: 'asc' }] },
			},
			credentials: fx.tokenCredentials(),
		});
		const expected = sorted.filter((a) => String(a.updatedAt) > since);
		expect(expected.length).toBeGreaterThan(0);
		expect(output.map((i) => i.json.id)).toEqual(expected.map((a) => a.key));
		expect(output.map((i) => i.json._updatedAt)).toEqual(expected.map((a) => a.updatedAt));
	});
});
