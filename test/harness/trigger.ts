import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';

// execute.ts first: it prepares n8n-core's environment before n8n-core is loaded.
import { setupWorkflow } from './execute';
import { Container } from '@n8n/di';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import { ExecutionLifecycleHooks, HookContext, PollContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import { PlainCredentialsHelper, type CredentialStore } from './credentials';
import './processedData';

const WEBHOOK_ID = 'f0c5e1a2-0000-4000-8000-000000000001';

/** Each harness is its own workflow, as each test's trigger would be in n8n. */
let workflows = 0;

/** Every execution creates n8n-core's SSH tunnel manager, whose 60 s cleanup interval would keep jest alive. */
function releaseSshTimer(): void {
	(Container.get(SSHClientsManager) as unknown as { cleanupTimer?: NodeJS.Timeout }).cleanupTimer?.unref();
}

export interface TriggerOptions {
	node: INodeType;
	parameters: INodeParameters;
	credentials: CredentialStore;
	/** The node's typeVersion as saved (default: the newest). */
	typeVersion?: number;
	/** n8n's Test URL: "Listen for test event" activates and the request runs in mode 'manual'. */
	testWebhook?: boolean;
}

/** What one webhook request came to: the HTTP answer, and the output of the execution it started (if any). */
export interface WebhookOutcome {
	status: number;
	body: string;
	/** Output of the started execution's trigger node; undefined when nothing started. */
	output?: INodeExecutionData[];
	/** Error of the started execution, if it failed. */
	executionError?: Error;
	/** The started execution's custom data (what n8n shows with the execution). */
	customData?: Record<string, string>;
}

/**
 * Runs trigger nodes the way n8n does, with n8n-core's real contexts:
 * - webhook(): WebhookContext over the real incoming request (parsed body, raw bytes via readRawBody as in n8n)
 *   and response; like n8n's live webhooks, every request gets a fresh Workflow whose static data is loaded
 *   from the "database" (`saved`) and written back when the node marked it changed. An accepted delivery
 *   is answered first (response mode onReceived) and then executed by n8n-core's WorkflowExecute from
 *   the node's output, exactly as n8n seeds the execution stack.
 * - poll(): PollContext on one long-lived Workflow (n8n keeps it in memory while the workflow is active);
 *   static data reaches the database only when a poll emits, as in n8n; restart() reloads from there.
 */
export class TriggerHarness {
	/** The workflow's static data as n8n's database holds it (JSON text). */
	saved = '{}';

	readonly outcomes: WebhookOutcome[] = [];

	private pollWorkflow?: Workflow;

	private executions = 0;

	readonly workflowId = `wf-trigger-test-${++workflows}`;

	constructor(private readonly options: TriggerOptions) {}

	get nodeType(): INodeType {
		return this.options.node;
	}

	/** The node's static data as saved. */
	get savedNodeData(): IDataObject {
		const all = JSON.parse(this.saved) as Record<string, IDataObject>;
		return all[`node:${this.nodeName}`] ?? {};
	}

	get nodeName(): string {
		return this.options.node.description.defaults.name ?? this.options.node.description.displayName;
	}

	/** The user edits the node and re-activates the workflow: n8n builds it anew from the saved static data. */
	setParameters(parameters: INodeParameters): void {
		this.options.parameters = parameters;
		this.restart();
	}

	/**
	 * Forgets in-memory state (a restart of n8n): the next poll starts from the saved static data. A node
	 * type loaded afresh (jest.isolateModules) stands for the node's module state being gone too.
	 */
	restart(node?: INodeType): void {
		this.pollWorkflow = undefined;
		if (node) this.options.node = node;
	}

	/** A workflow as n8n loads it for a request or an activation: static data from the saved copy. */
	private build(): { workflow: Workflow; node: INode; additionalData: IWorkflowExecuteAdditionalData } {
		const { workflow: base, node, additionalData, helper } = setupWorkflow(this.options.node, this.options.parameters, this.options.credentials);
		node.webhookId = WEBHOOK_ID;
		node.typeVersion = this.options.typeVersion ?? node.typeVersion;
		const workflow = new Workflow({
			id: this.workflowId,
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: base.nodeTypes,
			staticData: JSON.parse(this.saved) as IDataObject,
		});
		helper.workflow = workflow;
		return { workflow, node, additionalData };
	}

	/** n8n saves static data only when something marked it changed, and then counts it unchanged again. */
	private save(workflow: Workflow): void {
		if (workflow.staticData.__dataChanged !== true) return;
		this.saved = JSON.stringify(workflow.staticData);
		workflow.staticData.__dataChanged = false;
	}

	private webhookData(node: INode, additionalData: IWorkflowExecuteAdditionalData): IWebhookData {
		const description = this.options.node.description.webhooks?.[0];
		if (!description) throw new Error(`${node.type} declares no webhook`);
		return {
			httpMethod: 'POST',
			node: node.name,
			path: String(description.path),
			webhookDescription: description,
			workflowId: this.workflowId,
			workflowExecuteAdditionalData: additionalData,
			webhookId: node.webhookId,
		};
	}

	/** What n8n runs when the workflow is activated: webhookMethods.default.checkExists, then create if needed. */
	async activate(): Promise<void> {
		const { workflow, node, additionalData } = this.build();
		const methods = this.options.node.webhookMethods?.default;
		if (!methods) throw new Error('node has no webhookMethods.default');
		const [mode, activation] = this.options.testWebhook ? (['manual', 'manual'] as const) : (['trigger', 'activate'] as const);
		const context = new HookContext(workflow, node, additionalData, mode, activation, this.webhookData(node, additionalData));
		if (!(await methods.checkExists.call(context))) await methods.create.call(context);
		this.save(workflow);
	}

	/** Handles one real HTTP request as n8n's webhook endpoint would. */
	async handle(req: IncomingMessage, res: ServerResponse, rawBody: Buffer, afterNodeRan?: () => void): Promise<void> {
		const { workflow, node, additionalData } = this.build();
		let body: unknown = {};
		try {
			body = rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
		} catch {
			body = {};
		}
		// Like n8n's body reader: the parsed body up front, the raw bytes on request (readRawBody).
		additionalData.httpRequest = Object.assign(req, {
			body,
			query: {},
			params: {},
			readRawBody: async () => {
				req.rawBody = rawBody;
			},
		}) as never;
		additionalData.httpResponse = res as never;
		const mode = this.options.testWebhook ? 'manual' : 'webhook';
		const context = new WebhookContext(workflow, node, additionalData, mode, this.webhookData(node, additionalData), [], null);
		const chunks: Buffer[] = [];
		const write = res.write.bind(res);
		const end = res.end.bind(res);
		res.write = ((chunk: Buffer | string, ...rest: never[]) => {
			chunks.push(Buffer.from(chunk));
			return write(chunk, ...rest);
		}) as typeof res.write;
		res.end = ((chunk?: Buffer | string, ...rest: never[]) => {
			if (chunk !== undefined && typeof chunk !== 'function') chunks.push(Buffer.from(chunk));
			return end(chunk as never, ...rest);
		}) as typeof res.end;

		let result: IWebhookResponseData;
		try {
			result = await this.options.node.webhook!.call(context);
		} catch (error) {
			// n8n answers a throwing webhook() with a generic 500.
			res.writeHead(500, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: 'Error in workflow' }));
			this.outcomes.push({ status: 500, body: Buffer.concat(chunks).toString(), executionError: error as Error });
			return;
		}
		this.save(workflow);
		afterNodeRan?.();
		if (!result.noWebhookResponse && !res.headersSent) {
			// Response mode onReceived: answered before the execution runs.
			const answer = result.workflowData ? { message: 'Workflow was started' } : (result.webhookResponse ?? { message: 'Webhook call received' });
			if (!res.destroyed) {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify(answer));
			}
		}
		const outcome: WebhookOutcome = { status: res.statusCode, body: Buffer.concat(chunks).toString() };
		this.outcomes.push(outcome);
		if (result.workflowData) {
			const run = await this.execute(workflow, node, additionalData, result.workflowData, mode);
			outcome.output = run.output;
			outcome.executionError = run.error;
			outcome.customData = run.customData;
		}
	}

	/** Executes the workflow from the trigger's output with n8n-core's WorkflowExecute, as n8n does after a webhook. */
	private async execute(
		workflow: Workflow,
		node: INode,
		additionalData: IWorkflowExecuteAdditionalData,
		workflowData: INodeExecutionData[][],
		mode: WorkflowExecuteMode,
	): Promise<{ output?: INodeExecutionData[]; error?: Error; customData?: Record<string, string> }> {
		const executionId = `exec-${++this.executions}`;
		const data = Object.assign(Object.create(additionalData) as IWorkflowExecuteAdditionalData, {
			executionId,
			hooks: new ExecutionLifecycleHooks(mode, executionId, {
				id: workflow.id,
				name: 'trigger test',
				active: true,
				isArchived: false,
				nodes: [node],
				connections: {},
				createdAt: new Date(),
				updatedAt: new Date(),
				activeVersionId: null,
			}),
		});
		const runExecutionData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node, data: { main: workflowData }, source: null }] },
		});
		const run = await new WorkflowExecute(data, mode, runExecutionData).processRunExecutionData(workflow);
		releaseSshTimer();
		// n8n's regular mode saves what the execution changed in the static data when it ends (manual runs excepted).
		if (mode !== 'manual') this.save(workflow);
		const task = run.data.resultData.runData[node.name]?.[0];
		const error = run.data.resultData.error ?? task?.error;
		return { output: task?.data?.main?.[0] ?? undefined, error: error as Error | undefined, customData: run.data.resultData.metadata };
	}

	/** One poll as n8n's poller runs it (mode 'trigger'), or a manual "Fetch test event" (mode 'manual'). */
	async poll(mode: 'trigger' | 'manual' = 'trigger'): Promise<INodeExecutionData[][] | null> {
		if (mode === 'manual') {
			const { workflow, node, additionalData } = this.build();
			return await this.options.node.poll!.call(new PollContext(workflow, node, additionalData, 'manual', 'manual'));
		}
		this.pollWorkflow ??= this.build().workflow;
		const workflow = this.pollWorkflow;
		const node = workflow.getNode(this.nodeName)!;
		const { additionalData } = this.build();
		(additionalData.credentialsHelper as PlainCredentialsHelper).workflow = workflow;
		const context = new PollContext(workflow, node, additionalData, 'trigger', 'activate');
		const result = await this.options.node.poll!.call(context);
		if (result !== null) this.save(workflow); // n8n saves static data when a poll emits
		return result;
	}
}

export interface WebhookReceiver {
	url: string;
	/** Let the node process the next n requests, then destroy the socket instead of answering (Makini sees no answer). */
	dropResponses(n: number): void;
	/** Resolves once every request received so far has been handled and its execution has finished. */
	settled(): Promise<void>;
	close(): Promise<void>;
}

/** A real HTTP endpoint (like n8n's /webhook/<id>) in front of a TriggerHarness. */
export async function startWebhookReceiver(harness: TriggerHarness): Promise<WebhookReceiver> {
	let toDrop = 0;
	const pending = new Set<Promise<void>>();
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const drop = toDrop > 0;
			if (drop) toDrop -= 1;
			const handled = harness.handle(req, res, Buffer.concat(chunks), drop ? () => res.socket?.destroy() : undefined);
			pending.add(handled);
			void handled.finally(() => pending.delete(handled));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/${WEBHOOK_ID}/webhook`,
		dropResponses: (n) => {
			toDrop = n;
		},
		settled: async () => {
			while (pending.size) await Promise.all([...pending]);
		},
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
