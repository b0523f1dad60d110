import type { INodeProperties } from 'n8n-workflow';

const attempts: INodeProperties[] = [
	{
		displayName: 'Max Attempts',
		name: 'maxAttempts',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10 },
		default: 5,
		description:
			'Attempts per request when Makini is rate-limiting or briefly unavailable (reads also retry on 5xx, resets and cut-off answers)',
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 60,
		description: 'Total time one request may spend waiting between attempts',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 60,
		description: 'How long to wait for one answer before giving up on that attempt',
	},
];

/** The Options collection: reliability knobs everywhere, plus paging or write concurrency where they apply. */
export function transportOptions(kind: 'list' | 'read' | 'write'): INodeProperties {
	const extra: INodeProperties[] = [];
	if (kind === 'list') {
		extra.push({
			displayName: 'Page Concurrency',
			name: 'pageConcurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 1,
			description:
				'Pages fetched at once after the first (results stay in order). Higher is faster on big lists but uses more of the rate limit, and records inserted during the read can be skipped.',
		});
	}
	if (kind === 'write') {
		extra.push({
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 20 },
			default: 1,
			description: 'Items written at once; all of them slow down together when Makini answers 429',
		});
	}
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...extra, ...attempts].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
