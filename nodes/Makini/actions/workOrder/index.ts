import { getManyOperation, getOperation } from '../shared/read.factory';
import { defineResource, readOptions } from '../shared/resource';
import { workOrderConfig } from './config';
import * as create from './create.operation';
import * as getMaterials from './getMaterials.operation';
import * as update from './update.operation';
import * as updateStatus from './updateStatus.operation';

export const workOrder = defineResource({
	option: { name: 'Work Order', value: 'workOrder' },
	operationOptions: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a work order',
			description: 'Open a work order',
		},
		...readOptions('work order', 'work orders'),
		{
			name: 'Get Materials',
			value: 'getMaterials',
			action: 'Get materials of a work order',
			description: 'List the materials planned or used on a work order',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a work order',
			description: 'Change fields of a work order',
		},
		{
			name: 'Update Status',
			value: 'updateStatus',
			action: 'Update the status of a work order',
			description: "Move a work order to one of the connection's statuses",
		},
	],
	defaultOperation: 'getAll',
	operations: {
		create,
		get: getOperation(workOrderConfig),
		getAll: getManyOperation(workOrderConfig),
		getMaterials,
		update,
		updateStatus,
	},
});
