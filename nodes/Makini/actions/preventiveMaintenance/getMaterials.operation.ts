import { materialsOperation } from '../shared/materials.factory';

/** The spare parts a PM plan uses per visit (material lines with their quantities). */
export const { description, execute } = materialsOperation({
	resource: 'preventiveMaintenance',
	entity: 'pm',
	displayName: 'Preventive Maintenance Plan',
	searchMethod: 'searchPreventiveMaintenance',
});
