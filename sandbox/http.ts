import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './errors';
import type { Settings } from './types';

const MAX_BODY = 1_000_000;

/** One request in flight: the request id travels into every answer (header and error body). */
export interface Ctx {
	req: IncomingMessage;
	res: ServerResponse;
	url: URL;
	requestId: string;
	baseUrl: string;
	settings: Settings; // as they were when the request arrived
}

export interface Reply {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

export const ok = (body: unknown, status = 200): Reply => ({ status, body });

export function errorReply(ctx: Ctx, error: ApiError): Reply {
	return { status: error.status, body: error.body(ctx.requestId, ctx.settings.errorForm), headers: error.headers };
}

/** Serialises once; `truncate` sends the full Content-Length but only part of the JSON, then drops the socket. */
export function send(ctx: Ctx, reply: Reply, truncate = false): void {
	const { res } = ctx;
	if (res.destroyed || res.headersSent) return;
	const payload = Buffer.from(JSON.stringify(reply.body));
	res.writeHead(reply.status, {
		'Content-Type': 'application/json',
		'Content-Length': String(payload.length),
		...reply.headers,
	});
	if (!truncate) {
		res.end(payload);
		return;
	}
	res.write(payload.subarray(0, Math.max(1, Math.floor(payload.length / 2))), () => res.destroy());
}

export function redirect(ctx: Ctx, location: string): void {
	ctx.res.writeHead(302, { Location: location, 'Content-Length': '0' });
	ctx.res.end();
}

export async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY) throw new ApiError(413, 'Request body too large');
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON object body; malformed JSON or a non-object is a 400. */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
	const text = await readBody(req);
	let parsed: unknown;
	try {
		parsed = text.trim() === '' ? {} : JSON.parse(text);
	} catch {
		throw new ApiError(400, 'Request body is not valid JSON', 'INVALID_REQUEST');
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new ApiError(400, 'Request body must be a JSON object', 'INVALID_REQUEST');
	}
	return parsed as Record<string, unknown>;
}

export function bearerToken(req: IncomingMessage): string | undefined {
	const header = req.headers.authorization;
	const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
	return match ? match[1] : undefined;
}
