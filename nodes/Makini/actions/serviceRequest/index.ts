import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, readOptions } from '../shared/operationSelector';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations = { create, get, getAll };

export const description: INodeProperties[] = [
	operationSelector(
		'serviceRequest',
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Create a service request',
				description: 'Report a problem for follow-up',
			},
			...readOptions('service request', 'service requests'),
		],
		'getAll',
	),
	...create.description,
	...get.description,
	...getAll.description,
];
