import { createServer, request as httpRequest } from 'http';
import type { IncomingMessage, Server } from 'http';
import type { AddressInfo } from 'net';

/** One request the node sent, as the proxy saw it. */
export interface SeenRequest {
	method: string;
	url: URL;
	/** `page` query parameter of list requests (undefined for other requests). */
	page?: number;
	status?: number;
	/** Makini's X-Request-Id of the answer. */
	requestId?: string;
}

export type BeforeForward = (request: SeenRequest) => Promise<void> | void;

/**
 * A transparent HTTP proxy in front of the sandbox: real requests, real answers (including the sandbox's
 * resets and cut-off bodies), plus a test-side hook that runs before a request is forwarded. Tests use it to
 * act "between two page reads" (change data, flip a scenario) and to see which pages the node asked for.
 */
export class HookProxy {
	readonly seen: SeenRequest[] = [];

	before?: BeforeForward;

	/** Retry-After (seconds) added to 429 answers that lack one. */
	retryAfterSeconds = '1';

	private constructor(
		private readonly server: Server,
		readonly url: string,
	) {}

	static async start(target: string): Promise<HookProxy> {
		const upstream = new URL(target);
		let proxy: HookProxy | undefined;
		const server = createServer((req, res) => {
			void proxy!.forward(upstream, req, res);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		proxy = new HookProxy(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
		return proxy;
	}

	/** Requests for one path (without query), in the order they arrived. */
	requestsTo(pathname: string): SeenRequest[] {
		return this.seen.filter((r) => r.url.pathname === pathname);
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private async forward(upstream: URL, req: IncomingMessage, res: import('http').ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', upstream);
		const pageParam = url.searchParams.get('page');
		const seen: SeenRequest = { method: req.method ?? 'GET', url, page: pageParam === null ? undefined : Number(pageParam) };
		this.seen.push(seen);
		const body: Buffer[] = [];
		for await (const chunk of req) body.push(chunk as Buffer);
		await this.before?.(seen);
		const out = httpRequest(
			url,
			{ method: req.method, headers: { ...req.headers, host: upstream.host }, agent: false },
			(answer) => {
				seen.status = answer.statusCode;
				seen.requestId = answer.headers['x-request-id'] as string | undefined;
				const headers = { ...answer.headers };
				// Makini sends Retry-After with every 429 (contract); the sandbox's randomly injected 429s carry none.
				if (answer.statusCode === 429 && headers['retry-after'] === undefined) headers['retry-after'] = this.retryAfterSeconds;
				res.writeHead(answer.statusCode ?? 502, headers);
				answer.pipe(res);
				// The sandbox dropped the socket mid-answer: drop ours too, so the node sees what it would have seen.
				answer.on('aborted', () => res.destroy());
				answer.on('error', () => res.destroy());
			},
		);
		out.on('error', () => res.destroy());
		out.end(Buffer.concat(body));
	}
}
