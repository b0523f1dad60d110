import { getManyOperation, getOperation } from '../shared/read.factory';
import { createOperation, updateOperation } from '../shared/write.factory';
import { updateStatusOperation } from '../shared/status.factory';
import { defineResource, readOptions } from '../shared/resource';
import { workOrderConfig } from './config';
import { finishWorkOrderBody, workOrderDateFields, workOrderWriteFields } from './fields';
import * as addMaterial from './addMaterial.operation';
import * as getAllMaterials from './getAllMaterials.operation';
import * as getCustomFields from './getCustomFields.operation';
import * as getMaterials from './getMaterials.operation';
import * as updateMaterial from './updateMaterial.operation';

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
	finish: finishWorkOrderBody,
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
			name: 'Add Material',
			value: 'addMaterial',
			action: 'Add a material to a work order',
			description: 'Plan or book a spare part on a work order (Makini answers the work order)',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a work order',
			description: 'Open a work order',
		},
		...readOptions('work order', 'work orders'),
		{
			name: 'Get Custom Fields',
			value: 'getCustomFields',
			action: 'Get the custom fields of work orders',
			description: 'List the custom fields the connected system defines for work orders',
		},
		{
			name: 'Get Materials',
			value: 'getMaterials',
			action: 'Get materials of a work order',
			description: 'List the materials planned or used on a work order',
		},
		{
			name: 'Get Materials of All Work Orders',
			value: 'getAllMaterials',
			action: 'Get materials of all work orders',
			description: 'List the material lines of every work order, with filters',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a work order',
			description:
				'Change fields of a work order, e.g. close it with Completed At, Completion Remarks and Actual Time',
		},
		{
			name: 'Update Material',
			value: 'updateMaterial',
			action: 'Update a material of a work order',
			description:
				'Change the required and used quantity of a material on a work order (Makini answers the work order)',
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
		addMaterial,
		create: createOperation(write),
		get: getOperation(workOrderConfig),
		getAll: getManyOperation(workOrderConfig),
		getAllMaterials,
		getCustomFields,
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
		updateMaterial,
	},
});
