import type { AuthState } from '../auth';
import type { ConnectionState } from '../connections';
import { ApiError } from '../errors';
import type { Ctx, Reply } from '../http';
import { bearerToken, errorReply, ok, send } from '../http';
import { handleEam } from './eam';
import type { Notify } from './eam';

// Traffic of one connection (data API and /api/integrations/current): bearer token, then the connection's
// fault-injection scenario around the real handler.
export interface RequestMeta {
	fault: boolean;
	connection?: ConnectionState;
}

export interface TrafficDeps {
	auth: AuthState;
	connections: Map<string, ConnectionState>;
	sleep: (ms: number) => Promise<void>;
	notify: Notify;
}

/** What a connection token asks for: the data API (path under /api/eam/), the connection itself, or another handler. */
export type ConnectionTarget = string | undefined | ((conn: ConnectionState) => Reply | Promise<Reply>);

/** Answers undefined when the scenario already dealt with the socket (reset, truncated or lost answer). */
export async function connectionRequest(ctx: Ctx, meta: RequestMeta, rest: ConnectionTarget, deps: TrafficDeps): Promise<Reply | undefined> {
	const { auth, connections, sleep, notify } = deps;
	const bearer = bearerToken(ctx.req);
	if (!bearer) throw new ApiError(401, 'Missing bearer token', 'AUTHENTICATION_FAILED');
	const found = auth.connectionFor(bearer, connections);
	if (found === 'expired') throw new ApiError(401, 'Access token expired', 'AUTHENTICATION_FAILED');
	if (!found) throw new ApiError(401, 'Invalid bearer token', 'AUTHENTICATION_FAILED');
	const conn = found;
	meta.connection = conn;
	const sc = conn.scenario;
	const roll = (rate: number) => rate > 0 && conn.faultRng.next() < rate;
	if (sc.rateLimitPerMinute > 0) {
		const now = Date.now();
		conn.rateWindow = conn.rateWindow.filter((t) => t > now - 60_000);
		if (conn.rateWindow.length >= sc.rateLimitPerMinute) {
			meta.fault = true;
			const retryAfter = Math.max(1, Math.ceil((conn.rateWindow[0] + 60_000 - now) / 1000));
			throw new ApiError(429, `Rate limit of ${sc.rateLimitPerMinute} requests per minute exceeded`, 'RATE_LIMIT_EXCEEDED', undefined, { 'Retry-After': String(retryAfter) });
		}
		conn.rateWindow.push(now);
	}
	if (sc.latencyMs > 0) await sleep(sc.latencyMs);
	if (roll(sc.resetRate)) {
		meta.fault = true;
		ctx.req.socket.destroy();
		return undefined;
	}
	if (roll(sc.errorRate)) {
		meta.fault = true;
		const status = sc.errorStatuses[Math.floor(conn.faultRng.next() * sc.errorStatuses.length)];
		throw new ApiError(status, `Injected failure (HTTP ${status}) from the sandbox scenario`);
	}
	let reply: Reply;
	if (rest === undefined) {
		reply = ok({
			data: {
				id: conn.info.id,
				company_name: conn.info.name,
				email: conn.email,
				provider: conn.info.provider,
				updated_at: conn.syncUpdatedAt,
				sync_status: sc.reauthorizationRequired ? 'fail' : 'done',
				sync_updated_at: conn.syncUpdatedAt,
			},
		});
	} else {
		if (sc.reauthorizationRequired) {
			meta.fault = true;
			throw new ApiError(401, 'The connection needs to be reauthorized in Makini', 'REAUTHORIZATION_REQUIRED');
		}
		try {
			reply = typeof rest === 'function' ? await rest(conn) : await handleEam(ctx, conn, rest, notify);
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			reply = errorReply(ctx, error);
		}
	}
	if (sc.slowMs > 0) await sleep(sc.slowMs);
	if (ctx.req.method !== 'GET' && reply.status < 300 && roll(sc.lostResponseRate)) {
		meta.fault = true;
		ctx.req.socket.destroy();
		return undefined;
	}
	if (reply.status === 200 && roll(sc.truncateRate)) {
		meta.fault = true;
		send(ctx, reply, true);
		return undefined;
	}
	return reply;
}
