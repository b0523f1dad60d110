import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isoDate, jsonObject } from './validation';

/** The raw JSON escape hatch of every create/update: merged last, so it can set any field the system accepts. */
export const jsonFieldsProperty: INodeProperties = {
	displayName: 'Extra Fields (JSON)',
	name: 'jsonFields',
	type: 'json',
	default: '{}',
	description:
		'Any other fields the connected system accepts, as a JSON object; these override the fields above',
};

/**
 * The key a resource locator value holds ({__rl, mode, value}; By URL: the last path segment, trimmed), or the value
 * itself otherwise: a plain string, as workflows saved before the field became a picker hold it, passes unchanged.
 */
export function locatorValue(value: unknown): unknown {
	if (typeof value !== 'object' || value === null || !('__rl' in value)) return value;
	const { mode, value: inner } = value as { mode?: string; value?: unknown };
	if (typeof inner !== 'string') return inner;
	if (mode !== 'url') return inner.trim();
	const match = /\/api\/eam\/[^?#]*\/([^/?#]+)\/?(?:[?#].*)?$/.exec(inner.trim());
	return match ? decodeURIComponent(match[1]) : inner.trim();
}

/**
 * A write body from typed top-level fields, a fields collection and the JSON escape hatch. Empty values are
 * left out (n8n collections send '' for cleared inputs) and date fields are normalised to ISO 8601.
 */
export function writeBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	config: {
		typed?: string[];
		collection: string;
		dateFields?: string[];
		/** Parameter name → published request field, where they differ. */
		renamed?: Record<string, string>;
	},
): IDataObject {
	const body: IDataObject = {};
	for (const name of config.typed ?? []) {
		const value = locatorValue(ctx.getNodeParameter(name, itemIndex, ''));
		if (value !== '' && value !== undefined && value !== null)
			body[name] = typeof value === 'string' ? value.trim() : value;
	}
	const fields = ctx.getNodeParameter(config.collection, itemIndex, {}) as IDataObject;
	for (const [name, raw] of Object.entries(fields)) {
		const value = locatorValue(raw);
		if (value === '' || value === undefined || value === null) continue;
		body[name] = config.dateFields?.includes(name) ? isoDate(ctx, itemIndex, name, value) : value;
	}
	for (const [name, field] of Object.entries(config.renamed ?? {})) {
		if (name in body) {
			body[field] = body[name];
			delete body[name];
		}
	}
	Object.assign(
		body,
		jsonObject(
			ctx,
			itemIndex,
			'Extra Fields (JSON)',
			ctx.getNodeParameter('jsonFields', itemIndex, '{}'),
		),
	);
	return body;
}
