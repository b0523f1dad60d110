// Writes: Makini Work Order → Create (Concurrency 1 and 8) against HTTP Request, one POST per item (n8n's
// defaults: it sends every item's request at once). Every run's work orders are counted in the sandbox.
import type { RunningSandbox } from '../../sandbox';
import { speedFigure, type Figure } from './figures';
import type { BenchN8n } from './instance';
import { alternate, type Side } from './rounds';
import { httpCreate, httpCreateLoop, makiniCreate } from './workflows';

export const SIDES = {
	c1: 'Makini Create, Concurrency 1 (default)',
	c8: 'Makini Create, Concurrency 8',
	http: "HTTP Request, one POST per item (n8n's defaults: every item's request at once)",
	loop8: 'Loop Over Items (8 per batch) + HTTP Request: 8 POSTs in flight',
} as const;
type SideKey = keyof typeof SIDES;

export interface WritesPlan {
	items: number;
	latencyMs: number;
	rounds: number;
	sides: SideKey[];
}

/** Duplicates and losses, counted in the sandbox's own records: exactly `items` new ones, all distinct, all this side's. */
function checkWrites(sandbox: RunningSandbox, before: number, items: number, tag: string): string {
	const added = sandbox.records(sandbox.connections.ccn.id, 'work-orders').slice(before);
	const titles = new Set(added.map((r) => String(r.title)));
	const ours = added.filter((r) => String(r.title).startsWith(`${tag} `)).length;
	return added.length === items && titles.size === items && ours === items
		? ''
		: `${added.length} created, ${titles.size} distinct, ${ours} of this side, expected ${items}`;
}

export async function writes(n8n: BenchN8n, sandbox: RunningSandbox, plan: WritesPlan, log: (line: string) => void): Promise<Figure[]> {
	const ccn = sandbox.connections.ccn;
	const label = `${plan.items.toLocaleString('en')} items, ${plan.latencyMs} ms latency`;
	const makiniCred = await n8n.credential(`Makini ${sandbox.url}`, 'makiniApi', { baseUrl: sandbox.url, token: ccn.token, webhookSecret: ccn.webhookSecret });
	const headerCred = await n8n.credential('Makini token (header)', 'httpHeaderAuth', { name: 'Authorization', value: `Bearer ${ccn.token}` });
	const workflows: Record<SideKey, () => ReturnType<typeof makiniCreate>> = {
		c1: () => makiniCreate(`${SIDES.c1}, ${label}`, 'c1', makiniCred, plan.items, 1),
		c8: () => makiniCreate(`${SIDES.c8}, ${label}`, 'c8', makiniCred, plan.items, 8),
		http: () => httpCreate(`${SIDES.http}, ${label}`, 'http', sandbox.url, headerCred, plan.items),
		loop8: () => httpCreateLoop(`${SIDES.loop8}, ${label}`, 'loop8', sandbox.url, headerCred, plan.items, 8),
	};
	const sides: Side[] = [];
	for (const key of plan.sides) {
		const id = await n8n.workflow(workflows[key]());
		const measured = key === 'http' ? ['HTTP Request'] : key === 'loop8' ? ['Loop', 'HTTP Request'] : ['Makini'];
		sides.push({
			name: SIDES[key],
			run: async () => {
				const before = sandbox.records(ccn.id, 'work-orders').length;
				const result = await n8n.execute(id);
				return {
					ms: measured.reduce((sum, node) => sum + (result.nodeMs[node] ?? NaN), 0),
					peakRssMb: result.peakRssMb,
					problem: checkWrites(sandbox, before, plan.items, key),
					details: { wallMs: result.wallMs },
				};
			},
		});
	}
	sandbox.setScenario(ccn.id, { latencyMs: plan.latencyMs });
	log(`  Writes, ${label} (n8n ${n8n.version}, ${plan.rounds} rounds)`);
	const figures = await alternate(sides, plan.rounds, log);
	sandbox.setScenario(ccn.id, {});

	const out: Figure[] = [];
	const has = (key: SideKey) => plan.sides.includes(key);
	if (has('c8') && has('http')) {
		out.push(speedFigure(`Create, ${label}: ${SIDES.c8} vs ${SIDES.http}`, n8n.version, figures, SIDES.c8, SIDES.http, plan.latencyMs > 0 ? 5 : undefined));
	}
	if (has('c1') && has('http')) {
		out.push(speedFigure(`Create, ${label}: ${SIDES.c1} vs ${SIDES.http}`, n8n.version, figures, SIDES.c1, SIDES.http, 1));
	}
	// The like-for-like baseline: both sides keep 8 requests in flight.
	if (has('c8') && has('loop8')) {
		out.push(speedFigure(`Create, ${label}: ${SIDES.c8} vs ${SIDES.loop8}`, n8n.version, figures, SIDES.c8, SIDES.loop8, undefined));
	}
	return out;
}
