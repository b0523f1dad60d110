import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** The Authentication option of the action node and the Polling Trigger, and the credential each value selects. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Connection Token', value: 'apiToken' },
		{ name: 'Makini Link (OAuth2)', value: 'oAuth2' },
	],
	default: 'apiToken',
};

export const makiniCredentials: INodeCredentialDescription[] = [
	{ name: 'makiniApi', required: true, displayOptions: { show: { authentication: ['apiToken'] } } },
	{
		name: 'makiniOAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
];
