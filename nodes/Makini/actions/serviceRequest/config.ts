import type { ReadConfig } from '../shared/read.factory';

export const serviceRequestConfig: ReadConfig = {
	resource: 'serviceRequest',
	entity: 'service-requests',
	noun: 'service request',
	simplifyFields: [
		'title',
		'description',
		'statusKey',
		'severity',
		'assetKey',
		'workOrderKey',
		'siteKey',
		'dueAt',
		'updatedAt',
	],
};
