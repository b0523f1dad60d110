// Puts the Makini side into a running n8n: one credential per sandbox connection, and the example
// workflows from examples/ with their credential references pointed at those credentials.
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { REPO_ROOT } from './install';
import { N8nRest, StoredWorkflow, WorkflowJson } from './rest';

export interface MakiniConnection {
	id: string;
	name: string;
	token: string;
	webhookSecret: string;
}

/** Credential names the example workflows refer to; one per sandbox connection. */
export const CREDENTIAL_NAMES = { ccn: 'Makini CCN (sandbox)', cmms: 'Makini CMMS (sandbox)' } as const;
export type ConnectionRole = keyof typeof CREDENTIAL_NAMES;

export interface ProvisionedCredential {
	id: string;
	name: string;
	connection: MakiniConnection;
}

export async function provisionCredentials(
	rest: N8nRest,
	baseUrl: string,
	connections: Record<ConnectionRole, MakiniConnection>,
): Promise<Record<ConnectionRole, ProvisionedCredential>> {
	const result = {} as Record<ConnectionRole, ProvisionedCredential>;
	for (const role of Object.keys(CREDENTIAL_NAMES) as ConnectionRole[]) {
		const connection = connections[role];
		const name = CREDENTIAL_NAMES[role];
		const id = await rest.upsertCredential(name, 'makiniApi', {
			baseUrl,
			token: connection.token,
			webhookSecret: connection.webhookSecret,
		});
		result[role] = { id, name, connection };
	}
	return result;
}

/** A credential in n8n as workflows refer to it. */
export interface BoundCredential {
	id: string;
	name: string;
}

/**
 * Credential names example 6 refers to: the System API (admin) credential, and a Makini API credential whose
 * Connection Token is an expression that n8n resolves against the node's input item (the token the Makini
 * System node just issued).
 */
export const SYSTEM_CREDENTIAL_NAMES = {
	system: 'Makini System (sandbox)',
	tokenFromInput: 'Makini token from input ({{ $json.token }})',
} as const;
export type SystemRole = keyof typeof SYSTEM_CREDENTIAL_NAMES;
export const TOKEN_FROM_INPUT = '={{ $json.token }}';

export async function provisionSystemCredentials(
	rest: N8nRest,
	baseUrl: string,
	client: { clientId: string; clientSecret: string },
): Promise<Record<SystemRole, BoundCredential>> {
	const { system, tokenFromInput } = SYSTEM_CREDENTIAL_NAMES;
	return {
		system: {
			name: system,
			id: await rest.upsertCredential(system, 'makiniSystemApi', { baseUrl, clientId: client.clientId, clientSecret: client.clientSecret }),
		},
		tokenFromInput: {
			name: tokenFromInput,
			id: await rest.upsertCredential(tokenFromInput, 'makiniApi', { baseUrl, token: TOKEN_FROM_INPUT }),
		},
	};
}

export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

export function loadExamples(): Array<{ file: string; workflow: WorkflowJson }> {
	return readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson }));
}

/** Points every credential reference (matched by credential name) at the credentials created in this n8n. */
export function bindCredentials(workflow: WorkflowJson, credentials: Record<string, BoundCredential>): WorkflowJson {
	const byName = new Map(Object.values(credentials).map((c) => [c.name, c.id]));
	const nodes = workflow.nodes.map((node) => {
		const refs = node.credentials as Record<string, { id: string; name: string }> | undefined;
		if (!refs) return node;
		const bound = Object.fromEntries(
			Object.entries(refs).map(([type, ref]) => [type, { name: ref.name, id: byName.get(ref.name) ?? ref.id }]),
		);
		return { ...node, credentials: bound };
	});
	return { ...workflow, nodes };
}

/** Imports each example once (matched by workflow name; an existing one is updated in place). */
export async function importExamples(
	rest: N8nRest,
	credentials: Record<string, BoundCredential>,
): Promise<Array<{ file: string; workflow: StoredWorkflow }>> {
	const existing = await rest.listWorkflows();
	const imported: Array<{ file: string; workflow: StoredWorkflow }> = [];
	for (const { file, workflow } of loadExamples()) {
		const bound = bindCredentials(workflow, credentials);
		const match = existing.find((w) => w.name === workflow.name);
		let stored: StoredWorkflow;
		if (match) {
			if (match.active) await rest.setActive(match.id, false);
			const current = await rest.getWorkflow(match.id);
			stored = await rest.updateWorkflow(match.id, {
				nodes: bound.nodes,
				connections: bound.connections,
				settings: bound.settings,
				versionId: current.versionId,
			});
		} else {
			stored = await rest.createWorkflow(bound);
		}
		imported.push({ file, workflow: stored });
	}
	return imported;
}
