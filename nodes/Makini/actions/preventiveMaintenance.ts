import { readOnlyResource } from './shared/read.factory';

export const preventiveMaintenance = readOnlyResource({
	resource: 'preventiveMaintenance',
	displayName: 'Preventive Maintenance',
	one: 'preventive maintenance plan',
	many: 'preventive maintenance plans',
	entity: 'pm',
	noun: 'preventive maintenance',
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
});
