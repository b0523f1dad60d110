import type { ReadConfig } from '../shared/read.factory';

export const workOrderConfig: ReadConfig = {
	resource: 'workOrder',
	entity: 'work-orders',
	noun: 'work order',
	searchMethod: 'searchWorkOrders',
	simplifyFields: [
		'code',
		'title',
		'status',
		'statusKey',
		'severity',
		'assetKey',
		'siteKey',
		'locationKey',
		'teamKey',
		'dueAt',
		'scheduledAt',
		'completedAt',
		'updatedAt',
	],
};
