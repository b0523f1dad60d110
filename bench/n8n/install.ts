// The package as users get it: `npm pack`, then `npm install <tarball>` in the user folder's .n8n/nodes,
// which is where n8n's community-package installer puts it.
import { execFileSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

import { REPO_ROOT } from '../../demo/n8n/install';

/** Builds and packs the package once per run; returns the tarball's path. */
export function packPackage(outDir: string): string {
	mkdirSync(outDir, { recursive: true });
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'ignore' });
	const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', outDir], { cwd: REPO_ROOT, encoding: 'utf8' })
		.trim()
		.split('\n')
		.pop()!;
	return join(outDir, name);
}

/** Installs the tarball into <userFolder>/.n8n/nodes (no dependencies to fetch: the package has none). */
export function installTarball(userFolder: string, tarball: string): void {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	// n8n-workflow is a peer the running n8n provides: never install one next to the package.
	const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
	execFileSync('npm', ['install', tarball, '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: nodesDir,
		env,
		stdio: 'ignore',
	});
}
