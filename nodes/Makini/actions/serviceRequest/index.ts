import { getManyOperation, getOperation } from '../shared/read.factory';
import { createOperation } from '../shared/write.factory';
import { defineResource, readOptions } from '../shared/resource';
import { serviceRequestConfig } from './config';
import { serviceRequestFields, serviceRequestTypedFields } from './fields';

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
		create: createOperation({
			resource: 'serviceRequest',
			entity: 'service-requests',
			nameField: {
				displayName: 'Title',
				name: 'title',
				placeholder: 'e.g. AHU-3 high supply air temperature alarm',
			},
			typedFields: serviceRequestTypedFields,
			fields: serviceRequestFields,
			dateFields: ['dueAt'],
			// The published request body: the form offers no other field.
			accepted: { create: ['title', 'assetKey', 'description', 'userRequestedKey'] },
		}),
		get: getOperation(serviceRequestConfig),
		getAll: getManyOperation(serviceRequestConfig),
	},
});
