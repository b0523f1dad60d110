import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, readOptions } from '../shared/operationSelector';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations = { get, getAll };

export const description: INodeProperties[] = [
	operationSelector(
		'preventiveMaintenance',
		readOptions('preventive maintenance plan', 'preventive maintenance plans'),
		'getAll',
	),
	...get.description,
	...getAll.description,
];
