import type { ReadConfig } from '../shared/read.factory';

export const preventiveMaintenanceConfig: ReadConfig = {
	resource: 'preventiveMaintenance',
	entity: 'pm',
	noun: 'preventive maintenance',
	searchMethod: 'searchPreventiveMaintenance',
	simplifyFields: [
		'title',
		'status',
		'statusKey',
		'severity',
		'assetKeys',
		'siteKey',
		'teamKey',
		'dueAt',
		'updatedAt',
	],
};
