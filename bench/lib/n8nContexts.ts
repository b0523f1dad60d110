import { mkdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// n8n-core keeps instance settings under the user folder; the benchmarks get their own throwaway one.
process.env.N8N_USER_FOLDER ??= join(tmpdir(), 'n8n-nodes-makini-bench');
mkdirSync(process.env.N8N_USER_FOLDER, { recursive: true });

import { PollContext, WebhookContext } from 'n8n-core';
import type {
	INode,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { PlainCredentialsHelper, type CredentialStore } from '../../test/harness/credentials';

/** Each TriggerWorkflow is its own workflow: the Makini Trigger keeps one duplicate memory per workflow and node. */
let workflows = 0;

/**
 * An active workflow holding one trigger node, as n8n keeps it in memory: the same Workflow object (and so
 * the same node static data) serves every poll or webhook request, each through a new n8n-core context.
 */
export class TriggerWorkflow {
	readonly workflow: Workflow;

	readonly node: INode;

	readonly additionalData: IWorkflowExecuteAdditionalData;

	constructor(
		readonly nodeType: INodeType,
		parameters: INodeParameters,
		credentials: CredentialStore,
	) {
		const description = nodeType.description;
		const nodeTypes: INodeTypes = {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
			getKnownTypes: () => ({}),
		};
		this.node = {
			id: 'bench-trigger',
			name: description.defaults.name ?? description.displayName,
			type: `n8n-nodes-makini.${description.name}`,
			typeVersion: Array.isArray(description.version) ? description.version[description.version.length - 1] : description.version,
			position: [0, 0],
			parameters,
			credentials: Object.fromEntries(Object.keys(credentials).map((type) => [type, { id: `cred-${type}`, name: type }])),
		};
		this.workflow = new Workflow({ id: `wf-bench-${++workflows}`, nodes: [this.node], connections: {}, active: true, nodeTypes });
		const helper = new PlainCredentialsHelper(credentials);
		helper.workflow = this.workflow;
		this.additionalData = {
			credentialsHelper: helper,
			restApiUrl: 'http://localhost:5678/rest',
			instanceBaseUrl: 'http://localhost:5678',
			webhookBaseUrl: 'http://localhost:5678/webhook',
			webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
			webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
			variables: {},
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	/** One poll, as n8n's poller runs it for an active workflow. */
	async poll() {
		const context = new PollContext(this.workflow, this.node, this.additionalData, 'trigger', 'activate');
		if (!this.nodeType.poll) throw new Error('not a polling node');
		return await this.nodeType.poll.call(context);
	}

	/** One webhook request through n8n-core's WebhookContext (request and response as n8n passes them). */
	async webhook(request: unknown, response: unknown) {
		const additionalData = { ...this.additionalData, httpRequest: request, httpResponse: response } as IWorkflowExecuteAdditionalData;
		const webhookData = { webhookDescription: { name: 'default' } } as IWebhookData;
		const context = new WebhookContext(this.workflow, this.node, additionalData, 'webhook', webhookData, [], null);
		if (!this.nodeType.webhook) throw new Error('not a webhook node');
		return await this.nodeType.webhook.call(context);
	}
}
