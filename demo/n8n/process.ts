// Starts a real n8n on 127.0.0.1 with this package loaded the way users get it: the built package
// (package.json + dist/) inside <user folder>/.n8n/nodes/node_modules/, so its node types carry the
// package name (n8n-nodes-makini.makini) exactly as in exported workflows.
import { ChildProcess, spawn } from 'child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, rmSync } from 'fs';
import { createServer } from 'net';
import { join } from 'path';
import { N8N_VERSION, REPO_ROOT, envFor, n8nMajor, nodeFor } from './install';

export const PACKAGE_NAME = 'n8n-nodes-makini';

export interface N8nInstance {
	url: string;
	port: number;
	userFolder: string;
	logFile: string;
	stop(): Promise<void>;
}

export interface StartN8nOptions {
	bin: string;
	version?: string; // the installed n8n version (default N8N_VERSION): picks the node binary and runtime settings
	userFolder: string;
	port?: number; // 0 or missing = a free port
	env?: Record<string, string>;
	log?: (line: string) => void;
}

export function freePort(preferred = 0): Promise<number> {
	return new Promise((done) => {
		const server = createServer();
		server.once('error', () => done(freePort(0)));
		server.listen(preferred, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => done(port));
		});
	});
}

/** Copies the built package into the folder n8n scans for community packages (replacing an older copy). */
export function installBuiltPackage(userFolder: string): void {
	const dist = join(REPO_ROOT, 'dist');
	if (!existsSync(dist)) throw new Error('dist/ is missing: run `npm run build` first');
	const target = join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	cpSync(join(REPO_ROOT, 'package.json'), join(target, 'package.json'));
	cpSync(dist, join(target, 'dist'), { recursive: true });
}

async function waitForHealthy(url: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited with code ${child.exitCode} during start-up; see ${logFile}`);
		try {
			// /healthz answers early; until start-up is done every other path gets a 200 "n8n is starting up"
			// page, so wait for the settings route to answer JSON
			const settings = await fetch(`${url}/rest/settings`);
			if (settings.ok && settings.headers.get('content-type')?.includes('json')) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`n8n did not become healthy within ${timeoutMs / 1000} s; see ${logFile}`);
}

/** The runtime's environment without jest's variables (n8n changes behaviour when it thinks it is under test). */
function inheritedEnv(version: string): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(envFor(version)).filter(([name]) => !name.startsWith('JEST_')));
}

/** n8n 1.x on Node 20: isolated-vm does not build, so expressions use the legacy engine and no task runner. */
const NODE20_RUNTIME = { N8N_EXPRESSION_ENGINE: 'legacy', N8N_RUNNERS_ENABLED: 'false' };

export async function startN8n(options: StartN8nOptions): Promise<N8nInstance> {
	const log = options.log ?? (() => undefined);
	const port = await freePort(options.port ?? 0);
	const url = `http://127.0.0.1:${port}`;
	mkdirSync(options.userFolder, { recursive: true });
	installBuiltPackage(options.userFolder);
	const logFile = join(options.userFolder, 'n8n.log');
	const out = createWriteStream(logFile, { flags: 'a' });

	const version = options.version ?? N8N_VERSION;
	const child = spawn(nodeFor(version), [options.bin, 'start'], {
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: process.platform !== 'win32', // own process group: Ctrl-C in the terminal reaches us, we stop n8n
		env: {
			...inheritedEnv(version),
			NODE_ENV: 'production', // jest sets NODE_ENV=test, which makes n8n silence its logs and misbehave
			N8N_USER_FOLDER: options.userFolder,
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `${url}/`,
			N8N_EDITOR_BASE_URL: `${url}/`,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false', // plain http on 127.0.0.1
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_HIRING_BANNER_ENABLED: 'false',
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
			DB_SQLITE_POOL_SIZE: '2',
			N8N_LOG_LEVEL: 'info',
			// 2.x runs a task broker in every process (5679 by default): each needs its own port
			...(n8nMajor(version) < 2 ? NODE20_RUNTIME : { N8N_RUNNERS_BROKER_PORT: String(await freePort()) }),
			...options.env,
		},
	});
	child.stdout?.pipe(out);
	child.stderr?.pipe(out);
	// n8n runs in its own process group, so make sure it never outlives this process (crash, process.exit).
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);
	child.once('exit', () => process.removeListener('exit', killOnExit));

	const stop = () =>
		new Promise<void>((done) => {
			if (child.exitCode !== null || child.signalCode !== null) return done();
			const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			child.once('exit', () => {
				clearTimeout(killer);
				done();
			});
			child.kill('SIGTERM');
		});

	log(`Starting n8n on ${url} (log: ${logFile}) ...`);
	try {
		await waitForHealthy(url, child, logFile, 180_000);
	} catch (error) {
		await stop();
		throw error;
	}
	return { url, port, userFolder: options.userFolder, logFile, stop };
}
