import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { keyLocator } from '../../descriptions/keyFields';
import { returnAllAndLimit } from '../../descriptions/listFields';
import { transportOptions } from '../../descriptions/options';
import { locatorKey, positiveInteger } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRequestAllItems } from '../../transport';
import type { MakiniOperation } from './types';

/**
 * Get Materials of an asset, work order, asset template or PM plan: `/api/eam/<entity>/{key}/materials`, one item per
 * material line. `sub`/`operation` serve the same shape of list under another name (a material's `children`).
 */
export function materialsOperation(config: {
	resource: string;
	entity: string;
	displayName: string;
	searchMethod: string;
	/** Path segment after the key (default `materials`) */
	sub?: string;
	/** Operation value (default `getMaterials`) */
	operation?: string;
}): MakiniOperation {
	const keyName = `${config.resource}Key`;
	const sub = config.sub ?? 'materials';
	return {
		description: updateDisplayOptions(
			{ show: { resource: [config.resource], operation: [config.operation ?? 'getMaterials'] } },
			[
				keyLocator({
					name: keyName,
					displayName: config.displayName,
					entity: config.entity,
					searchMethod: config.searchMethod,
				}),
				...returnAllAndLimit,
				transportOptions('list'),
			],
		),
		async execute(this: IExecuteFunctions, itemIndex: number, transport: ListOptions) {
			const key = locatorKey(this, itemIndex, keyName, config.displayName);
			const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
			const limit = returnAll
				? 0
				: positiveInteger(this, itemIndex, 'Limit', this.getNodeParameter('limit', itemIndex, 50));
			return await makiniApiRequestAllItems.call(
				this,
				`/api/eam/${config.entity}/${key}/${sub}`,
				{},
				{
					...transport,
					limit,
					itemIndex,
				},
			);
		},
	};
}
