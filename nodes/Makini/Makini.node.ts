import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties } from './actions/node.description';
import { router } from './actions/router';
import { makiniCredentials } from './descriptions/authentication';
import { listSearch, loadOptions } from './methods';

export class Makini implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Makini',
		name: 'makini',
		icon: { light: 'file:makini.svg', dark: 'file:makini.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read and write industrial equipment data through Makini: Carrier CCN assets, meters, readings, downtime, work orders and service requests',
		defaults: { name: 'Makini' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: makiniCredentials,
		properties: nodeProperties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
