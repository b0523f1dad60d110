import type { INodeProperties } from 'n8n-workflow';

/** Set on Create next to the title: what a service request is about. */
export const serviceRequestTypedFields: INodeProperties[] = [
	{
		displayName: 'Asset Key',
		name: 'assetKey',
		type: 'string',
		default: '',
		description: 'The equipment the request is about',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
	},
];

/** Additional Fields of Create. */
export const serviceRequestFields: INodeProperties[] = [
	{ displayName: 'Category Name', name: 'categoryName', type: 'string', default: '' },
	{ displayName: 'Due At', name: 'dueAt', type: 'dateTime', default: '' },
	{ displayName: 'Location Key', name: 'locationKey', type: 'string', default: '' },
	{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
	{
		displayName: 'Requested By (User Key)',
		name: 'userRequestedKey',
		type: 'string',
		default: '',
	},
	{ displayName: 'Severity', name: 'severity', type: 'string', default: '' },
	{ displayName: 'Site Key', name: 'siteKey', type: 'string', default: '' },
	{
		displayName: 'Status Name or ID',
		name: 'statusKey',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getServiceRequestStatuses' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
];
