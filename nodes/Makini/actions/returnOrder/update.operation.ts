import { updateOperation } from '../shared/write.factory';
import { returnOrderWrite } from './write';

/** PUT /api/eam/return-orders/{key}: e.g. move it to "Shipped to Vendor" (status picked from the connection's list). */
export const { description, execute, write } = updateOperation({
	...returnOrderWrite,
	locator: {
		name: 'returnOrderKey',
		displayName: 'Return Order',
		searchMethod: 'searchReturnOrders',
	},
});
