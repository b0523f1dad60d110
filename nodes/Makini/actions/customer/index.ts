import { foreignKey } from '../../descriptions/keyFields';
import type { ReadConfig } from '../shared/read.factory';
import { getManyOperation, getOperation } from '../shared/read.factory';
import { createOperation } from '../shared/write.factory';
import { defineResource, readOptions } from '../shared/resource';

const read: ReadConfig = { resource: 'customer', entity: 'customers', noun: 'customer' };

export const customer = defineResource({
	option: { name: 'Customer', value: 'customer' },
	operationOptions: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a customer',
			description: 'Add a customer',
		},
		...readOptions('customer', 'customers'),
	],
	defaultOperation: 'getAll',
	operations: {
		create: createOperation({
			resource: 'customer',
			entity: 'customers',
			// the published request fields (openapi-eam.json)
			accepted: { create: ['code', 'companyKey', 'name'] },
			nameField: {
				displayName: 'Name',
				name: 'name',
				placeholder: 'e.g. Harbor Point Tenants LLC',
			},
			fields: [
				{ displayName: 'Code', name: 'code', type: 'string', default: '' },
				foreignKey('Company', 'companyKey', 'companies', 'searchCompanies'),
			],
		}),
		get: getOperation(read),
		getAll: getManyOperation(read),
	},
});
