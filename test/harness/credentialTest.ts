import { ExecuteContext, RoutingNode } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INodeType } from 'n8n-workflow';

import { credentialTypes } from './credentials';
import { setupWorkflow } from './execute';

const get = (value: unknown, path: string): unknown =>
	path.split('.').reduce<unknown>((current, key) => (current as Record<string, unknown> | undefined)?.[key], value);

/**
 * What n8n's credentials tester does for a declarative `test` request: run it through n8n-core's RoutingNode
 * with the credential, then apply the test's rules in order to the answer.
 */
export async function testCredential(
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const test = credentialTypes[type]?.test;
	if (!test) throw new Error(`${type} has no test request`);
	const nodeType: INodeType = {
		description: {
			displayName: 'Credential Test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Temp-Node' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: type, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
		},
	};
	const { workflow, node, additionalData } = setupWorkflow(nodeType, {}, { [type]: data });
	const items = [{ json: {} }];
	const context = new ExecuteContext(workflow, node, additionalData, 'internal', { resultData: { runData: {} } }, 0, [], { main: [items] }, { node, data: {}, source: null }, []);
	let response;
	try {
		response = await new RoutingNode(context, nodeType, { id: `cred-${type}`, name: type, type, data }).runNode();
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && get(response?.[0]?.[0]?.json, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
