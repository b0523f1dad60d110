import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { requestErrors } from '../contract/validate';
import type { SandboxFixture } from './sandbox';

export interface Recorded {
	method: string;
	path: string;
	/** the query string's parameters (decoded) */
	query: Record<string, string>;
	body: unknown;
}

/**
 * A pass-through HTTP proxy in front of the sandbox that records what the node sends (method, path without query, query
 * parameters, parsed JSON body), so tests can check write bodies against the published request schemas.
 */
export async function startRecorder(target: string): Promise<{ url: string; sent: Recorded[]; close: () => Promise<void> }> {
	const sent: Recorded[] = [];
	const upstream = new URL(target);
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks);
			const text = raw.toString('utf8');
			let body: unknown = undefined;
			try {
				body = text ? JSON.parse(text) : undefined;
			} catch {
				body = text;
			}
			const url = new URL(req.url ?? '/', 'http://recorder');
			sent.push({ method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), body });
			const forward = http.request(
				{ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } },
				(answer) => {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				},
			);
			forward.on('error', () => res.destroy());
			forward.end(raw);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		sent,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/**
 * The recorder for a whole test file: started before its tests, emptied before each, with `credentials()` for
 * the CCN connection through it and `written()` for the one write a test expects.
 */
export function useRecorder(fx: SandboxFixture) {
	let recorder: Awaited<ReturnType<typeof startRecorder>> | undefined;
	const sent: Recorded[] = [];
	beforeAll(async () => {
		recorder = await startRecorder(fx.sandbox.url);
	});
	afterAll(async () => await recorder?.close());
	beforeEach(() => {
		recorder?.sent.splice(0);
		sent.splice(0);
	});
	const all = (): Recorded[] => {
		sent.push(...recorder!.sent.splice(0));
		return sent;
	};
	return {
		get sent(): Recorded[] {
			return all();
		},
		/** The one write of `method` sent since the test began, checked against the published request schema. */
		written(method: string, path: string): Record<string, unknown> {
			const writes = all().filter((s) => s.method === method);
			expect(writes.map((w) => w.path)).toEqual([path]);
			const body = writes[0].body as Record<string, unknown>;
			expect(requestErrors(method, path, body)).toEqual([]);
			return body;
		},
		/** `makiniApi` credentials for the CCN connection, through the recorder. */
		credentials: () => ({ makiniApi: { ...fx.tokenCredentials().makiniApi, baseUrl: recorder!.url } }),
	};
}
