// The load balancer in front of the n8n webhook processors: the sandbox's webhook subscription points here,
// and each delivery is forwarded to a processor. Per phase the test sets where deliveries go and, to stage
// redeliveries the way they happen in production, which answers get lost (Makini then resends the same
// bytes, which this router sends to the processor that did not get the first copy) or which deliveries
// reach both processors at once. Every arrival at a processor is logged with its time.
import { createServer, IncomingMessage, Server } from 'http';
import { AddressInfo } from 'net';

export interface Arrival {
	body: string;
	processor: number;
	at: number; // ms, performance clock
	status: number;
}

export interface Routing {
	processors: string[]; // base URLs of the webhook processors that take part
	webhookPath: string; // /webhook/<webhookId>/webhook of the workflow under test
	/** the first copy reaches n8n but its answer is lost (the sandbox sees 502 and retries) */
	loseFirstAnswer?: (payload: Record<string, unknown>) => boolean;
	/** the delivery goes to every processor at the same moment */
	race?: (payload: Record<string, unknown>) => boolean;
}

export interface Router {
	url: string;
	arrivals: Arrival[];
	route(routing: Routing): void;
	close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
	new Promise<string>((done, fail) => {
		let body = '';
		req.setEncoding('utf8');
		req.on('data', (chunk: string) => (body += chunk));
		req.on('end', () => done(body));
		req.on('error', fail);
	});

export async function startRouter(): Promise<Router> {
	let routing: Routing | undefined;
	let next = 0;
	const firstProcessor = new Map<string, number>(); // body -> processor that got its first copy
	const arrivals: Arrival[] = [];

	const forward = async (processor: number, body: string, signature: string): Promise<number> => {
		const at = performance.now();
		const res = await fetch(`${routing!.processors[processor]}${routing!.webhookPath}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-webhook-signature': signature },
			body,
		});
		await res.arrayBuffer();
		arrivals.push({ body, processor, at, status: res.status });
		return res.status;
	};

	const server: Server = createServer(async (req, res) => {
		try {
			if (!routing) throw new Error('no routing set');
			const body = await readBody(req);
			const signature = String(req.headers['x-webhook-signature'] ?? '');
			const payload = JSON.parse(body) as Record<string, unknown>;
			const count = routing.processors.length;
			let status: number;
			const first = firstProcessor.get(body);
			if (first !== undefined) {
				status = await forward((first + 1) % count, body, signature); // a redelivery: the other processor
			} else if (routing.race?.(payload)) {
				firstProcessor.set(body, 0);
				[status] = await Promise.all(routing.processors.map((_, i) => forward(i, body, signature)));
			} else {
				const processor = next++ % count;
				firstProcessor.set(body, processor);
				status = await forward(processor, body, signature);
				if (routing.loseFirstAnswer?.(payload)) status = 502;
			}
			res.writeHead(status).end();
		} catch (error) {
			res.writeHead(599).end(String(error));
		}
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		arrivals,
		route: (r) => {
			routing = r;
			next = 0;
		},
		close: () =>
			new Promise<void>((done) => {
				server.closeAllConnections();
				server.close(() => done());
			}),
	};
}
