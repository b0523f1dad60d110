import { getManyOperation, getOperation } from '../shared/read.factory';
import { defineResource, readOptions } from '../shared/resource';
import { preventiveMaintenanceConfig } from './config';
import * as getMaterials from './getMaterials.operation';

export const preventiveMaintenance = defineResource({
	option: { name: 'Preventive Maintenance', value: 'preventiveMaintenance' },
	operationOptions: [
		...readOptions('preventive maintenance plan', 'preventive maintenance plans'),
		{
			name: 'Get Materials',
			value: 'getMaterials',
			action: 'Get materials of a preventive maintenance plan',
			description: 'List the spare parts a PM plan uses per visit',
		},
	],
	defaultOperation: 'getAll',
	operations: {
		get: getOperation(preventiveMaintenanceConfig),
		getAll: getManyOperation(preventiveMaintenanceConfig),
		getMaterials,
	},
});
