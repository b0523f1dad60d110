import { defineResource } from '../../actions/shared/resource';
import * as getAll from './getAll.operation';

export const platform = defineResource({
	option: { name: 'Platform', value: 'platform', description: 'Systems Makini can connect' },
	operationOptions: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many platforms',
			description: 'List the platforms a connection can be created for',
		},
	],
	defaultOperation: 'getAll',
	operations: { getAll },
});
