import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlProperty } from './baseUrl';

/**
 * Makini's account-level (admin) API, for integrators: create and delete connections, issue connection tokens.
 * The admin token comes from the client-credentials grant; n8n keeps it in the hidden, expirable Admin Token
 * field and runs preAuthentication again when it is empty or a request answers 401.
 */
export class MakiniSystemApi implements ICredentialType {
	name = 'makiniSystemApi';

	displayName = 'Makini System API';

	icon: Icon = {
		light: 'file:../nodes/Makini/makini.svg',
		dark: 'file:../nodes/Makini/makini.dark.svg',
	};

	documentationUrl = 'https://docs.makini.io/';

	properties: INodeProperties[] = [
		baseUrlProperty(
			'Makini API host; the admin token is requested at <Base URL>/link/token. Change it only for a proxy, a regional host or a sandbox.',
		),
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'The client ID of your Makini account (Makini dashboard → Developers)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Admin Token',
			name: 'adminToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const baseUrl = String(credentials.baseUrl || 'https://api.makini.io').replace(/\/+$/, '');
		let answer: IDataObject;
		try {
			answer = (await this.helpers.httpRequest({
				method: 'POST',
				url: `${baseUrl}/link/token`,
				body: {
					grant_type: 'client_credentials',
					client_id: credentials.clientId,
					client_secret: credentials.clientSecret,
				},
				json: true,
			})) as IDataObject;
		} catch (error) {
			const status = (error as { httpCode?: string; response?: { status?: number } }).httpCode;
			throw new Error(
				`Makini did not issue an admin token at ${baseUrl}/link/token${status ? ` (HTTP ${status})` : ''}: check the Client ID, the Client Secret and the Base URL of the Makini System API credential`,
			);
		}
		if (typeof answer?.access_token !== 'string' || answer.access_token === '') {
			throw new Error(
				`No admin token in Makini's answer at ${baseUrl}/link/token: check the Base URL of the Makini System API credential`,
			);
		}
		return { adminToken: answer.access_token };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.adminToken}}',
			},
		},
	};

	// The cheapest admin call: the account's own client record.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/system/client',
		},
	};
}
