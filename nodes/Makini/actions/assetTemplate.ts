import { readOnlyResource } from './shared/read.factory';

export const assetTemplate = readOnlyResource({
	resource: 'assetTemplate',
	displayName: 'Asset Template',
	description: 'Equipment models assets are created from',
	one: 'asset template',
	many: 'asset templates',
	entity: 'asset-templates',
	noun: 'asset template',
});
