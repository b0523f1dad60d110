// `npm run sandbox`: prints the URL and each connection's credentials, serves the data, stops on Ctrl-C.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

it('starts from the command line, prints URL and tokens, serves, and exits cleanly on SIGINT', async () => {
	const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', join(__dirname, '../../sandbox/cli.ts'), '--port', '0', '--assets', '12', '--seed', '5', '--control', '--max-per-page', '5', '--record-shape', 'v4'], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (c: Buffer) => (output += c.toString()));
	child.stderr.on('data', (c: Buffer) => (output += c.toString()));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	try {
		const deadline = Date.now() + 30_000;
		while (!output.includes('Press Ctrl-C')) {
			if (Date.now() > deadline) throw new Error(`no banner: ${output}`);
			await new Promise((r) => setTimeout(r, 50));
		}
		const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1];
		const token = /Connection ccn:[^\n]*\n\s+API token:\s+(\S+)/.exec(output)![1];
		expect(output).toMatch(/Connection cmms: .*\n\s+API token:\s+mk_sbx_cmms_\w+\n\s+Webhook secret:\s+whsec_\w+/);
		expect(output).toContain('12 assets');
		const res = await fetch(`${url}/api/eam/assets`, { headers: { authorization: `Bearer ${token}` } });
		expect(res.status).toBe(200);
		const page = (await res.json()) as { meta: { total: number; per_page: number }; data: Array<{ id: string }> };
		expect(page.meta).toMatchObject({ total: 12, per_page: 5 });
		expect(page.data[0].id).toMatch(/^\d{14}$/);
		expect(output).toContain("API: strict queries, per_page cap 5, error form 'error', record shape 'v4'");
		expect((await fetch(`${url}/__sandbox/stats`)).status).toBe(200);
		child.kill('SIGINT');
		expect(await exited).toBe(0);
	} finally {
		if (child.exitCode === null) child.kill('SIGKILL');
	}
}, 60_000);

it('refuses unknown options', async () => {
	const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', join(__dirname, '../../sandbox/cli.ts'), '--prot', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
	let err = '';
	child.stderr.on('data', (c: Buffer) => (err += c.toString()));
	const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
	expect(code).toBe(1);
	expect(err).toContain('Unknown option(s): --prot');
}, 60_000);

it('refuses an invalid setting', async () => {
	const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', join(__dirname, '../../sandbox/cli.ts'), '--port', '0', '--error-form', 'xml'], { stdio: ['ignore', 'pipe', 'pipe'] });
	let err = '';
	child.stderr.on('data', (c: Buffer) => (err += c.toString()));
	const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
	expect(code).toBe(1);
	expect(err).toContain("errorForm must be 'error' or 'status'");
}, 60_000);
