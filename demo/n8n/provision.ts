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

export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

export function loadExamples(): Array<{ file: string; workflow: WorkflowJson }> {
	return readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson }));
}

/** Points every credential reference (matched by credential name) at the credentials created in this n8n. */
export function bindCredentials(workflow: WorkflowJson, credentials: Record<ConnectionRole, ProvisionedCredential>): WorkflowJson {
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
	credentials: Record<ConnectionRole, ProvisionedCredential>,
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
