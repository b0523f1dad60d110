import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, readOptions } from '../shared/operationSelector';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getMaterials from './getMaterials.operation';
import * as getSnapshot from './getSnapshot.operation';
import * as update from './update.operation';

export const operations = { create, get, getAll, getMaterials, getSnapshot, update };

export const description: INodeProperties[] = [
	operationSelector(
		'asset',
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Create an asset',
				description: 'Create a piece of equipment',
			},
			...readOptions('asset', 'assets'),
			{
				name: 'Get Materials',
				value: 'getMaterials',
				action: 'Get materials of an asset',
				description: 'List the spare parts and materials of an asset',
			},
			{
				name: 'Get Snapshot',
				value: 'getSnapshot',
				action: 'Get an asset snapshot',
				description:
					'The asset with its meters and latest readings, open downtime and open work orders in one item',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an asset',
				description: 'Change fields of an asset',
			},
		],
		'getAll',
	),
	...create.description,
	...get.description,
	...getAll.description,
	...getMaterials.description,
	...getSnapshot.description,
	...update.description,
];
