// Which Chromium the editor test drives, found without downloading anything: CHROMIUM_PATH, else a system
// Chromium or Chrome on PATH, else the one inside the @sparticuz/chromium devDependency (so `npm ci && npm
// test` needs no browser on the machine). E2E_NO_SYSTEM_BROWSER=1 skips the PATH lookup, to prove the last.
import { execFileSync } from 'child_process';
import { accessSync, constants } from 'fs';
import { delimiter, join } from 'path';
import { REPO_ROOT } from '../../demo/n8n/install';

export interface Chromium {
	source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
	executablePath: string;
	args: string[];
	env?: Record<string, string>;
}

const HEADLESS_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function onPath(name: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
		try {
			accessSync(join(dir, name), constants.X_OK);
			return join(dir, name);
		} catch {
			// not in this folder
		}
	}
	return undefined;
}

/**
 * @sparticuz/chromium is ESM-only and resolves its files through import.meta, which jest's CommonJS runtime
 * cannot load, so a plain node process unpacks it (into the temp folder, once) and reports where. The binary
 * links against NSS and expat; the package ships those (built for Amazon Linux, glibc-compatible with
 * current Debian/Ubuntu) and they go first on the browser's library path, so no system library is needed.
 */
function npmChromium(): Chromium {
	const script = `
		import chromium, { inflate } from '@sparticuz/chromium';
		const executablePath = await chromium.executablePath();
		const libs = await inflate(new URL('../bin/al2023.tar.br', import.meta.resolve('@sparticuz/chromium')).pathname);
		console.log(JSON.stringify({ executablePath, args: chromium.args, libs: libs + '/lib' }));`;
	const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
	const { executablePath, args, libs } = JSON.parse(out.trim().split('\n').pop()!) as { executablePath: string; args: string[]; libs: string };
	const libraryPath = [libs, process.env.LD_LIBRARY_PATH].filter(Boolean).join(delimiter);
	return {
		source: '@sparticuz/chromium',
		executablePath,
		args: [...args, ...HEADLESS_FLAGS],
		env: { ...(process.env as Record<string, string>), LD_LIBRARY_PATH: libraryPath },
	};
}

export function findChromium(): Chromium {
	if (process.env.CHROMIUM_PATH) return { source: 'CHROMIUM_PATH', executablePath: process.env.CHROMIUM_PATH, args: HEADLESS_FLAGS };
	const system = process.env.E2E_NO_SYSTEM_BROWSER === '1' ? undefined : SYSTEM_NAMES.map(onPath).find(Boolean);
	if (system) return { source: 'system', executablePath: system, args: HEADLESS_FLAGS };
	return npmChromium();
}
