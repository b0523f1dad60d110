// Installs a pinned n8n into the repo's ignored cache folder, once. A plain `npm install n8n` fails on
// these machines (see docs/real-n8n notes): xlsx comes from an unreachable CDN tarball, and some native
// modules do not compile on Node 20. So n8n gets its own folder whose package.json overrides xlsx,
// installs without scripts, and rebuilds only sqlite3 (the database n8n uses by default).
import { spawn } from 'child_process';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';

export const N8N_VERSION = process.env.N8N_VERSION ?? '1.123.81';
export const REPO_ROOT = resolve(__dirname, '..', '..');

export function n8nInstallDir(version = N8N_VERSION): string {
	return join(REPO_ROOT, '.cache', `n8n-${version}`);
}

export function n8nBin(version = N8N_VERSION): string {
	return join(n8nInstallDir(version), 'node_modules', 'n8n', 'bin', 'n8n');
}

function run(cmd: string, args: string[], cwd: string, log: (line: string) => void): Promise<void> {
	return new Promise((done, fail) => {
		const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
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
	log(`Installing n8n ${version} into ${dir} (first run only; about 3-5 minutes and 1.8 GB) ...`);
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		join(dir, 'package.json'),
		JSON.stringify({ private: true, dependencies: { n8n: version }, overrides: { xlsx: 'npm:xlsx@0.18.5' } }, null, 2),
	);
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	await run(npm, ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], dir, log);
	log(`  packages installed after ${Math.round((Date.now() - started) / 1000)} s; building sqlite3 (about 1 minute) ...`);
	await run(npm, ['rebuild', 'sqlite3'], dir, log);
	writeFileSync(marker, new Date().toISOString());
	log(`n8n ${version} installed in ${Math.round((Date.now() - started) / 1000)} s.`);
	return n8nBin(version);
}

if (require.main === module) {
	ensureN8nInstalled().catch((error) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
