import type { IAuthenticateRuleResponseCode } from 'n8n-workflow';

// n8n's declarative credential test reports only the HTTP status text on failure, so Makini's documented
// failure modes are spelled out here (codes and meanings from the Makini API contract).
export const makiniCredentialTestRules: IAuthenticateRuleResponseCode[] = [
	{
		type: 'responseCode',
		properties: {
			value: 401,
			message:
				'Makini rejected the token (AUTHENTICATION_FAILED or REAUTHORIZATION_REQUIRED): the token is invalid or expired, or the connection must be reconnected in Makini',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 403,
			message: 'Makini denied access (PERMISSION_DENIED): check the permissions of the connected account',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 404,
			message: 'No Makini API at this Base URL: check the Base URL (e.g. https://api.makini.io)',
		},
	},
];
