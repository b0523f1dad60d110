import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../shared/operationSelector';
import * as getSyncStatus from './getSyncStatus.operation';

export const operations = { getSyncStatus };

export const description: INodeProperties[] = [
	operationSelector(
		'connection',
		[
			{
				name: 'Get Sync Status',
				value: 'getSyncStatus',
				action: 'Get the sync status of the connection',
				description:
					'Whether Makini has synced the source system recently, or needs it reauthorized',
			},
		],
		'getSyncStatus',
	),
	...getSyncStatus.description,
];
