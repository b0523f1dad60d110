import type { AuthState } from '../auth';
import type { ConnectionState } from '../connections';
import { componentSchema } from '../contract';
import { ApiError, validationError } from '../errors';
import type { Ctx, Reply } from '../http';
import { bearerToken, ok, readBody, readJsonObject } from '../http';
import type { DataRecord } from '../types';
import { listReply } from './eam';

// Account-level API (admin token from the client-credentials grant): connections (list, create, delete, metadata,
// token), platforms and the client. Every answer is a published component (openapi-system.json).
const CONNECTION_FIELDS = Object.keys(componentSchema('Connection', 'system').properties);
const METADATA_FIELDS = Object.keys(componentSchema('ConnectionMetadata', 'system').properties);

/** Platforms a connection can be created for (`provider`). `Platform` is published as an untyped object. */
export const PLATFORMS: Array<{ key: string; name: string }> = [
	{ key: 'carrier-ccn', name: 'Carrier Comfort Network (CCN)' },
	{ key: 'maintainx', name: 'MaintainX' },
	{ key: 'ibm-maximo', name: 'IBM Maximo' },
	{ key: 'sap-pm', name: 'SAP Plant Maintenance' },
	{ key: 'inextia', name: 'Inextia' },
];

function view(c: ConnectionState, auth: AuthState): DataRecord {
	return {
		key: c.info.id,
		name: c.info.name,
		email: c.email,
		status: c.scenario.reauthorizationRequired ? 'reauthorization_required' : 'active',
		integration_name: c.info.provider,
		redirect: null,
		scopes: null,
		tags: [],
		user_metadata: Object.keys(c.metadata).length ? JSON.stringify(c.metadata) : null,
		client_id: auth.client.clientId,
		updated_at: c.syncUpdatedAt,
		created_at: c.createdAt,
		connected_at: c.createdAt,
	};
}

/** ConnectionMetadata publishes the connection's fields without `tags`. */
const metadataView = (c: ConnectionState, auth: AuthState): DataRecord =>
	Object.fromEntries(METADATA_FIELDS.map((f) => [f, view(c, auth)[f]])) as DataRecord;

async function readMetadataPairs(ctx: Ctx): Promise<Array<{ key: string; value: string }>> {
	let parsed: unknown;
	try {
		const text = await readBody(ctx.req);
		parsed = text.trim() === '' ? undefined : JSON.parse(text);
	} catch {
		throw new ApiError(400, 'Request body is not valid JSON', 'INVALID_REQUEST');
	}
	if (!Array.isArray(parsed)) throw new ApiError(400, 'Request body must be a JSON array of {key, value}', 'INVALID_REQUEST');
	const problems: Record<string, string> = {};
	parsed.forEach((entry, i) => {
		const pair = entry as Record<string, unknown>;
		if (typeof pair !== 'object' || pair === null || Array.isArray(pair)) problems[String(i)] = 'must be an object {key, value}';
		else if (typeof pair.key !== 'string' || pair.key.trim() === '') problems[`${i}.key`] = 'is required';
		else if (typeof pair.value !== 'string') problems[`${i}.value`] = 'must be a string';
		else for (const extra of Object.keys(pair).filter((k) => k !== 'key' && k !== 'value')) problems[`${i}.${extra}`] = 'is not a metadata field';
	});
	if (Object.keys(problems).length) throw validationError(problems);
	return parsed as Array<{ key: string; value: string }>;
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
	let segments: string[];
	try {
		segments = rest.split('/').filter(Boolean).map(decodeURIComponent);
	} catch {
		throw new ApiError(400, 'Malformed percent-encoding in the path', 'INVALID_REQUEST');
	}
	const route = `${method} ${segments[0] ?? ''}${segments.length > 1 ? '/{id}' : ''}${segments.length > 2 ? `/${segments[2]}` : ''}`;
	if (segments.length > 3) throw new ApiError(404, `No such endpoint: ${method} /api/system/${rest}`);
	const connection = (): ConnectionState => {
		const found = connections.get(segments[1]);
		if (!found) throw new ApiError(404, `No connection '${segments[1]}'`);
		return found;
	};
	switch (route) {
		case 'GET platforms':
			return listReply(ctx, PLATFORMS as DataRecord[], '/api/system/platforms', ['key', 'name'], 'key');
		case 'GET client': {
			const { clientId } = auth.client;
			return ok({
				data: {
					id: clientId,
					name: 'Makini sandbox integrator',
					logo_url: 'https://static.makini.io/sandbox/logo.png',
					email: 'integrations@sandbox.example',
					default_redirect: 'http://localhost:5678/rest/oauth2-credential/callback',
					redirects: ['http://localhost:5678/rest/oauth2-credential/callback'],
				},
			});
		}
		case 'GET connections': {
			const rows = [...connections.values()].map((c) => view(c, auth)).sort((a, b) => (a.key < b.key ? -1 : 1));
			return listReply(ctx, rows, '/api/system/connections', CONNECTION_FIELDS, 'key');
		}
		case 'POST connections': {
			const body = await readJsonObject(ctx.req);
			const problems: Record<string, string> = {};
			for (const field of ['name', 'email', 'provider']) {
				if (typeof body[field] !== 'string' || (body[field] as string).trim() === '') problems[field] = 'is required';
			}
			if (!problems.email && !/^[^@\s]+@[^@\s]+$/.test(body.email as string)) problems.email = 'must be an email address';
			if (body.credentials !== undefined && (typeof body.credentials !== 'object' || body.credentials === null)) problems.credentials = 'must be an array (object)';
			if (Object.keys(problems).length) throw validationError(problems);
			const created = createConnection(body.name as string, body.email as string, body.provider as string);
			// ConnectionStore is the token pair only: the new connection's key is not in this answer.
			const pair = auth.issuePair(created.info.id);
			return ok({ data: { access_token: pair.access_token, refresh_token: pair.refresh_token, expires_in: String(pair.expires_in) } });
		}
		case 'DELETE connections/{id}': {
			// Irreversible: the connection, its data and every token of it are gone (tokens answer 401 from now on).
			connections.delete(connection().info.id);
			return ok({});
		}
		case 'GET connections/{id}/metadata': {
			const found = connection();
			return listReply(ctx, [metadataView(found, auth)], `/api/system/connections/${encodeURIComponent(found.info.id)}/metadata`, METADATA_FIELDS, 'key');
		}
		case 'POST connections/{id}/metadata': {
			const found = connection();
			// Sets the keys given (a key sent again gets the new value); keys not sent are kept.
			for (const { key, value } of await readMetadataPairs(ctx)) found.metadata[key] = value;
			return ok({ data: metadataView(found, auth) });
		}
		case 'POST connections/{id}/token':
			return ok({ data: auth.issueConnectionToken(connection().info.id) });
		default:
			throw new ApiError(404, `No such endpoint: ${method} /api/system/${rest}`);
	}
}
