import type { AuthState } from '../auth';
import type { ConnectionState } from '../connections';
import { ApiError, validationError } from '../errors';
import type { Ctx, Reply } from '../http';
import { bearerToken, ok, readJsonObject } from '../http';
import { componentSchema } from '../contract';
import { listReply } from './eam';

// Account-level API (admin token from the client-credentials grant): list and create connections, issue a
// connection token.
const CONNECTION_FIELDS = Object.keys(componentSchema('Connection', 'system').properties);

function view(c: ConnectionState, auth: AuthState): Record<string, unknown> & { key: string } {
	return {
		key: c.info.id,
		name: c.info.name,
		email: c.email,
		status: c.scenario.reauthorizationRequired ? 'reauthorization_required' : 'active',
		integration_name: c.info.provider,
		redirect: null,
		scopes: null,
		tags: [],
		user_metadata: null,
		client_id: auth.client.clientId,
		created_at: c.createdAt,
		updated_at: c.syncUpdatedAt,
		connected_at: c.createdAt,
	};
}

export async function handleSystem(
	ctx: Ctx,
	rest: string,
	auth: AuthState,
	connections: Map<string, ConnectionState>,
	createConnection: (name: string, email: string, provider: string) => ConnectionState,
): Promise<Reply> {
	if (!auth.isAdmin(bearerToken(ctx.req))) {
		throw new ApiError(401, 'A valid admin token is required (client_credentials grant at /link/token)', 'AUTHENTICATION_FAILED');
	}
	const method = ctx.req.method;
	const segments = rest.split('/').filter(Boolean);
	if (segments[0] !== 'connections') throw new ApiError(404, `No such endpoint: /api/system/${rest}`);
	if (segments.length === 1 && method === 'GET') {
		const rows = [...connections.values()].map((c) => view(c, auth)).sort((a, b) => (a.key < b.key ? -1 : 1));
		return listReply(ctx, rows, '/api/system/connections', CONNECTION_FIELDS, 'key');
	}
	if (segments.length === 1 && method === 'POST') {
		const body = await readJsonObject(ctx.req);
		const problems: Record<string, string> = {};
		for (const field of ['name', 'email', 'provider']) {
			if (typeof body[field] !== 'string' || (body[field] as string).trim() === '') problems[field] = 'is required';
		}
		if (!problems.email && !/^[^@\s]+@[^@\s]+$/.test(body.email as string)) problems.email = 'must be an email address';
		if (Object.keys(problems).length) throw validationError(problems);
		const created = createConnection(body.name as string, body.email as string, body.provider as string);
		return ok({ data: { key: created.info.id, ...auth.issuePair(created.info.id) } });
	}
	if (segments.length === 3 && segments[2] === 'token' && method === 'POST') {
		if (!connections.has(segments[1])) throw new ApiError(404, `No connection '${segments[1]}'`);
		return ok({ data: auth.issueConnectionToken(segments[1]) });
	}
	throw new ApiError(404, `No such endpoint: ${method} /api/system/${rest}`);
}
