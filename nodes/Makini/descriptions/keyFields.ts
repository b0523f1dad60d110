import type { INodeProperties } from 'n8n-workflow';

/** Entities that have a list-search picker (From List / By Key / By URL). */
export interface LocatorConfig {
	name: string;
	displayName: string;
	/** API path segment, e.g. `assets` */
	entity: string;
	searchMethod: string;
	description?: string;
	/** False for a foreign key in a fields collection (default true: the record an operation acts on). */
	required?: boolean;
}

/** A resource locator for a record key: picked from a searchable list, typed, or taken from an API URL. */
export function keyLocator(config: LocatorConfig): INodeProperties {
	const urlPattern = `https?://[^/]+/api/eam/${config.entity}/([^/?#]+)`;
	return {
		displayName: config.displayName,
		name: config.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: config.required ?? true,
		description: config.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: config.searchMethod, searchable: true },
			},
			{
				displayName: 'By Key',
				name: 'key',
				type: 'string',
				placeholder: 'e.g. 0300000000001',
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. https://api.makini.io/api/eam/${config.entity}/0300000000001`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `${urlPattern}.*`,
							errorMessage: `Not a Makini ${config.entity} URL`,
						},
					},
				],
				extractValue: { type: 'regex', regex: urlPattern },
			},
		],
	};
}

/** A plain key field for entities without a picker. */
export function keyField(name: string, displayName: string, description?: string): INodeProperties {
	return { displayName, name, type: 'string', default: '', required: true, description };
}

/** The team a record is assigned to, picked from the connection's teams. */
export const teamField: INodeProperties = {
	displayName: 'Team Name or ID',
	name: 'teamKey',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTeams' },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** A status picked from one of the connection's status lists (`loadOptionsMethod` names the list). */
export function statusField(name: string, loadOptionsMethod: string): INodeProperties {
	return {
		displayName: 'Status Name or ID',
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

/**
 * A foreign key of a write form as a picker (From List / By Key / By URL). Workflows saved when the field was a text
 * box hold a plain string there: writeBody reads both (see helpers/body.ts `locatorValue`).
 */
export function foreignKey(
	displayName: string,
	name: string,
	entity: string,
	searchMethod: string,
	description?: string,
): INodeProperties {
	return keyLocator({ displayName, name, entity, searchMethod, description, required: false });
}
