import { getManyOperation, getOperation } from '../shared/read.factory';
import { defineResource, readOptions } from '../shared/resource';
import { serviceRequestConfig } from './config';
import * as create from './create.operation';

export const serviceRequest = defineResource({
	option: { name: 'Service Request', value: 'serviceRequest' },
	operationOptions: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a service request',
			description: 'Report a problem for follow-up',
		},
		...readOptions('service request', 'service requests'),
	],
	defaultOperation: 'getAll',
	operations: {
		create,
		get: getOperation(serviceRequestConfig),
		getAll: getManyOperation(serviceRequestConfig),
	},
});
