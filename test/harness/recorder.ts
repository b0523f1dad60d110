// A pass-through recorder between a node and the sandbox: every request (method, path, body as sent) is kept, then
// forwarded and answered with the sandbox's answer. Point a credential's Base URL at `url`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { requestErrors } from '../contract/validate';
import type { SandboxFixture } from './sandbox';

export interface SentRequest {
	method: string;
	path: string;
	body: string;
}

export function useRecorder(fx: SandboxFixture) {
	const sent: SentRequest[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', async () => {
			const body = Buffer.concat(chunks).toString('utf8');
			sent.push({ method: req.method!, path: req.url!.split('?')[0], body });
			const answer = await fetch(`${fx.sandbox.url}${req.url!}`, {
				method: req.method,
				headers: { authorization: req.headers.authorization ?? '', 'content-type': 'application/json' },
				body: body || undefined,
			});
			res.writeHead(answer.status, { 'content-type': 'application/json' });
			res.end(await answer.text());
		});
	});
	let url = '';
	beforeAll(async () => {
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
	});
	afterAll(async () => await new Promise((resolve) => server.close(resolve)));
	beforeEach(() => sent.splice(0));
	return {
		sent,
		/** The one write of `method` sent since the test began, checked against the published request schema. */
		written(method: string, path: string): Record<string, unknown> {
			const writes = sent.filter((s) => s.method === method);
			expect(writes.map((w) => w.path)).toEqual([path]);
			const body = JSON.parse(writes[0].body) as Record<string, unknown>;
			expect(requestErrors(method, path, body)).toEqual([]);
			return body;
		},
		/** `makiniApi` credentials for the CCN connection, through the recorder. */
		credentials: () => ({ makiniApi: { ...fx.tokenCredentials().makiniApi, baseUrl: url } }),
	};
}
