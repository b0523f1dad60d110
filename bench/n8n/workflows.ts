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
