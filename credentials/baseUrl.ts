import type { INodeProperties } from 'n8n-workflow';

/** The Makini API host, the same field in both credentials; each says what else it is used for. */
export function baseUrlProperty(description: string): INodeProperties {
	return {
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: 'https://api.makini.io',
		description,
	};
}
