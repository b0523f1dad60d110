import { defineResource } from '../../actions/shared/resource';
import * as create from './create.operation';
import * as createToken from './createToken.operation';
import * as deleteConnection from './delete.operation';
import * as getAll from './getAll.operation';
import * as getMetadata from './getMetadata.operation';
import * as setMetadata from './setMetadata.operation';

export const systemConnection = defineResource({
	option: {
		name: 'Connection',
		value: 'connection',
		description: 'Connections of your Makini account',
	},
	operationOptions: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a connection',
			description: 'Connect a customer system; answers its token pair and key',
		},
		{
			name: 'Create Token',
			value: 'createToken',
			action: 'Create a connection token',
			description: 'Issue a new access token for a connection',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a connection',
			description: 'Remove a connection for good (irreversible; its tokens stop working)',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many connections',
			description: 'List the connections of the account',
		},
		{
			name: 'Get Metadata',
			value: 'getMetadata',
			action: 'Get the metadata of a connection',
			description: "Read a connection's integrator metadata",
		},
		{
			name: 'Set Metadata',
			value: 'setMetadata',
			action: 'Set metadata on a connection',
			description: 'Store key/value pairs on a connection',
		},
	],
	defaultOperation: 'getAll',
	operations: {
		create,
		createToken,
		delete: deleteConnection,
		getAll,
		getMetadata,
		setMetadata,
	},
});
