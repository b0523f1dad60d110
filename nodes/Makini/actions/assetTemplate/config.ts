import type { ReadConfig } from '../shared/read.factory';

export const assetTemplateConfig: ReadConfig = {
	resource: 'assetTemplate',
	entity: 'asset-templates',
	noun: 'asset template',
	searchMethod: 'searchAssetTemplates',
};
