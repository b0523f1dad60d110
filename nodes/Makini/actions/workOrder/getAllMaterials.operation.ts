import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listFields } from '../../descriptions/listFields';
import type { ListOptions } from '../../transport';
import { listRecords } from '../shared/read.factory';

/**
 * GET /api/eam/work-orders/materials: the material lines of every work order, with Get Many's filters and sort (e.g.
 * Filter `materialKey equals …` for where a part was used).
 */
export const description = updateDisplayOptions(
	{ show: { resource: ['workOrder'], operation: ['getAllMaterials'] } },
	listFields({ picker: false }),
);

export async function execute(this: IExecuteFunctions, itemIndex: number, transport: ListOptions) {
	return await listRecords.call(this, '/api/eam/work-orders/materials', itemIndex, transport);
}
