import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { Makini } from '../../nodes/Makini/Makini.node';
import { runNode } from '../harness/execute';
import { useSandbox } from '../harness/sandbox';

const fx = useSandbox();
const node = new Makini();
const step = async (parameters: INodeParameters, items?: INodeExecutionData[], connection: 'ccn' | 'cmms' = 'ccn') =>
	(await runNode({ node, parameters, items, credentials: fx.tokenCredentials(connection) }))[0];

// The README's CCN recipe, node by node: chiller run hours (CCN connection) → work order (CMMS connection).
test('chiller run hours → work order', async () => {
	const chillers = await step({
		resource: 'asset',
		operation: 'getAll',
		returnAll: true,
		filters: { conditions: [{ field: 'categoryName', operator: 'contains', value: 'Chiller' }] },
	});
	expect(chillers.length).toBeGreaterThan(0);
	expect(chillers.every((c) => String(c.json.categoryName).includes('Chiller'))).toBe(true);

	const meters = await step(
		{
			resource: 'meter',
			operation: 'getAll',
			returnAll: true,
			assetFilter: '={{ $json.key }}',
			// Run hours are the meters counted in hours (the published meter has `uomName`, no type or name).
			filters: { conditions: [{ field: 'uomName', operator: 'equals', value: 'hours' }] },
		},
		chillers,
	);
	expect(meters).toHaveLength(chillers.length);
	for (const meter of meters) {
		expect(meter.json.assetKeys).toEqual([chillers[(meter.pairedItem as IDataObject).item as number].json.key]);
		expect(meter.json.uomName).toBe('hours');
	}

	const readings = await step(
		{ resource: 'meterReading', operation: 'getAll', limit: 1, meterFilter: '={{ $json.key }}', sort: { rules: [{ field: 'createdAt', direction: 'desc' }] } },
		meters,
	);
	expect(readings).toHaveLength(meters.length);
	const all = fx.sandbox.records('ccn', 'meter-readings');
	for (const reading of readings) {
		const newest = all.filter((r) => r.meterKey === reading.json.meterKey).sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)))[0];
		expect(reading.json.key).toBe(newest.key);
	}

	// Due: the chiller with the most run hours (the real workflow compares with the service interval).
	const due = [...readings].sort((a, b) => Number(b.json.reading) - Number(a.json.reading)).slice(0, 1);
	const before = fx.sandbox.records('cmms', 'work-orders').length;
	const [created] = await step(
		{
			resource: 'workOrder',
			operation: 'create',
			title: '=Run-hours service for asset {{ $json.assetKey }} at {{ $json.reading }} h',
			additionalFields: { code: '=RH-{{ $json.assetKey }}', severity: 'High' },
		},
		due,
		'cmms',
	);
	expect(created.json).toMatchObject({ title: `Run-hours service for asset ${String(due[0].json.assetKey)} at ${String(due[0].json.reading)} h`, code: `RH-${String(due[0].json.assetKey)}` });
	expect(fx.sandbox.records('cmms', 'work-orders').length).toBe(before + 1);
});
