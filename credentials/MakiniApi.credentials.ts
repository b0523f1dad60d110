import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlProperty } from './baseUrl';
import { makiniCredentialTest } from './makiniCredentialTest';

// One token = one Makini connection (one customer system, e.g. one CCN site).
export class MakiniApi implements ICredentialType {
	name = 'makiniApi';

	displayName = 'Makini API';

	icon: Icon = {
		light: 'file:../nodes/Makini/makini.svg',
		dark: 'file:../nodes/Makini/makini.dark.svg',
	};

	documentationUrl = 'https://docs.makini.io/';

	properties: INodeProperties[] = [
		baseUrlProperty('Makini API host. Change it only for a proxy, a regional host or a sandbox.'),
		{
			displayName: 'Connection Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The bearer token of the Makini connection (Makini dashboard → Connections)',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Secret Makini shows when you add a webhook (Developers → Webhooks). Only the Makini Trigger uses it, to verify signatures.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.token}}',
			},
		},
	};

	// The cheapest authenticated call; a failure shows what Makini said (e.g. REAUTHORIZATION_REQUIRED).
	test: ICredentialTestRequest = makiniCredentialTest;
}
