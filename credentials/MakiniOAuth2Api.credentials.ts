import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { baseUrlProperty } from './baseUrl';
import { makiniCredentialTest } from './makiniCredentialTest';

// Makini Link: authorization code flow. Makini's `expires_in` is an absolute Unix timestamp, so n8n cannot
// refresh ahead of time; it refreshes when a request answers 401 (the node sends every request through
// httpRequestWithAuthentication with this type, which does that).
export class MakiniOAuth2Api implements ICredentialType {
	name = 'makiniOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Makini Link OAuth2 API';

	icon: Icon = {
		light: 'file:../nodes/Makini/makini.svg',
		dark: 'file:../nodes/Makini/makini.dark.svg',
	};

	documentationUrl = 'https://docs.makini.io/';

	properties: INodeProperties[] = [
		baseUrlProperty('Makini API host; the token URL is <Base URL>/link/token'),
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'string',
			default: 'https://link.makini.io/oauth/authorize',
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{$self["baseUrl"].replace(/\\/+$/, "")}}/link/token',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			// Makini Link expects client_id and client_secret in the form-encoded body
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];

	// The cheapest authenticated call; a failure shows what Makini said (e.g. REAUTHORIZATION_REQUIRED).
	test: ICredentialTestRequest = makiniCredentialTest;
}
