import { getManyOperation, getOperation } from '../shared/read.factory';
import { defineResource, readOptions } from '../shared/resource';
import { assetTemplateConfig } from './config';
import * as getMaterials from './getMaterials.operation';

export const assetTemplate = defineResource({
	option: {
		name: 'Asset Template',
		value: 'assetTemplate',
		description: 'Equipment models assets are created from',
	},
	operationOptions: [
		...readOptions('asset template', 'asset templates'),
		{
			name: 'Get Materials',
			value: 'getMaterials',
			action: 'Get materials of an asset template',
			description: 'List the spare parts an equipment model calls for',
		},
	],
	defaultOperation: 'getAll',
	operations: {
		get: getOperation(assetTemplateConfig),
		getAll: getManyOperation(assetTemplateConfig),
		getMaterials,
	},
});
