import { materialsOperation } from '../shared/materials.factory';

export const { description, execute } = materialsOperation({
	resource: 'asset',
	entity: 'assets',
	displayName: 'Asset',
	searchMethod: 'searchAssets',
});
