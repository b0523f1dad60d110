import { defineResource } from '../shared/resource';
import * as send from './send.operation';

export const passthrough = defineResource({
	option: {
		name: 'Passthrough',
		value: 'passthrough',
		description: "The source system's own API or database, through Makini",
	},
	operationOptions: [
		{
			name: 'Send',
			value: 'send',
			action: 'Send a passthrough request',
			description:
				"Call the source system's API, or run SQL on its raw tables, with Makini's stored credentials",
		},
	],
	defaultOperation: 'send',
	operations: { send: { ...send, write: true } },
});
