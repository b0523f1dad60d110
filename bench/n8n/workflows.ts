// The workflows each side runs, as a Flows user would build them. Every one starts with a Manual Trigger,
// which is what `n8n execute --id` starts from.
import type { WorkflowJson } from '../../demo/n8n/rest';

export const PACKAGE_NODE = 'n8n-nodes-makini.makini';
export const PAGE_SIZE = 500;

type Node = Record<string, unknown>;
type Cred = { id: string; name: string };

const trigger: Node = {
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** A chain of nodes after the trigger. */
function chain(name: string, nodes: Node[]): WorkflowJson {
	const all: Node[] = [trigger, ...nodes.map((node, i) => ({ position: [220 * (i + 1), 0], ...node }))];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < all.length - 1; i++) {
		connections[String(all[i].name)] = { main: [[{ node: String(all[i + 1].name), type: 'main', index: 0 }]] };
	}
	return { name, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

const makini = (name: string, parameters: Record<string, unknown>, credential: Cred): Node => ({
	name,
	type: PACKAGE_NODE,
	typeVersion: 1,
	parameters,
	credentials: { makiniApi: credential },
});

/**
 * Counts and distinct keys of the records read, so both sides are checked for the same record set. It runs
 * after the measured nodes (their executionTime does not include it) and is the same on every side.
 */
const check: Node = {
	name: 'Check',
	type: 'n8n-nodes-base.summarize',
	typeVersion: 1.1,
	parameters: {
		fieldsToSummarize: { values: [{ aggregation: 'count', field: 'key' }, { aggregation: 'countUnique', field: 'key' }] },
		options: {},
	},
};

/** Makini → Asset → Get Many, Return All. */
export function makiniGetMany(name: string, credential: Cred, simplify: boolean, pageConcurrency: number): WorkflowJson {
	return chain(name, [
		makini('Makini', { resource: 'asset', operation: 'getAll', returnAll: true, simplify, options: pageConcurrency > 1 ? { pageConcurrency } : {} }, credential),
		check,
	]);
}

const headerAuth = () => ({
	authentication: 'genericCredentialType',
	genericAuthType: 'httpHeaderAuth',
});

/** HTTP Request with n8n's own pagination (page = $pageCount + 1 until the last page), then Split Out on `data`. */
export function httpGetMany(name: string, baseUrl: string, credential: Cred): WorkflowJson {
	return chain(name, [
		{
			name: 'HTTP Request',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			credentials: { httpHeaderAuth: credential },
			parameters: {
				url: `${baseUrl}/api/eam/assets`,
				...headerAuth(),
				sendQuery: true,
				queryParameters: { parameters: [{ name: 'per_page', value: String(PAGE_SIZE) }] },
				options: {
					pagination: {
						pagination: {
							parameters: { parameters: [{ name: 'page', value: '={{ $pageCount + 1 }}' }] },
							paginationCompleteWhen: 'other',
							completeExpression: '={{ $response.body.meta.current_page >= $response.body.meta.last_page }}',
						},
					},
				},
			},
		},
		{
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			parameters: { fieldToSplitOut: 'data', options: {} },
		},
		check,
	]);
}

/** Items to write: `count` work order titles, unique per run (side tag and start time in each). */
const titles = (count: number, side: string): Node => ({
	name: 'Items',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: {
		jsCode: `const run = '${side} ' + Date.now();\nreturn Array.from({ length: ${count} }, (_, i) => ({ json: { title: run + ' WO ' + i } }));`,
	},
});

/** Makini → Work Order → Create, one per item. */
export function makiniCreate(name: string, tag: string, credential: Cred, count: number, concurrency: number): WorkflowJson {
	return chain(name, [
		titles(count, tag),
		makini('Makini', { resource: 'workOrder', operation: 'create', title: '={{ $json.title }}', additionalFields: {}, options: concurrency > 1 ? { concurrency } : {} }, credential),
	]);
}

/** HTTP Request: one POST per item, n8n's defaults (no batching). */
export function httpCreate(name: string, tag: string, baseUrl: string, credential: Cred, count: number): WorkflowJson {
	return chain(name, [
		titles(count, tag),
		{
			name: 'HTTP Request',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			credentials: { httpHeaderAuth: credential },
			parameters: {
				method: 'POST',
				url: `${baseUrl}/api/eam/work-orders`,
				...headerAuth(),
				sendBody: true,
				bodyParameters: { parameters: [{ name: 'title', value: '={{ $json.title }}' }] },
				options: {},
			},
		},
	]);
}

/**
 * HTTP Request with its concurrency bounded the way n8n offers it: Loop Over Items (batch size `batch`) → HTTP
 * Request → back to the loop, so `batch` POSTs are in flight at a time, like the package's Concurrency 8.
 * (The HTTP Request node's own Batching option does not bound anything with a 0 ms interval: HttpRequestV3 sleeps
 * between batches only when the interval is > 0 and never waits for a batch to finish, in 1.123.81 and 2.40.7.)
 */
export function httpCreateLoop(name: string, tag: string, baseUrl: string, credential: Cred, count: number, batch: number): WorkflowJson {
	const flow = httpCreate(name, tag, baseUrl, credential, count);
	const post = flow.nodes.find((n) => n.name === 'HTTP Request')!;
	const loop: Node = { name: 'Loop', type: 'n8n-nodes-base.splitInBatches', typeVersion: 3, position: [440, 200], parameters: { batchSize: batch, options: {} } };
	return {
		...flow,
		nodes: [...flow.nodes, loop],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Loop', type: 'main', index: 0 }]] },
			// Loop Over Items v3: output 0 is "done", output 1 the next batch.
			Loop: { main: [[], [{ node: String(post.name), type: 'main', index: 0 }]] },
			[String(post.name)]: { main: [[{ node: 'Loop', type: 'main', index: 0 }]] },
		},
	};
}

/** A workflow that is only a webhook trigger (each delivery it accepts starts an execution). */
function triggerOnly(name: string, node: Node): WorkflowJson {
	return { name, nodes: [{ position: [0, 0], ...node }], connections: {}, settings: { executionOrder: 'v1' } };
}

/** Makini Trigger on every event; Makini signs each delivery (HMAC-SHA256 of the body, X-Webhook-Signature). */
export function makiniTrigger(name: string, credential: Cred, webhookId: string): WorkflowJson {
	return triggerOnly(name, {
		name: 'Makini Trigger',
		type: 'n8n-nodes-makini.makiniTrigger',
		typeVersion: 1,
		webhookId,
		parameters: { events: ['*'], options: {} },
		credentials: { makiniApi: credential },
	});
}

/** n8n's Webhook node with header auth: what a user builds without the package (it cannot check an HMAC). */
export function webhookNode(name: string, credential: Cred, webhookId: string, path: string): WorkflowJson {
	return triggerOnly(name, {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId,
		parameters: { httpMethod: 'POST', path, authentication: 'headerAuth', responseMode: 'onReceived', options: {} },
		credentials: { httpHeaderAuth: credential },
	});
}

/** Which assets both snapshot sides report on: the first `count` chillers (all three chiller categories), in key order. */
export const CHILLERS = { field: 'categoryName', contains: 'Chiller' } as const;

/**
 * A normalised digest of snapshot items (same Code on both sides, after the measured nodes): per asset its key,
 * its meters with the key of each one's latest reading, its open downtime and open work orders, all as sorted
 * keys; FNV-1a over the sorted lines. `snapshotDigest` below computes the same from the sandbox's records.
 */
const digestCode = `const lines = $input.all().map(({ json: s }) => [
	String(s.asset.key ?? s.asset.id),
	s.meters.map((m) => String(m.key ?? m.id) + ':' + (m.latestReading ? String(m.latestReading.key ?? m.latestReading.id) : '-')).sort().join(','),
	s.openDowntime.map((d) => String(d.key ?? d.id)).sort().join(','),
	s.openWorkOrders.map((w) => String(w.key ?? w.id)).sort().join(','),
].join('|')).sort();
const text = lines.join('\\n');
let digest = 0x811c9dc5;
for (let i = 0; i < text.length; i++) digest = Math.imul(digest ^ text.charCodeAt(i), 0x01000193) >>> 0;
const count = (field) => $input.all().reduce((sum, { json }) => sum + json[field].length, 0);
return [{ json: { snapshots: lines.length, meters: count('meters'), openDowntime: count('openDowntime'), openWorkOrders: count('openWorkOrders'), digest } }];`;

export function digestLines(lines: string[]): number {
	const text = [...lines].sort().join('\n');
	let digest = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) digest = Math.imul(digest ^ text.charCodeAt(i), 0x01000193) >>> 0;
	return digest;
}

const digestNode: Node = {
	name: 'Check',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: { mode: 'runOnceForAllItems', jsCode: digestCode },
};

/** Makini → Asset → Get Snapshot of the assets matching a filter (the first `count` chillers). */
export function makiniSnapshot(name: string, credential: Cred, count: number): WorkflowJson {
	return chain(name, [
		makini(
			'Makini',
			{
				resource: 'asset',
				operation: 'getSnapshot',
				snapshotOf: 'list',
				returnAll: false,
				limit: count,
				filters: { conditions: [{ field: CHILLERS.field, operator: 'contains', value: CHILLERS.contains }] },
			},
			credential,
		),
		digestNode,
	]);
}

/** One GET per input item with the given query (values may be expressions); n8n's defaults otherwise. */
const httpGet = (name: string, url: string, credential: Cred, query: Record<string, string>): Node => ({
	name,
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	credentials: { httpHeaderAuth: credential },
	parameters: {
		url,
		...headerAuth(),
		sendQuery: true,
		queryParameters: { parameters: Object.entries(query).map(([n, value]) => ({ name: n, value })) },
		options: {},
	},
});

/** The Combine Code node: the items of the five HTTP Request nodes, by position, into the package's snapshot shape. */
const combineCode = `const assets = $('Split Out').all();
const meters = $('Meters').all();
const readings = $('Readings').all();
const downtime = $('Downtime').all();
const workOrders = $('Work Orders').all();
return assets.map(({ json: asset }, i) => {
	const latest = new Map();
	for (const r of readings[i].json.data) if (!latest.has(r.meterKey)) latest.set(r.meterKey, r);
	const ms = meters[i].json.data.map((m) => ({ ...m, latestReading: latest.get(m.key) ?? null }));
	const openDowntime = downtime[i].json.data.filter((d) => !d.endedAt);
	const openWorkOrders = workOrders[i].json.data.filter((w) => !w.completedAt && !/^(complete|closed?|cancel)/i.test(String(w.status ?? '')));
	return { json: { asset, meters: ms, openDowntime, openWorkOrders, summary: { assetKey: asset.key, name: asset.name, meterCount: ms.length, isDown: openDowntime.length > 0, openDowntimeCount: openDowntime.length, openWorkOrderCount: openWorkOrders.length } } };
});`;

/**
 * What a user builds with generic nodes: HTTP Request for the chillers (one page of `count`), Split Out, then one
 * HTTP Request per asset for each of meters, readings, downtime and work orders (n8n's defaults: all of a node's
 * items at once), and a Code node combining them by position. Fair to the baseline: the meters are asked by
 * `filter[assetKeys]` (the sandbox matches any element of the list; the package does not rely on this
 * undocumented meaning and reads the site's meters), one page of 500 per list (no pagination: a chiller has
 * fewer), the readings newest first on one page like the package.
 */
export function httpSnapshot(name: string, baseUrl: string, credential: Cred, count: number): WorkflowJson {
	const api = `${baseUrl}/api/eam`;
	const assetKey = "={{ $('Split Out').item.json.key }}";
	return chain(name, [
		httpGet('Assets', `${api}/assets`, credential, { [`filter[${CHILLERS.field}:contains]`]: CHILLERS.contains, per_page: String(count), page: '1' }),
		{ name: 'Split Out', type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'data', options: {} } },
		httpGet('Meters', `${api}/meters`, credential, { 'filter[assetKeys]': '={{ $json.key }}', per_page: String(PAGE_SIZE) }),
		httpGet('Readings', `${api}/meter-readings`, credential, { 'filter[assetKey]': assetKey, 'sort[createdAt]': '1', per_page: String(PAGE_SIZE) }),
		httpGet('Downtime', `${api}/assets-downtime`, credential, { 'filter[assetKey]': assetKey, 'sort[startedAt]': '1', per_page: String(PAGE_SIZE) }),
		httpGet('Work Orders', `${api}/work-orders`, credential, { 'filter[assetKey]': assetKey, per_page: String(PAGE_SIZE) }),
		{ name: 'Combine', type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { mode: 'runOnceForAllItems', jsCode: combineCode } },
		digestNode,
	]);
}

export const HTTP_SNAPSHOT_NODES = ['Assets', 'Split Out', 'Meters', 'Readings', 'Downtime', 'Work Orders', 'Combine'];
