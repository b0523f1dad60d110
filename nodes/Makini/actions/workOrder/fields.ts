import type { INodeProperties } from 'n8n-workflow';

import { teamField } from '../../descriptions/keyFields';

/** Work order fields a write may set (which ones a system accepts depends on it). */
export const workOrderWriteFields: INodeProperties[] = [
	{ displayName: 'Asset Downtime Key', name: 'assetDowntimeKey', type: 'string', default: '' },
	{ displayName: 'Asset Key', name: 'assetKey', type: 'string', default: '' },
	{ displayName: 'Category Name', name: 'categoryName', type: 'string', default: '' },
	{ displayName: 'Code', name: 'code', type: 'string', default: '' },
	{ displayName: 'Due At', name: 'dueAt', type: 'dateTime', default: '' },
	{
		displayName: 'Estimated Time',
		name: 'estimatedTime',
		type: 'string',
		default: '',
		description: 'As the connected system expects it, e.g. hours',
	},
	{
		displayName: 'Instructions',
		name: 'instructions',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
	},
	{ displayName: 'Location Key', name: 'locationKey', type: 'string', default: '' },
	{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
	{ displayName: 'Scheduled At', name: 'scheduledAt', type: 'dateTime', default: '' },
	{ displayName: 'Service Request Key', name: 'serviceRequestKey', type: 'string', default: '' },
	{
		displayName: 'Severity',
		name: 'severity',
		type: 'string',
		default: '',
		placeholder: 'e.g. High',
	},
	{ displayName: 'Site Key', name: 'siteKey', type: 'string', default: '' },
	{
		displayName: 'Status Name or ID',
		name: 'statusKey',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getWorkOrderStatuses' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	teamField,
];

export const workOrderDateFields = ['dueAt', 'scheduledAt'];
