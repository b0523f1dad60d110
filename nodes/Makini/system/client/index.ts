import { defineResource } from '../../actions/shared/resource';
import * as get from './get.operation';

export const client = defineResource({
	option: { name: 'Client', value: 'client', description: 'Your Makini client (account)' },
	operationOptions: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get the client',
			description: 'Read the client: name, email, redirect URLs',
		},
	],
	defaultOperation: 'get',
	operations: { get },
});
