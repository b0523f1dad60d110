import { getManyOperation, getOperation } from '../shared/read.factory';
import { createOperation, updateOperation } from '../shared/write.factory';
import { updateStatusOperation } from '../shared/status.factory';
import { defineResource, readOptions } from '../shared/resource';
import { workOrderConfig } from './config';
import { workOrderDateFields, workOrderWriteFields } from './fields';
import * as getMaterials from './getMaterials.operation';

const write = {
	resource: 'workOrder',
	entity: 'work-orders',
	nameField: {
		displayName: 'Title',
		name: 'title',
		placeholder: 'e.g. Chiller 2: 2,000 run hours service',
	},
	fields: workOrderWriteFields,
	dateFields: workOrderDateFields,
	// The published request body (the same for create and update).
	accepted: {
		create: [
			'title',
			'statusKey',
			'scheduledAt',
			'siteKey',
			'locationKey',
			'storeroomKey',
			'assetKey',
			'assetDowntimeKey',
			'serviceRequestKey',
			'pmKey',
			'teamKey',
			'laborAssignedKey',
			'accountKey',
			'userApprovedKey',
			'code',
			'instructions',
			'severity',
			'estimatedTime',
			'actualTime',
			'roleName',
			'categoryName',
			'documents',
			'tasks',
			'notes',
			'approvedAt',
			'dueAt',
			'completedAt',
			'completionRemarks',
		],
	},
};

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
		create: createOperation(write),
		get: getOperation(workOrderConfig),
		getAll: getManyOperation(workOrderConfig),
		getMaterials,
		update: updateOperation({
			...write,
			locator: {
				name: 'workOrderKey',
				displayName: 'Work Order',
				searchMethod: 'searchWorkOrders',
			},
		}),
		updateStatus: updateStatusOperation({
			resource: 'workOrder',
			entity: 'work-orders',
			locator: {
				name: 'workOrderKey',
				displayName: 'Work Order',
				searchMethod: 'searchWorkOrders',
			},
			field: 'statusKey',
			loadOptionsMethod: 'getWorkOrderStatuses',
		}),
	},
});
