// Examples 2 and 3 run through n8n (manual run from their Schedule trigger) against the sandbox, and
// produce what the sandbox data says they should.
import type { Stack } from '../../../demo/n8n/stack';
import { control, importExample, runExample } from '../helpers';

const SERVICE_INTERVAL_HOURS = 2000;
const REPORT_WITHIN_HOURS = 168;

type Row = Record<string, unknown>;

/** Which chillers the run-hours example must raise a work order for, from the sandbox's live records. */
function dueChillers(stack: Stack): Array<{ assetKey: string; code: string }> {
	const { ccn } = stack.sandbox.connections;
	const chillers = stack.sandbox.records(ccn.id, 'assets').filter((a) => String(a.categoryName).includes('Chiller'));
	const meters = stack.sandbox.records(ccn.id, 'meters');
	const readings = stack.sandbox.records(ccn.id, 'meter-readings');
	const due: Array<{ assetKey: string; code: string }> = [];
	for (const chiller of chillers) {
		// run-hours meters are the ones counted in hours (published fields: uomName, assetKeys)
		const runHours = meters.filter((m) => m.uomName === 'hours' && (m.assetKeys as string[]).includes(String(chiller.key)));
		for (const meter of runHours) {
			const latest = readings
				.filter((r) => r.meterKey === meter.key)
				.sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)))[0];
			if (!latest) continue;
			const services = Math.floor(Number(latest.reading) / SERVICE_INTERVAL_HOURS);
			if (services >= 1 && Number(latest.reading) - services * SERVICE_INTERVAL_HOURS <= REPORT_WITHIN_HOURS) {
				due.push({ assetKey: String(chiller.key), code: `RH-${String(chiller.key)}-${services * SERVICE_INTERVAL_HOURS}` });
			}
		}
	}
	return due;
}

export function scheduledExamplesSuite(getStack: () => Stack): void {
	describe('example 2: chiller run-hours maintenance', () => {
		it('raises one CMMS work order per chiller that crossed its service interval, and none again for open ones', async () => {
			const stack = getStack();
			const { ccn, cmms } = stack.sandbox.connections;
			// A chiller's run-hours meter reports a reading just past a service interval.
			const chillerKeys = new Set(
				stack.sandbox.records(ccn.id, 'assets').filter((a) => String(a.categoryName).includes('Chiller')).map((a) => a.key),
			);
			const meter = stack.sandbox
				.records(ccn.id, 'meters')
				.find((m) => m.uomName === 'hours' && (m.assetKeys as string[]).some((k) => chillerKeys.has(k)))!;
			const assetKey = (meter.assetKeys as string[]).find((k) => chillerKeys.has(k))!;
			const lastReading = stack.sandbox
				.records(ccn.id, 'meter-readings')
				.filter((r) => r.meterKey === meter.key)
				.map((r) => Number(r.reading))
				.reduce((a, b) => Math.max(a, b), 0);
			const crossed = (Math.floor(lastReading / SERVICE_INTERVAL_HOURS) + 1) * SERVICE_INTERVAL_HOURS + 12.5;
			await control(stack, 'POST', `/connections/${ccn.id}/changes`, {
				entity: 'meter-readings',
				patch: { assetKey, meterKey: meter.key, reading: String(crossed) }, // readings are published as strings
			});
			const expected = dueChillers(stack);
			expect(expected).toEqual(expect.arrayContaining([expect.objectContaining({ assetKey })]));

			const workflow = await importExample(stack, '2-');
			const first = await runExample(stack, workflow);
			expect(first.error).toBeUndefined();
			expect(first.status).toBe('success');
			const created = (first.output['Create Work Order (CMMS)'] ?? []).map((i) => i.json as Row);
			expect(created.map((w) => w.code).sort()).toEqual(expected.map((d) => d.code).sort());
			const cmmsCodes = stack.sandbox.records(cmms.id, 'work-orders').map((w) => w.code);
			for (const { code } of expected) expect(cmmsCodes.filter((c) => c === code)).toHaveLength(1);
			expect(created[0].title).toMatch(/run-hours service$/);

			const second = await runExample(stack, workflow);
			expect(second.status).toBe('success');
			expect(second.output['Create Work Order (CMMS)']).toBeUndefined(); // every due service is already open
			expect(second.output['Crossed Service Interval?']).toEqual([]);
		});
	});

	describe('example 3: nightly equipment export', () => {
		it('writes every CCN asset (all pages, simplified) into one spreadsheet', async () => {
			const stack = getStack();
			const assets = stack.sandbox.records(stack.sandbox.connections.ccn.id, 'assets');
			const workflow = await importExample(stack, '3-');
			const execution = await runExample(stack, workflow);
			expect(execution.status).toBe('success');
			const items = execution.output['All Equipment'].map((i) => i.json as Row);
			expect(items.map((i) => i.key).sort()).toEqual(assets.map((a) => a.key).sort());
			expect(Object.keys(items[0])).toEqual(expect.arrayContaining(['key', 'name', 'categoryName', 'criticality']));
			expect(items[0]).not.toHaveProperty('documents'); // simplified
			const [file] = execution.output['Equipment Spreadsheet'];
			const binary = file.binary?.data as { fileName: string; mimeType: string; fileSize?: string } | undefined;
			expect(binary?.fileName).toMatch(/^ccn-equipment-\d{4}-\d{2}-\d{2}\.xlsx$/);
			expect(binary?.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		});
	});
}
