import { ApiError, validationError } from '../errors';
import type { Ctx, Reply } from '../http';
import { ok, readJsonObject } from '../http';
import { scenarioProblems } from '../scenarios';
import { settingsProblems } from '../settings';
import type { Sandbox, Scenario, Settings } from '../types';

// /__sandbox/* control endpoints (only when the sandbox runs with control on): the Sandbox object's powers over HTTP.
export interface ControlPowers extends Pick<Sandbox, 'setScenario' | 'subscribe' | 'emit' | 'deliveries' | 'stats'> {
	listConnections(): unknown[];
	oauthClient: { clientId: string; clientSecret: string };
	hasConnection(id: string): boolean;
	resetScenario(connectionId: string): void;
	clearSubscriptions(connectionId: string): void;
	applyChange(connectionId: string, entity: string, key: string | undefined, patch: Record<string, unknown>): unknown;
	expireTokens(connectionId: string): number;
	expireAdminTokens(): number;
	settings(): Settings;
	configure(settings: Partial<Settings>): Settings;
	resetSettings(): Settings;
}

export async function handleControl(ctx: Ctx, rest: string, powers: ControlPowers): Promise<Reply> {
	const method = ctx.req.method;
	let segments: string[];
	try {
		segments = rest.split('/').filter(Boolean).map(decodeURIComponent);
	} catch {
		throw new ApiError(400, 'Malformed percent-encoding in the path', 'INVALID_REQUEST');
	}
	const [first, id, action, ...extra] = segments;
	if (first === 'settings' && !id) {
		if (method === 'GET') return ok({ data: powers.settings() });
		if (method === 'DELETE') return ok({ data: powers.resetSettings() });
		if (method === 'PUT') {
			const body = await readJsonObject(ctx.req);
			const problems = settingsProblems(body);
			if (Object.keys(problems).length) throw validationError(problems, 400);
			return ok({ data: powers.configure(body as Partial<Settings>) });
		}
	}
	if (first === 'admin' && id === 'expire-tokens' && !action && method === 'POST') return ok({ data: { expired: powers.expireAdminTokens() } });
	if (first === 'deliveries' && !id && method === 'GET') return ok({ data: powers.deliveries() });
	if (first === 'stats' && !id && method === 'GET') {
		const connection = ctx.url.searchParams.get('connection') ?? undefined;
		if (connection !== undefined && !powers.hasConnection(connection)) throw new ApiError(404, `No connection '${connection}'`);
		return ok({ data: powers.stats(connection) });
	}
	if (first !== 'connections' || extra.length) throw new ApiError(404, `No such control endpoint: /__sandbox/${rest}`);
	if (!id && method === 'GET') {
		const { clientId, clientSecret } = powers.oauthClient;
		return ok({ data: powers.listConnections(), client: { client_id: clientId, client_secret: clientSecret } });
	}
	if (!id || !powers.hasConnection(id)) throw new ApiError(404, `No connection '${id ?? ''}'`);
	const route = `${method} ${action ?? ''}`;
	switch (route) {
		case 'PUT scenario': {
			const body = await readJsonObject(ctx.req);
			const problems = scenarioProblems(body);
			if (Object.keys(problems).length) throw validationError(problems, 400);
			powers.setScenario(id, body as Partial<Scenario>);
			return ok({ data: powers.listConnections().find((c) => (c as { id: string }).id === id) });
		}
		case 'DELETE scenario':
			powers.resetScenario(id);
			return ok({ data: { id, scenario: 'reset' } });
		case 'POST webhooks': {
			const body = await readJsonObject(ctx.req);
			const problems: Record<string, string> = {};
			if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url)) problems.url = 'must be an http(s) URL';
			if (body.secret !== undefined && typeof body.secret !== 'string') problems.secret = 'must be a string';
			if (body.events !== undefined && (!Array.isArray(body.events) || body.events.some((e) => typeof e !== 'string'))) problems.events = 'must be a list of event names';
			if (Object.keys(problems).length) throw validationError(problems, 400);
			powers.subscribe(id, { url: body.url as string, secret: body.secret as string | undefined, events: body.events as string[] | undefined });
			return ok({ data: { url: body.url, events: body.events ?? [] } }, 201);
		}
		case 'DELETE webhooks':
			powers.clearSubscriptions(id);
			return ok({ data: { id, webhooks: 'cleared' } });
		case 'POST events': {
			const body = await readJsonObject(ctx.req);
			if (typeof body.event !== 'string' || body.event === '') throw validationError({ event: 'is required' }, 400);
			await powers.emit(id, body.event, body.body);
			return ok({ data: { event: body.event } }, 202);
		}
		case 'POST changes': {
			const body = await readJsonObject(ctx.req);
			const problems: Record<string, string> = {};
			if (typeof body.entity !== 'string') problems.entity = 'is required';
			if (body.key !== undefined && typeof body.key !== 'string') problems.key = 'must be a string';
			if (typeof body.patch !== 'object' || body.patch === null || Array.isArray(body.patch)) problems.patch = 'must be an object';
			if (Object.keys(problems).length) throw validationError(problems, 400);
			return ok({ data: powers.applyChange(id, body.entity as string, body.key as string | undefined, body.patch as Record<string, unknown>) });
		}
		case 'POST expire-tokens':
			return ok({ data: { expired: powers.expireTokens(id) } });
		default:
			throw new ApiError(404, `No such control endpoint: ${method} /__sandbox/${rest}`);
	}
}
