import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { foreignKey, keyLocator } from '../../descriptions/keyFields';
import { transportOptions } from '../../descriptions/options';
import { jsonFieldsProperty, writeBody } from '../../helpers/body';
import { fail, locatorKey } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRecord } from '../../transport';

/**
 * PUT /api/eam/materials/{key}/inventory: set how many of a part are in stock at a location. The body is the published
 * request (`quantity`, `unitCost`, `locationKey`, `code`, `name`); Makini answers the material with its inventories.
 */
export const description = updateDisplayOptions(
	{ show: { resource: ['material'], operation: ['setInventory'] } },
	[
		keyLocator({
			name: 'materialKey',
			displayName: 'Material',
			entity: 'materials',
			searchMethod: 'searchMaterials',
		}),
		{
			displayName: 'Quantity',
			name: 'quantity',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 0,
			required: true,
			description: 'Whole units in stock at the location after this change',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Code', name: 'code', type: 'string', default: '' },
				foreignKey(
					'Location',
					'locationKey',
					'locations',
					'searchLocations',
					"Where the stock is (e.g. the storeroom's location); empty: the material's own inventory",
				),
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{
					displayName: 'Unit Cost',
					name: 'unitCost',
					type: 'number',
					typeOptions: { numberPrecision: 0 },
					default: 0,
					description: 'Whole currency units, as published',
				},
			],
		},
		jsonFieldsProperty,
		transportOptions('write'),
	],
);

export const write = true;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: ListOptions,
): Promise<IDataObject[]> {
	const key = locatorKey(this, itemIndex, 'materialKey', 'Material');
	const body = writeBody(this, itemIndex, { typed: ['quantity'], collection: 'additionalFields' });
	for (const field of ['quantity', 'unitCost']) {
		const value = body[field];
		if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 0))
			fail(this, itemIndex, field, `"${String(value)}" is not a whole number of 0 or more`);
	}
	const path = `/api/eam/materials/${key}/inventory`;
	return [await makiniApiRecord.call(this, { method: 'PUT', path, body, itemIndex }, transport)];
}
