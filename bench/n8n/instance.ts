// One real n8n per version for the whole run: a fresh user folder with the package installed from its
// tarball, an owner, and the credentials each side uses. Workflows are created through its REST API and run
// with `n8n execute --id` (their own processes); the server itself serves the webhook benchmark.
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { n8nBin, n8nMajor } from '../../demo/n8n/install';
import { freePort, startN8n, type N8nInstance } from '../../demo/n8n/process';
import { N8nRest, type WorkflowJson } from '../../demo/n8n/rest';
import { executeWorkflow, type ExecuteResult, type N8nTarget } from './execute';
import { installTarball } from './install';

export interface BenchN8n {
	version: string;
	n8n: N8nInstance;
	rest: N8nRest;
	scratch: string;
	credential(name: string, type: string, data: Record<string, unknown>): Promise<{ id: string; name: string }>;
	workflow(json: WorkflowJson): Promise<string>;
	execute(workflowId: string): Promise<ExecuteResult>;
	stop(): Promise<void>;
}

/** n8n closes idle keep-alive connections after 5 s; a request that raced that close is sent once more. */
async function again<T>(call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (error) {
		if (!/fetch failed/.test(String((error as Error).message))) throw error;
		return await call();
	}
}

export async function startBenchN8n(version: string, tarball: string, log: (line: string) => void): Promise<BenchN8n> {
	const scratch = mkdtempSync(join(tmpdir(), `bench-n8n-${version}-`));
	const userFolder = join(scratch, 'user');
	installTarball(userFolder, tarball);
	// n8n 2.x: the server and each execute process need task broker ports of their own (others may run n8n here).
	const serverBroker: Record<string, string> = n8nMajor(version) >= 2 ? { N8N_RUNNERS_BROKER_PORT: String(await freePort()) } : {};
	const n8n = await startN8n({ bin: n8nBin(version), version, userFolder, installPackage: false, env: serverBroker, log });
	try {
		const rest = new N8nRest(n8n.url);
		await rest.ensureOwner({ email: 'bench@example.com', password: 'Bench-n8n-1', firstName: 'Bench', lastName: 'Runner' });
		const target: N8nTarget = { version, userFolder, brokerPort: await freePort() };
		return {
			version,
			n8n,
			rest,
			scratch,
			credential: async (name, type, data) => ({ id: await again(async () => await rest.upsertCredential(name, type, data)), name }),
			workflow: async (json) => (await again(async () => await rest.createWorkflow(json))).id,
			execute: async (id) => await executeWorkflow(target, id, scratch),
			stop: async () => {
				await n8n.stop();
				rmSync(scratch, { recursive: true, force: true });
			},
		};
	} catch (error) {
		await n8n.stop();
		throw error;
	}
}
