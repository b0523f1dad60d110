// The whole local stack the demo and the end-to-end tests share: the Makini sandbox (in-process, control
// endpoints on), a pinned real n8n with this package loaded, its owner, and one Makini credential per
// sandbox connection.
import { RunningSandbox, startSandbox } from '../../sandbox';
import { N8N_VERSION, ensureN8nInstalled } from './install';
import { N8nInstance, freePort, startN8n } from './process';
import {
	BoundCredential,
	ConnectionRole,
	ProvisionedCredential,
	SystemRole,
	provisionCredentials,
	provisionSystemCredentials,
} from './provision';
import { N8nRest, Owner } from './rest';

export interface StackOptions {
	userFolder: string;
	version?: string; // an installed-or-installable n8n version; default N8N_VERSION
	n8nPort?: number; // preferred; a free one is taken when busy
	sandboxPort?: number; // preferred; a free one is taken when busy
	owner: Owner;
	log?: (line: string) => void;
}

export interface Stack {
	sandbox: RunningSandbox;
	n8n: N8nInstance;
	rest: N8nRest;
	credentials: Record<ConnectionRole, ProvisionedCredential>;
	/** The System API credential and the token-from-input Makini API credential (example 6). */
	systemCredentials: Record<SystemRole, BoundCredential>;
	/** Stops n8n and starts it again on the same port and user folder (database, static data, webhooks). */
	restartN8n(): Promise<void>;
	stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<Stack> {
	const log = options.log ?? (() => undefined);
	const version = options.version ?? N8N_VERSION;
	const bin = await ensureN8nInstalled(log, version);
	const sandbox = await startSandbox({ port: await freePort(options.sandboxPort ?? 0), control: true });
	log(`Makini sandbox on ${sandbox.url}`);
	let n8n: N8nInstance | undefined;
	try {
		n8n = await startN8n({ bin, version, userFolder: options.userFolder, port: options.n8nPort, log });
		const rest = new N8nRest(n8n.url);
		await rest.ensureOwner(options.owner);
		const credentials = await provisionCredentials(rest, sandbox.url, sandbox.connections);
		const systemCredentials = await provisionSystemCredentials(rest, sandbox.url, sandbox.oauthClient);
		const stack: Stack = {
			sandbox,
			n8n,
			rest,
			credentials,
			systemCredentials,
			restartN8n: async () => {
				const { port } = stack.n8n;
				await stack.n8n.stop();
				stack.n8n = await startN8n({ bin, userFolder: options.userFolder, port, log });
				if (stack.n8n.port !== port) throw new Error(`port ${port} was taken while n8n restarted`);
				await rest.login(options.owner);
			},
			stop: async () => {
				await stack.n8n.stop();
				await sandbox.close();
			},
		};
		return stack;
	} catch (error) {
		await n8n?.stop();
		await sandbox.close();
		throw error;
	}
}
