import { materialsOperation } from '../shared/materials.factory';

/** The spare parts an equipment model calls for (material lines with their quantities). */
export const { description, execute } = materialsOperation({
	resource: 'assetTemplate',
	entity: 'asset-templates',
	displayName: 'Asset Template',
	searchMethod: 'searchAssetTemplates',
});
