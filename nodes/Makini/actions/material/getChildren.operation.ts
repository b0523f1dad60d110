import { materialsOperation } from '../shared/materials.factory';

/** GET /api/eam/materials/{key}/children: the parts of an assembly (kit), as material records. */
export const { description, execute } = materialsOperation({
	resource: 'material',
	entity: 'materials',
	displayName: 'Material',
	searchMethod: 'searchMaterials',
	sub: 'children',
	operation: 'getChildren',
});
