import { defineResource } from '../shared/resource';
import * as disconnect from './disconnect.operation';
import * as getSyncStatus from './getSyncStatus.operation';

export const connection = defineResource({
	option: {
		name: 'Connection',
		value: 'connection',
		description: 'The Makini connection behind the credential',
	},
	operationOptions: [
		{
			name: 'Disconnect',
			value: 'disconnect',
			action: 'Disconnect the connection',
			description:
				'Delete the connection behind the credential (irreversible; its tokens stop working)',
		},
		{
			name: 'Get Sync Status',
			value: 'getSyncStatus',
			action: 'Get the sync status of the connection',
			description: 'Whether Makini has synced the source system recently, or needs it reauthorized',
		},
	],
	defaultOperation: 'getSyncStatus',
	operations: { disconnect, getSyncStatus },
});
