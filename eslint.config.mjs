import { buildScanConfig } from '@n8n/scan-community-package/scanner/scanner.mjs';

// Exactly the rule set n8n's verification scanner (and `n8n-node lint`) applies, taken from the scanner itself
// so the two cannot drift; like the scanner, inline eslint-disable comments are not honoured.
export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'sandbox/**', 'bench/**', 'demo/**', 'examples/**'] },
	{ linterOptions: { noInlineConfig: true } },
	...(await buildScanConfig()),
];
