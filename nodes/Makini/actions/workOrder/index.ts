import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, readOptions } from '../shared/operationSelector';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getMaterials from './getMaterials.operation';
import * as update from './update.operation';
import * as updateStatus from './updateStatus.operation';

export const operations = { create, get, getAll, getMaterials, update, updateStatus };

export const description: INodeProperties[] = [
	operationSelector(
		'workOrder',
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Create a work order',
				description: 'Open a work order',
			},
			...readOptions('work order', 'work orders'),
			{
				name: 'Get Materials',
				value: 'getMaterials',
				action: 'Get materials of a work order',
				description: 'List the materials planned or used on a work order',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a work order',
				description: 'Change fields of a work order',
			},
			{
				name: 'Update Status',
				value: 'updateStatus',
				action: 'Update the status of a work order',
				description: "Move a work order to one of the connection's statuses",
			},
		],
		'getAll',
	),
	...create.description,
	...get.description,
	...getAll.description,
	...getMaterials.description,
	...update.description,
	...updateStatus.description,
];
