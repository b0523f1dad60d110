// `npm run sandbox -- [--port 4010] [--assets 40] [--seed 42] [--control] [--time-scale 1] [--tolerant]
//   [--max-per-page 500] [--error-form error|status] [--record-shape key|v4]`
// Starts the Makini sandbox, prints its URL and every connection's credentials, and runs until Ctrl-C.
import { startSandbox } from './index';
import type { Settings } from './types';

function parseArgs(argv: string[]): Record<string, string | true> {
	const args: Record<string, string | true> = {};
	for (let i = 0; i < argv.length; i++) {
		const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
		if (!match) throw new Error(`Unexpected argument '${argv[i]}'`);
		if (match[2] !== undefined) args[match[1]] = match[2];
		else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) args[match[1]] = argv[++i];
		else args[match[1]] = true;
	}
	return args;
}

function numberArg(args: Record<string, string | true>, name: string, fallback: number): number {
	const raw = args[name];
	if (raw === undefined) return fallback;
	const value = Number(raw);
	if (raw === true || !Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number >= 0`);
	return value;
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const known = ['port', 'assets', 'seed', 'control', 'time-scale', 'tolerant', 'max-per-page', 'error-form', 'record-shape'];
	const unknown = Object.keys(args).filter((a) => !known.includes(a));
	if (unknown.length) throw new Error(`Unknown option(s): ${unknown.map((a) => `--${a}`).join(', ')} (known: ${known.map((a) => `--${a}`).join(' ')})`);
	const flag = (name: string) => args[name] !== undefined && args[name] !== 'false';
	const control = flag('control');
	// Values are checked by startSandbox (an invalid one exits with its message).
	const settings: Partial<Settings> = { strict: !flag('tolerant') };
	if (args['max-per-page'] !== undefined) settings.maxPerPage = numberArg(args, 'max-per-page', 500);
	if (args['error-form'] !== undefined) settings.errorForm = args['error-form'] as Settings['errorForm'];
	if (args['record-shape'] !== undefined) settings.recordShape = args['record-shape'] as Settings['recordShape'];
	const started = Date.now();
	const sandbox = await startSandbox({
		port: numberArg(args, 'port', 4010),
		assets: numberArg(args, 'assets', 40),
		seed: numberArg(args, 'seed', 42),
		timeScale: numberArg(args, 'time-scale', 1),
		control,
		settings,
	});
	const lines = [
		`Makini sandbox listening on ${sandbox.url} (started in ${Date.now() - started} ms)`,
		`  Base URL for credentials: ${sandbox.url}`,
		'',
	];
	for (const c of Object.values(sandbox.connections)) {
		lines.push(`  Connection ${c.id}: ${c.name} (provider ${c.provider}, ${sandbox.records(c.id, 'assets').length} assets)`);
		lines.push(`    API token:      ${c.token}`);
		lines.push(`    Webhook secret: ${c.webhookSecret}`);
	}
	lines.push('', `  OAuth2 (Makini Link): authorize ${sandbox.url}/oauth/authorize?connection=<id>, token ${sandbox.url}/link/token`);
	lines.push(`    client_id ${sandbox.oauthClient.clientId}, client_secret ${sandbox.oauthClient.clientSecret}`);
	const api = sandbox.settings();
	lines.push(`  API: ${api.strict ? 'strict' : 'tolerant'} queries, per_page cap ${api.maxPerPage}, error form '${api.errorForm}', record shape '${api.recordShape}'`);
	lines.push(control ? `  Control endpoints on: ${sandbox.url}/__sandbox/connections` : '  Control endpoints off (start with --control to enable /__sandbox/*)');
	lines.push('', 'Press Ctrl-C to stop.');
	process.stdout.write(`${lines.join('\n')}\n`);
	const stop = () => {
		void sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	process.stderr.write(`sandbox: ${error.message}\n`);
	process.exit(1);
});
