// Starts a real n8n process on 127.0.0.1 with this package installed the way a self-hosted user installs
// it: `npm install <package>` inside <user folder>/.n8n/nodes, here from the `npm pack` tarball of the
// build, so its node types carry the package name (n8n-nodes-makini.makini) exactly as in exported
// workflows. The same function starts queue-mode processes (`n8n worker`, `n8n webhook`).
import { ChildProcess, execFileSync, spawn } from 'child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { N8N_VERSION, REPO_ROOT, envFor, n8nMajor, nodeFor, withoutNpmConfig } from './install';

export const PACKAGE_NAME = 'n8n-nodes-makini';

export type N8nCommand = 'start' | 'worker' | 'webhook';

export interface N8nInstance {
	url: string; // the editor/REST server (start), webhook server (webhook) or health server (worker)
	port: number;
	userFolder: string;
	logFile: string;
	stop(): Promise<void>;
}

export interface StartN8nOptions {
	bin: string;
	version?: string; // the installed n8n version (default N8N_VERSION): picks the node binary and runtime settings
	command?: N8nCommand; // default 'start'
	userFolder: string;
	port?: number; // 0 or missing = a free port
	env?: Record<string, string>;
	log?: (line: string) => void;
	/** false when the caller has already put the package in the user folder (e.g. from its packed tarball) */
	installPackage?: boolean;
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

function npm(args: string[], cwd: string): string {
	// without npm_* variables: under `npm test` they carry this repo's .npmrc settings, which a user's npm has not
	return execFileSync('npm', args, { cwd, env: withoutNpmConfig(process.env), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Installs the built package into the folder n8n loads community packages from, as a self-hosted user does
 * (README "Install into n8n"): `npm pack` of the build, then in <user folder>/.n8n/nodes
 * `npm install <tarball> --legacy-peer-deps` — n8n provides n8n-workflow (the peer dependency) at run time,
 * so npm must not fetch a second copy; the package has no other dependencies, so this needs no registry.
 * Replaces an earlier install.
 */
export function installBuiltPackage(userFolder: string): void {
	if (!existsSync(join(REPO_ROOT, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first');
	const packDir = mkdtempSync(join(tmpdir(), 'makini-pack-'));
	try {
		const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', packDir], REPO_ROOT)) as Array<{ filename: string }>;
		const nodesDir = join(userFolder, '.n8n', 'nodes');
		mkdirSync(nodesDir, { recursive: true });
		npm(['install', join(packDir, packed.filename), '--legacy-peer-deps', '--omit=dev', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], nodesDir);
	} finally {
		rmSync(packDir, { recursive: true, force: true });
	}
}

/** Ready: database connected and migrated (/healthz/readiness; a worker serves it from its health server).
 * The main process must also serve its REST API: until start-up is done its other paths answer a 200
 * "n8n is starting up" page, and n8n 2.x answers /rest/settings before the database is ready. */
function readinessProbe(command: N8nCommand): (url: string) => Promise<boolean> {
	return async (url) => {
		if (!(await fetch(`${url}/healthz/readiness`)).ok) return false;
		if (command !== 'start') return true;
		const settings = await fetch(`${url}/rest/settings`);
		return settings.ok && Boolean(settings.headers.get('content-type')?.includes('json'));
	};
}

async function waitForHealthy(url: string, command: N8nCommand, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
	const ready = readinessProbe(command);
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n ${command} exited with code ${child.exitCode} during start-up; see ${logFile}`);
		if (await ready(url).catch(() => false)) return;
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`n8n ${command} did not become healthy within ${timeoutMs / 1000} s; see ${logFile}`);
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
	const command = options.command ?? 'start';
	mkdirSync(options.userFolder, { recursive: true });
	if (options.installPackage !== false) installBuiltPackage(options.userFolder);
	const logFile = join(options.userFolder, 'n8n.log');
	const out = createWriteStream(logFile, { flags: 'a' });

	const version = options.version ?? N8N_VERSION;
	const child = spawn(nodeFor(version), [options.bin, command], {
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
			// a worker serves no HTTP unless its health server is on; it then answers on `port`
			...(command === 'worker' ? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' } : {}),
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

	log(`Starting n8n ${version} ${command} on ${url} (log: ${logFile}) ...`);
	const started = Date.now();
	try {
		// first start runs the migrations: about 45 s on an idle machine, minutes on a busy one
		await waitForHealthy(url, command, child, logFile, 300_000);
	} catch (error) {
		await stop();
		throw error;
	}
	log(`n8n ${version} ${command} ready in ${Math.round((Date.now() - started) / 1000)} s`);
	return { url, port, userFolder: options.userFolder, logFile, stop };
}
