// `npm start`: the Makini sandbox with the default CCN data set, a real pinned n8n with this package,
// an owner account, one Makini credential per sandbox connection, and the example workflows imported and
// active. Ctrl-C stops everything this started. n8n's data stays in .n8n-demo/ between runs.
// `npm start -- --n8n 2` runs n8n 2.x instead of the default 1.x (or N8N_VERSION; see demo/n8n/install.ts).
import { join } from 'path';
import { N8N_VERSION, REPO_ROOT, n8nMajor, resolveN8nVersion } from './n8n/install';
import { importExamples } from './n8n/provision';
import { startStack } from './n8n/stack';
import { activateExamples, alarmDemoAsset, subscribeWebhookTriggers } from './n8n/examples';

export const DEMO_OWNER = { email: 'demo@makini.local', password: 'MakiniDemo1', firstName: 'Makini', lastName: 'Demo' };

/** The value of `--n8n <major|version>` or `--n8n=<...>`, else N8N_VERSION. */
function requestedVersion(argv: string[]): string {
	const at = argv.findIndex((a) => a === '--n8n' || a.startsWith('--n8n='));
	if (at < 0) return N8N_VERSION;
	const value = argv[at].includes('=') ? argv[at].split('=')[1] : argv[at + 1];
	if (!value) throw new Error('--n8n needs a major (1, 2) or an exact n8n version');
	return resolveN8nVersion(value);
}

async function main(): Promise<void> {
	const started = Date.now();
	const log = (line: string) => console.log(line);
	const version = requestedVersion(process.argv.slice(2));
	const stack = await startStack({
		// one data folder per major: n8n 1.x cannot open a database 2.x has migrated
		userFolder: join(REPO_ROOT, n8nMajor(version) >= 2 ? '.n8n-demo-2' : '.n8n-demo'),
		version,
		n8nPort: 5678,
		sandboxPort: 4010,
		owner: DEMO_OWNER,
		log,
	});
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the sandbox ...');
		await stack.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);

	const imported = await importExamples(stack.rest, { ...stack.credentials, ...stack.systemCredentials });
	const activation = await activateExamples(stack.rest, imported);
	const subscriptions = await subscribeWebhookTriggers(stack, activation.active);

	const { ccn, cmms } = stack.credentials;
	const alarmAsset = alarmDemoAsset(stack.sandbox) ?? { key: 'ASSET_KEY', name: 'a critical asset' };
	console.log(`
Ready in ${Math.round((Date.now() - started) / 1000)} s.

  n8n ${version.padEnd(13)} ${stack.n8n.url}
  login             ${DEMO_OWNER.email} / ${DEMO_OWNER.password}
  Makini sandbox    ${stack.sandbox.url}  (control endpoints under /__sandbox/)
  credentials       "${ccn.name}" (${ccn.connection.name}), "${cmms.name}" (${cmms.connection.name})
  workflows         ${imported.map((i) => `\n    - ${i.workflow.name}${activation.active.some((a) => a.id === i.workflow.id) ? ' (active)' : ''}`).join('')}
${activation.failed.map((f) => `  could not activate "${f.name}": ${f.message}\n`).join('')}
What to try first:
  1. Open the editor, log in, open "CCN alarm → service request" and its Executions tab.
  2. Raise a CCN alarm on ${alarmAsset.name} (critical, already down): the sandbox changes the asset and
     sends a signed webhook${subscriptions.length ? ` to ${subscriptions[0]}` : ''}:
       curl -s -X POST ${stack.sandbox.url}/__sandbox/connections/${ccn.connection.id}/changes \\
         -H 'content-type: application/json' \\
         -d '{"entity":"assets","key":"${alarmAsset.key}","patch":{"notes":"CCN alarm 140: high discharge temperature"}}'
     A new execution resolves the asset, takes its snapshot and creates a service request.
  3. Open "Nightly equipment export" and click "Execute workflow" to see Get Many + Simplify and the file.
  4. New workflow → search "Makini" in the nodes panel → Asset → Get Many → pick "${ccn.name}".

Logs: n8n ${stack.n8n.logFile}. Press Ctrl-C to stop.`);
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
