// Shared helpers for the sandbox contract tests: plain HTTP calls and a webhook receiver.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningSandbox } from '../../sandbox';

export interface Answer<T = any> {
	status: number;
	headers: Headers;
	body: T;
}

export async function call<T = any>(
	sandbox: RunningSandbox,
	method: string,
	path: string,
	options: { token?: string | null; json?: unknown; form?: Record<string, string>; raw?: string } = {},
): Promise<Answer<T>> {
	const headers: Record<string, string> = {};
	const token = options.token === undefined ? sandbox.connections.ccn.token : options.token;
	if (token) headers.authorization = `Bearer ${token}`;
	let body: string | undefined;
	if (options.json !== undefined) {
		headers['content-type'] = 'application/json';
		body = JSON.stringify(options.json);
	} else if (options.form) {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		body = new URLSearchParams(options.form).toString();
	} else if (options.raw !== undefined) {
		headers['content-type'] = 'application/json';
		body = options.raw;
	}
	const res = await fetch(`${sandbox.url}${path}`, { method, headers, body, redirect: 'manual' });
	const text = await res.text();
	return { status: res.status, headers: res.headers, body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
}

/** Reads every page of a list, returning the records in the order served and the metas. */
export async function allPages(sandbox: RunningSandbox, path: string, perPage: number, token?: string): Promise<{ records: any[]; pages: number }> {
	const records: any[] = [];
	const sep = path.includes('?') ? '&' : '?';
	for (let page = 1; ; page++) {
		const answer = await call(sandbox, 'GET', `${path}${sep}per_page=${perPage}&page=${page}`, { token });
		expect(answer.status).toBe(200);
		records.push(...answer.body.data);
		if (answer.body.meta.current_page >= answer.body.meta.last_page) return { records, pages: page };
	}
}

export interface Received {
	headers: IncomingHttpHeaders;
	raw: string;
	at: number;
}

/** A local webhook receiver; `plan` answers each arriving delivery (a status code, or 'hang' for no answer). */
export class Receiver {
	readonly received: Received[] = [];
	plan: (n: number) => number | 'hang' = () => 200;
	private server!: Server;
	url = '';

	async start(): Promise<this> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				this.received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
				const answer = this.plan(this.received.length);
				if (answer === 'hang') return;
				res.writeHead(answer).end();
			});
		});
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
		return this;
	}

	async waitFor(count: number, timeoutMs = 5000): Promise<Received[]> {
		const deadline = Date.now() + timeoutMs;
		while (this.received.length < count) {
			if (Date.now() > deadline) throw new Error(`expected ${count} deliveries, got ${this.received.length}`);
			await new Promise((r) => setTimeout(r, 10));
		}
		return this.received;
	}

	async stop(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
