import type { IAuthenticateRuleResponseSuccessBody, ICredentialTestRequest } from 'n8n-workflow';

/**
 * The credential test reads Makini's answer itself (ignoreHttpStatusErrors), because n8n's declarative test
 * otherwise reports only a generic status text. Rules are checked in order against the answer body.
 */
const rule = (
	key: string,
	value: unknown,
	message: string,
): IAuthenticateRuleResponseSuccessBody => ({
	type: 'responseSuccessBody',
	properties: { key, value, message },
});

export const makiniCredentialTestRules: IAuthenticateRuleResponseSuccessBody[] = [
	rule(
		'error.code',
		'REAUTHORIZATION_REQUIRED',
		'Makini: the connection needs to be reauthorized (REAUTHORIZATION_REQUIRED). Reconnect it in the Makini dashboard.',
	),
	rule(
		'error.code',
		'AUTHENTICATION_FAILED',
		'Makini rejected the token (AUTHENTICATION_FAILED): it is invalid or expired. Issue a new connection token in Makini.',
	),
	rule(
		'error.code',
		'PERMISSION_DENIED',
		'Makini denied access (PERMISSION_DENIED): check the permissions of the connected account.',
	),
	rule(
		'error.code',
		'RATE_LIMIT_EXCEEDED',
		'Makini is rate-limiting this connection (RATE_LIMIT_EXCEEDED): try again in a minute.',
	),
	rule(
		'data.sync_status',
		'fail',
		"The token works, but Makini can no longer sync the source system (sync_status 'fail'): reauthorize the connection in Makini.",
	),
	// Anything else without a connection id is not a Makini answer (wrong Base URL, proxy page, outage).
	rule(
		'data.id',
		undefined,
		'No valid answer from Makini at this Base URL: check the Base URL (e.g. https://api.makini.io).',
	),
];

export const makiniCredentialTest: ICredentialTestRequest = {
	request: {
		baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
		url: '/api/integrations/current',
		ignoreHttpStatusErrors: true,
	},
	rules: makiniCredentialTestRules,
};
