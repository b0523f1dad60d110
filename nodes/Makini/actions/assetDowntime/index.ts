import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, readOptions } from '../shared/operationSelector';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations = { get, getAll };

export const description: INodeProperties[] = [
	operationSelector(
		'assetDowntime',
		readOptions('asset downtime record', 'asset downtime records'),
		'getAll',
	),
	...get.description,
	...getAll.description,
];
