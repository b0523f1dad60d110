import { defineResource } from '../shared/resource';
import * as getAll from './getAll.operation';
import * as getRows from './getRows.operation';

export const rawTable = defineResource({
	option: {
		name: 'Raw Table',
		value: 'rawTable',
		description: 'Tables of the source system as Makini copied them (before the unified model)',
	},
	operationOptions: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many raw tables',
			description: 'List the raw tables of the source system',
		},
		{
			name: 'Get Rows',
			value: 'getRows',
			action: 'Get rows of a raw table',
			description: 'Read the rows of one raw table, with filters and sort',
		},
	],
	defaultOperation: 'getAll',
	operations: { getAll, getRows },
});
