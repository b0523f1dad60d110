import { mkdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// n8n-core keeps instance settings under the user folder; tests get their own throwaway one.
process.env.N8N_USER_FOLDER ??= join(tmpdir(), 'n8n-nodes-makini-test');
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'false';
mkdirSync(process.env.N8N_USER_FOLDER, { recursive: true });

import { Container } from '@n8n/di';
import { ExecuteContext, LoadOptionsContext } from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { PlainCredentialsHelper } from './credentials';
import type { CredentialStore } from './credentials';

export type { CredentialStore };

export interface RunNodeOptions {
	node: INodeType;
	parameters: INodeParameters;
	/** Plain credential data per type, e.g. `{ makiniApi: { baseUrl, token } }`; updated in place on OAuth2 refresh. */
	credentials: CredentialStore;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
}

interface Setup {
	workflow: Workflow;
	node: INode;
	additionalData: IWorkflowExecuteAdditionalData;
	helper: PlainCredentialsHelper;
}

// n8n-core's SSH tunnel manager (created with every execute context) runs a 60 s cleanup interval that would
// keep test and benchmark processes alive; unref it so they exit when done.
let sshTimerReleased = false;
function releaseSshTimer(): void {
	if (sshTimerReleased) return;
	const timer = (Container.get(SSHClientsManager) as unknown as { cleanupTimer?: NodeJS.Timeout }).cleanupTimer;
	timer?.unref();
	sshTimerReleased = true;
}

export function setupWorkflow(nodeType: INodeType, parameters: INodeParameters, credentials: CredentialStore, continueOnFail = false): Setup {
	const description = nodeType.description;
	const typeName = `n8n-nodes-makini.${description.name}`;
	const version = Array.isArray(description.version) ? description.version[description.version.length - 1] : description.version;
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	// The node carries a reference per credential type the test supplies, as a saved workflow would.
	const node: INode = {
		id: 'node-under-test',
		name: description.defaults.name ?? description.displayName,
		type: typeName,
		typeVersion: version,
		position: [0, 0],
		parameters,
		credentials: Object.fromEntries(Object.keys(credentials).map((type) => [type, { id: `cred-${type}`, name: type }])),
		...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const workflow = new Workflow({ id: 'wf-test', nodes: [node], connections: {}, active: false, nodeTypes });
	const helper = new PlainCredentialsHelper(credentials);
	helper.workflow = workflow;
	const additionalData = {
		credentialsHelper: helper,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		variables: {},
		executeWorkflow: async () => {
			throw new Error('not supported by the harness');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not supported by the harness');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
	return { workflow, node, additionalData, helper };
}

/** Runs a node's `execute` through n8n-core's real ExecuteContext and request helpers (real HTTP). */
export async function runNode(options: RunNodeOptions): Promise<INodeExecutionData[][]> {
	const { workflow, node, additionalData } = setupWorkflow(options.node, options.parameters, options.credentials, options.continueOnFail);
	const items = options.items ?? [{ json: {} }];
	const runExecutionData: IRunExecutionData = { resultData: { runData: {} } };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'manual',
		runExecutionData,
		0,
		items,
		{ main: [items] },
		{ node, data: { main: [items] }, source: null },
		[],
	);
	releaseSshTimer();
	if (!options.node.execute) throw new Error(`${node.type} has no execute method`);
	return (await options.node.execute.call(context)) as INodeExecutionData[][];
}

export interface LoadOptionsCall {
	node: INodeType;
	parameters: INodeParameters;
	credentials: CredentialStore;
	/** e.g. `listSearch.searchAssets` or `loadOptions.getWorkOrderStatuses` */
	method: string;
	args?: unknown[];
}

/** Calls a `methods.listSearch` / `methods.loadOptions` function through n8n-core's LoadOptionsContext. */
export async function runMethod<T = unknown>(call: LoadOptionsCall): Promise<T> {
	const { workflow, node, additionalData } = setupWorkflow(call.node, call.parameters, call.credentials);
	additionalData.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
	releaseSshTimer();
	const [group, name] = call.method.split('.') as ['listSearch' | 'loadOptions', string];
	const fn = (call.node.methods?.[group] as Record<string, (...args: unknown[]) => Promise<unknown>> | undefined)?.[name];
	if (!fn) throw new Error(`${call.method} is not defined on the node`);
	return (await fn.call(context, ...(call.args ?? []))) as T;
}

/** Every string in outputs and errors, for secret scans. */
export function allText(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, (_key, v: unknown) => {
		if (v instanceof Error) {
			const error = v as Error & IDataObject;
			return { message: error.message, description: error.description, context: error.context, stack: error.stack, cause: error.cause };
		}
		if (v && typeof v === 'object') {
			if (seen.has(v)) return undefined;
			seen.add(v);
		}
		return v;
	});
}

export type { ICredentialDataDecryptedObject };
