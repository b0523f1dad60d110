import { getManyOperation, getOperation } from '../shared/read.factory';
import { defineResource, readOptions } from '../shared/resource';
import { returnOrderConfig } from './config';
import * as create from './create.operation';
import * as update from './update.operation';

export const returnOrder = defineResource({
	option: { name: 'Return Order', value: 'returnOrder' },
	operationOptions: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a return order',
			description: 'Return parts to a vendor',
		},
		...readOptions('return order', 'return orders'),
		{
			name: 'Update',
			value: 'update',
			action: 'Update a return order',
			description: 'Change the status or fields of a return order',
		},
	],
	defaultOperation: 'getAll',
	operations: {
		create,
		get: getOperation(returnOrderConfig),
		getAll: getManyOperation(returnOrderConfig),
		update,
	},
});
