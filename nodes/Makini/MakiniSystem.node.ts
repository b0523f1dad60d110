import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { createRouter } from './actions/router';
import { systemProperties, systemResources } from './system/resources';

const router = createRouter(systemResources);

/** Makini's account-level API for integrators: connections, their tokens and metadata, platforms, the client. */
export class MakiniSystem implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Makini System',
		name: 'makiniSystem',
		icon: { light: 'file:makini.svg', dark: 'file:makini.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage Makini connections as an integrator: create and delete connections, issue connection tokens, set metadata',
		defaults: { name: 'Makini System' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'makiniSystemApi', required: true }],
		properties: systemProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
