import { defineResource } from '../shared/resource';
import * as getAll from './getAll.operation';

export const status = defineResource({
	option: {
		name: 'Status',
		value: 'status',
		description: 'The status lists of work orders, service requests, purchase and return orders',
	},
	operationOptions: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many statuses',
			description: "List the connection's statuses of one kind of record",
		},
	],
	defaultOperation: 'getAll',
	operations: { getAll },
});
