import { updateDisplayOptions } from 'n8n-workflow';

import { keyLocator, statusField } from '../../descriptions/keyFields';
import { transportOptions } from '../../descriptions/options';
import { fail, locatorKey } from '../../helpers/validation';
import { makiniApiRecord } from '../../transport';
import type { MakiniOperation } from './types';

/** A `PUT <entity>/{key}/status` operation: the record picked by a locator, the status from a list. */
export interface StatusConfig {
	resource: string;
	entity: string;
	locator: { name: string; displayName: string; searchMethod: string };
	/** The published body field that carries the status key (`statusKey`, or `status` for purchase orders). */
	field: string;
	loadOptionsMethod: string;
}

export function updateStatusOperation(config: StatusConfig): MakiniOperation {
	const { locator, field } = config;
	return {
		write: true,
		description: updateDisplayOptions(
			{ show: { resource: [config.resource], operation: ['updateStatus'] } },
			[
				keyLocator({ ...locator, entity: config.entity }),
				{ ...statusField(field, config.loadOptionsMethod), required: true },
				transportOptions('write'),
			],
		),
		async execute(itemIndex, transport) {
			const key = locatorKey(this, itemIndex, locator.name, locator.displayName);
			const status = String(this.getNodeParameter(field, itemIndex, '') ?? '').trim();
			if (!status) fail(this, itemIndex, 'Status', 'choose a status');
			const path = `/api/eam/${config.entity}/${key}/status`;
			const body = { [field]: status };
			return [
				await makiniApiRecord.call(this, { method: 'PUT', path, body, itemIndex }, transport),
			];
		},
	};
}
