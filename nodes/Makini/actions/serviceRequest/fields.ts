import type { INodeProperties } from 'n8n-workflow';

import { foreignKey } from '../../descriptions/keyFields';

/** Set on Create next to the title: what a service request is about. */
export const serviceRequestTypedFields: INodeProperties[] = [
	foreignKey('Asset', 'assetKey', 'assets', 'searchAssets', 'The equipment the request is about'),
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
	foreignKey('Location', 'locationKey', 'locations', 'searchLocations'),
	{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
	foreignKey(
		'Requested By',
		'userRequestedKey',
		'users',
		'searchUsers',
		'The user who reported it',
	),
	{ displayName: 'Severity', name: 'severity', type: 'string', default: '' },
	foreignKey('Site', 'siteKey', 'sites', 'searchSites'),
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
