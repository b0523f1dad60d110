// Get Snapshot of 500 chillers against the workflow a user builds with generic nodes (HTTP Request for the
// assets, one HTTP Request per asset for each of meters, readings, downtime and work orders, a Code node to
// combine). Figures: node execution time and the requests the sandbox answered; both sides must yield the same
// snapshot content, checked as a digest against the one computed from the sandbox's own records.
import type { RunningSandbox } from '../../sandbox';
import { requestsFigure, speedFigure, type Figure } from './figures';
import type { BenchN8n } from './instance';
import { alternate, type Side } from './rounds';
import { CHILLERS, digestLines, HTTP_SNAPSHOT_NODES, httpSnapshot, makiniSnapshot } from './workflows';

export const SIDES = {
	makini: 'Makini Get Snapshot (assets matching a filter)',
	http: 'HTTP Request ×5 (assets; per asset meters, readings, downtime, work orders) + Split Out + Code',
} as const;
type SideKey = keyof typeof SIDES;

type Rec = Record<string, unknown>;

/** The digest (see workflows.ts) of the first `count` chillers' snapshots, from the sandbox's records. */
export function expectedDigest(sandbox: RunningSandbox, count: number): { digest: number; snapshots: number } {
	const records = (entity: string) => sandbox.records(sandbox.connections.ccn.id, entity) as Rec[];
	const pattern = new RegExp(CHILLERS.contains, 'i');
	const assets = records('assets').filter((a) => pattern.test(String(a.categoryName))).slice(0, count);
	const wanted = new Set(assets.map((a) => String(a.key)));
	const group = (list: Rec[], field: string) => {
		const by = new Map<string, Rec[]>();
		for (const r of list) {
			const keys = Array.isArray(r[field]) ? (r[field] as unknown[]).map(String) : [String(r[field])];
			for (const k of keys) if (wanted.has(k)) by.set(k, [...(by.get(k) ?? []), r]);
		}
		return by;
	};
	const meters = group(records('meters'), 'assetKeys');
	const readings = group(records('meter-readings'), 'assetKey');
	const downtime = group(records('assets-downtime'), 'assetKey');
	const workOrders = group(records('work-orders'), 'assetKey');
	const lines = assets.map((asset) => {
		const key = String(asset.key);
		const latest = new Map<string, string>();
		const newestFirst = [...(readings.get(key) ?? [])].sort(
			(a, b) => String(b.createdAt).localeCompare(String(a.createdAt)) || String(a.key).localeCompare(String(b.key)),
		);
		for (const r of newestFirst) if (!latest.has(String(r.meterKey))) latest.set(String(r.meterKey), String(r.key));
		return [
			key,
			(meters.get(key) ?? []).map((m) => `${String(m.key)}:${latest.get(String(m.key)) ?? '-'}`).sort().join(','),
			(downtime.get(key) ?? []).filter((d) => !d.endedAt).map((d) => String(d.key)).sort().join(','),
			(workOrders.get(key) ?? [])
				.filter((w) => !w.completedAt && !/^(complete|closed?|cancel)/i.test(String(w.status ?? '')))
				.map((w) => String(w.key))
				.sort()
				.join(','),
		].join('|');
	});
	return { digest: digestLines(lines), snapshots: lines.length };
}

export async function snapshot(n8n: BenchN8n, sandbox: RunningSandbox, plan: { chillers: number; rounds: number }, log: (line: string) => void): Promise<Figure[]> {
	const ccn = sandbox.connections.ccn;
	const label = `${plan.chillers.toLocaleString('en')} chillers`;
	const expected = expectedDigest(sandbox, plan.chillers);
	if (expected.snapshots !== plan.chillers) throw new Error(`the sandbox has ${expected.snapshots} chillers, ${plan.chillers} wanted`);
	const makiniCred = await n8n.credential(`Makini ${sandbox.url}`, 'makiniApi', { baseUrl: sandbox.url, token: ccn.token, webhookSecret: ccn.webhookSecret });
	const headerCred = await n8n.credential('Makini token (header)', 'httpHeaderAuth', { name: 'Authorization', value: `Bearer ${ccn.token}` });
	const ids: Record<SideKey, string> = {
		makini: await n8n.workflow(makiniSnapshot(`${SIDES.makini}, ${label}`, makiniCred, plan.chillers)),
		http: await n8n.workflow(httpSnapshot(`HTTP Request snapshot workflow, ${label}`, sandbox.url, headerCred, plan.chillers)),
	};
	const measured: Record<SideKey, string[]> = { makini: ['Makini'], http: HTTP_SNAPSHOT_NODES };
	const side = (key: SideKey): Side => ({
		name: SIDES[key],
		run: async () => {
			const before = sandbox.stats(ccn.id).requests;
			const result = await n8n.execute(ids[key]);
			const requests = sandbox.stats(ccn.id).requests - before;
			const { snapshots, digest } = result.summary;
			const problem =
				snapshots === expected.snapshots && digest === expected.digest
					? ''
					: `${snapshots} snapshots, digest ${digest}, expected ${expected.snapshots} and ${expected.digest}`;
			return {
				ms: measured[key].reduce((sum, node) => sum + (result.nodeMs[node] ?? NaN), 0),
				peakRssMb: result.peakRssMb,
				requests,
				problem,
				details: { wallMs: result.wallMs, meters: result.summary.meters, openDowntime: result.summary.openDowntime, openWorkOrders: result.summary.openWorkOrders },
			};
		},
	});
	log(`  Snapshot, ${label} (n8n ${n8n.version}, ${plan.rounds} rounds)`);
	const figures = await alternate([side('makini'), side('http')], plan.rounds, log);
	return [
		requestsFigure(`Snapshot, ${label}: requests sent, ${SIDES.makini} vs ${SIDES.http}`, n8n.version, figures, SIDES.makini, SIDES.http),
		speedFigure(`Snapshot, ${label}: node execution time, ${SIDES.makini} vs ${SIDES.http}`, n8n.version, figures, SIDES.makini, SIDES.http, undefined),
	];
}
