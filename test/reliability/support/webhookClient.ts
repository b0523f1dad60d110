import { createHmac } from 'crypto';
import { request as httpRequest, Agent } from 'http';
import { connect } from 'net';

/** Makini's signature: base64 HMAC-SHA256 over the exact body bytes (computed here independently of the node). */
export function sign(secret: string, body: string | Buffer): string {
	return createHmac('sha256', secret).update(body).digest('base64');
}

export interface Answer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

const agent = new Agent({ keepAlive: false, maxSockets: 256 });

/** POSTs the exact bytes given (no re-serialisation) with the headers given. */
export async function post(url: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
	const payload = typeof body === 'string' ? Buffer.from(body) : body;
	return await new Promise<Answer>((resolve, reject) => {
		const req = httpRequest(
			url,
			{ method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(payload.length), ...headers } },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(payload);
	});
}

/** Sends raw request bytes over a socket (for header tricks a client library refuses to send); returns the raw answer. */
export async function rawRequest(url: string, head: string, body: Buffer): Promise<string> {
	const { hostname, port } = new URL(url);
	return await new Promise<string>((resolve, reject) => {
		const socket = connect(Number(port), hostname, () => socket.end(Buffer.concat([Buffer.from(head), body])));
		const chunks: Buffer[] = [];
		socket.on('data', (chunk: Buffer) => chunks.push(chunk));
		socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
		socket.on('error', reject);
	});
}
