import type { AuthState } from '../auth';
import type { ConnectionState } from '../connections';
import type { Ctx, Reply } from '../http';
import { ok, readBody, redirect } from '../http';

// Makini Link: GET /oauth/authorize (answers at once with a redirect carrying a code; pick the connection with
// ?connection=<id>, default the first) and POST /link/token (form-encoded authorization_code and refresh_token
// grants; JSON or form client_credentials for the admin API). Errors use OAuth 2.0's { error, error_description }.
const oauthError = (status: number, error: string, description: string, requestId: string): Reply => ({
	status,
	body: { error, error_description: description, request_id: requestId },
});

export function authorize(ctx: Ctx, auth: AuthState, connections: Map<string, ConnectionState>): Reply | undefined {
	const q = ctx.url.searchParams;
	const redirectUri = q.get('redirect_uri');
	if (q.get('client_id') !== auth.client.clientId) return oauthError(400, 'invalid_client', 'Unknown client_id', ctx.requestId);
	if (!redirectUri || !/^https?:\/\//.test(redirectUri)) return oauthError(400, 'invalid_request', 'redirect_uri must be an http(s) URL', ctx.requestId);
	const target = new URL(redirectUri);
	const state = q.get('state');
	if (state !== null) target.searchParams.set('state', state);
	if (q.get('response_type') !== 'code') {
		target.searchParams.set('error', 'unsupported_response_type');
		redirect(ctx, target.toString());
		return undefined;
	}
	const connectionId = q.get('connection') ?? connections.keys().next().value!;
	if (!connections.has(connectionId)) return oauthError(400, 'invalid_request', `Unknown connection '${connectionId}'`, ctx.requestId);
	target.searchParams.set('code', auth.issueCode(connectionId, redirectUri));
	redirect(ctx, target.toString());
	return undefined;
}

function parseTokenRequest(ctx: Ctx, text: string): Record<string, string> | undefined {
	const type = ctx.req.headers['content-type'] ?? '';
	if (type.includes('application/json')) {
		try {
			const parsed = JSON.parse(text) as unknown;
			if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
			return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
		} catch {
			return undefined;
		}
	}
	return Object.fromEntries(new URLSearchParams(text));
}

/** Client credentials come in the body or as HTTP Basic (n8n's OAuth2 credential can send either). */
function clientFrom(ctx: Ctx, params: Record<string, string>): [string | undefined, string | undefined] {
	const basic = /^Basic\s+(\S+)$/i.exec(ctx.req.headers.authorization ?? '');
	if (basic) {
		const [id, ...secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
		return [decodeURIComponent(id), decodeURIComponent(secret.join(':'))];
	}
	return [params.client_id, params.client_secret];
}

export async function token(ctx: Ctx, auth: AuthState, connections: Map<string, ConnectionState>): Promise<Reply> {
	const params = parseTokenRequest(ctx, await readBody(ctx.req));
	if (!params) return oauthError(400, 'invalid_request', 'Body must be form-encoded or a JSON object', ctx.requestId);
	const [clientId, clientSecret] = clientFrom(ctx, params);
	if (!auth.checkClient(clientId, clientSecret)) return oauthError(401, 'invalid_client', 'Client authentication failed', ctx.requestId);
	switch (params.grant_type) {
		case 'authorization_code': {
			const connectionId = params.code ? auth.redeemCode(params.code, params.redirect_uri) : undefined;
			if (!connectionId) return oauthError(400, 'invalid_grant', 'Authorization code is invalid, expired or already used', ctx.requestId);
			return ok(auth.issuePair(connectionId));
		}
		case 'refresh_token': {
			const connectionId = params.refresh_token ? auth.redeemRefresh(params.refresh_token) : undefined;
			if (!connectionId || !connections.has(connectionId)) return oauthError(400, 'invalid_grant', 'Refresh token is invalid or expired', ctx.requestId);
			return ok(auth.issuePair(connectionId));
		}
		case 'client_credentials':
			return ok(auth.issueAdmin());
		default:
			return oauthError(400, 'unsupported_grant_type', `grant_type must be authorization_code, refresh_token or client_credentials`, ctx.requestId);
	}
}
