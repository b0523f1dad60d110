import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
	method: string;
	path: string;
	body: unknown;
}

/**
 * A pass-through HTTP proxy in front of the sandbox that records what the node sends (method, path without query,
 * parsed JSON body), so tests can check write bodies against the published request schemas.
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
			sent.push({ method: req.method ?? 'GET', path: (req.url ?? '').split('?')[0], body });
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
