import { materialsOperation } from '../shared/materials.factory';

export const { description, execute } = materialsOperation({
	resource: 'workOrder',
	entity: 'work-orders',
	displayName: 'Work Order',
	searchMethod: 'searchWorkOrders',
});
