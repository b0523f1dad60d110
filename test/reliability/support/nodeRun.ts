import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { Makini } from '../../../nodes/Makini/Makini.node';
import { runNode, type CredentialStore } from '../../harness/execute';
import type { SecretScan } from './secretScan';

const node = new Makini();

export interface NodeRun {
	output: INodeExecutionData[];
	json: IDataObject[];
	error?: Error & { description?: string | null; context?: IDataObject };
	ms: number;
}

/** Runs the Makini node through the real ExecuteContext; everything it returns or throws goes into the scan. */
export async function runMakini(
	scan: SecretScan,
	credentials: CredentialStore,
	parameters: INodeParameters,
	options: { items?: INodeExecutionData[]; continueOnFail?: boolean } = {},
): Promise<NodeRun> {
	const started = Date.now();
	try {
		const [output] = await runNode({ node, parameters, credentials, ...options });
		scan.add('output', output);
		return { output, json: output.map((item) => item.json), ms: Date.now() - started };
	} catch (error) {
		scan.add('error', error);
		return { output: [], json: [], error: error as NodeRun['error'], ms: Date.now() - started };
	}
}

/** Every secret a run could leak: both connections' tokens and webhook secrets, the OAuth client secret. */
export function sandboxSecrets(sandbox: {
	connections: Record<'ccn' | 'cmms', { token: string; webhookSecret: string }>;
	oauthClient: { clientSecret: string };
}): Record<string, string> {
	return {
		ccnToken: sandbox.connections.ccn.token,
		cmmsToken: sandbox.connections.cmms.token,
		ccnWebhookSecret: sandbox.connections.ccn.webhookSecret,
		cmmsWebhookSecret: sandbox.connections.cmms.webhookSecret,
		oauthClientSecret: sandbox.oauthClient.clientSecret,
	};
}
