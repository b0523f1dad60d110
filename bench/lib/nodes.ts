import type { INodeType } from 'n8n-workflow';

/**
 * Loads a node class from its TypeScript source. Under ts-node, `require('…/X.node')` finds the codex file
 * `X.node.json` before `X.node.ts`, so the source is named with its extension. Loaded on demand, so that a
 * baseline's process never loads n8n-core or the package.
 */
export function loadNode(name: 'Makini' | 'MakiniTrigger' | 'MakiniPollingTrigger'): INodeType {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(`../../nodes/Makini/${name}.node.ts`) as Record<string, new () => INodeType>;
	return new module[name]();
}
