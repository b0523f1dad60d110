import type { INodeProperties } from 'n8n-workflow';

/** The Connection Key parameter of the system operations on one connection. */
export const connectionKeyField: INodeProperties = {
	displayName: 'Connection Key',
	name: 'connectionKey',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 09000207611898',
	description:
		'Key of the Makini connection (the `key` of Get Many Connections, or of Create Connection)',
};
