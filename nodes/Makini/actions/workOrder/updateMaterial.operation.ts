import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { foreignKey, keyLocator } from '../../descriptions/keyFields';
import { transportOptions } from '../../descriptions/options';
import { locatorValue } from '../../helpers/body';
import { locatorKey } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRecord } from '../../transport';
import { quantity } from './addMaterial.operation';
import { quantityFields, workOrderLocator } from './materialLine';

/**
 * PUT /api/eam/work-orders/{key}/materials/{materialKey}: change the quantities of a material on a work order (e.g.
 * record what was used). Both quantities are published as required. Makini answers the work order (published as a
 * WorkOrder): returned as it comes.
 */
export const description = updateDisplayOptions(
	{ show: { resource: ['workOrder'], operation: ['updateMaterial'] } },
	[
		keyLocator(workOrderLocator),
		keyLocator({
			name: 'materialKey',
			displayName: 'Material',
			entity: 'materials',
			searchMethod: 'searchMaterials',
			description: 'The material whose line on the work order changes',
		}),
		...quantityFields,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				foreignKey(
					'Storeroom',
					'storeroomKey',
					'storerooms',
					'searchStorerooms',
					'Where the parts are taken from',
				),
			],
		},
		transportOptions('write'),
	],
);

export const write = true;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: ListOptions,
): Promise<IDataObject[]> {
	const key = locatorKey(this, itemIndex, 'workOrderKey', 'Work Order');
	const materialKey = locatorKey(this, itemIndex, 'materialKey', 'Material');
	const body: IDataObject = {
		requiredQuantity: quantity(this, itemIndex, 'requiredQuantity', 'Required Quantity'),
		usedQuantity: quantity(this, itemIndex, 'usedQuantity', 'Used Quantity'),
	};
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const storeroomKey = locatorValue(fields.storeroomKey);
	if (typeof storeroomKey === 'string' && storeroomKey.trim() !== '')
		body.storeroomKey = storeroomKey.trim();
	const path = `/api/eam/work-orders/${key}/materials/${materialKey}`;
	return [await makiniApiRecord.call(this, { method: 'PUT', path, body, itemIndex }, transport)];
}
