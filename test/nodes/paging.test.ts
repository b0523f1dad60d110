import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, IExecuteFunctions, INodeType } from 'n8n-workflow';

import { Makini } from '../../nodes/Makini/Makini.node';
import { makiniApiRequestAllItems, MAX_PAGE_SIZE } from '../../nodes/Makini/transport';
import { runNode } from '../harness/execute';
import { useSandbox } from '../harness/sandbox';

const fx = useSandbox({ assets: 2500 });
const node = new Makini();

describe('against the sandbox (2,500 assets)', () => {
	test('Return All reads every asset exactly once, in order, in pages of the largest size', async () => {
		const all = fx.sandbox.records('ccn', 'assets');
		expect(all).toHaveLength(2500);
		const before = fx.sandbox.stats('ccn').requests;
		const [output] = await runNode({
			node,
			parameters: { resource: 'asset', operation: 'getAll', returnAll: true, simplify: false },
			credentials: fx.tokenCredentials(),
		});
		expect(output.map((i) => i.json)).toEqual(all);
		expect(new Set(output.map((i) => i.json.key)).size).toBe(2500);
		expect(fx.sandbox.stats('ccn').requests - before).toBe(2500 / MAX_PAGE_SIZE);
	});

	test("n8n's getNode (a deep copy of the node per call) is read once per node run, not per request", async () => {
		const { ExecuteContext } = await import('n8n-core');
		const getNode = jest.spyOn(ExecuteContext.prototype, 'getNode');
		const callsFor = async (maxPerPage: number) => {
			fx.sandbox.configure({ maxPerPage });
			getNode.mockClear();
			const before = fx.sandbox.stats('ccn').requests;
			const [output] = await runNode({
				node,
				parameters: { resource: 'asset', operation: 'getAll', returnAll: true },
				credentials: fx.tokenCredentials(),
			});
			expect(output).toHaveLength(2500);
			return { calls: getNode.mock.calls.length, requests: fx.sandbox.stats('ccn').requests - before };
		};
		try {
			const few = await callsFor(500);
			const many = await callsFor(50);
			expect([few.requests, many.requests]).toEqual([5, 50]);
			// 45 more requests, not a single getNode more.
			expect(many.calls).toBe(few.calls);
		} finally {
			fx.sandbox.resetSettings();
			getNode.mockRestore();
		}
	});

	test('Page Concurrency gives the same records in the same order with the same number of requests', async () => {
		const before = fx.sandbox.stats('ccn').requests;
		const [output] = await runNode({
			node,
			parameters: { resource: 'asset', operation: 'getAll', returnAll: true, options: { pageConcurrency: 3 } },
			credentials: fx.tokenCredentials(),
		});
		expect(output.map((i) => i.json.key)).toEqual(fx.sandbox.records('ccn', 'assets').map((a) => a.key));
		expect(fx.sandbox.stats('ccn').requests - before).toBe(5);
	});

	test.each([
		[1, 1],
		[500, 1],
		[501, 2],
		[1200, 3],
	])('Limit %i fetches %i page(s) and returns exactly the limit', async (limit, pages) => {
		for (const pageConcurrency of [1, 4]) {
			const before = fx.sandbox.stats('ccn').requests;
			const [output] = await runNode({
				node,
				parameters: { resource: 'asset', operation: 'getAll', limit, options: { pageConcurrency } },
				credentials: fx.tokenCredentials(),
			});
			expect(output.map((i) => i.json.key)).toEqual(fx.sandbox.records('ccn', 'assets').slice(0, limit).map((a) => a.key));
			expect(fx.sandbox.stats('ccn').requests - before).toBe(pages);
		}
	});
});

/**
 * List shapes the sandbox does not produce (cursor paging, `id` instead of `key`, a server that ignores `page`,
 * a smaller page cap, no meta), served over real HTTP by a small local server.
 */
describe('tolerant paging', () => {
	const hits: string[] = [];
	const things = (n: number, from = 1) => Array.from({ length: n }, (_, i) => ({ id: from + i, name: `thing ${from + i}` }));
	const server = createServer((req, res) => {
		const url = new URL(req.url!, 'http://x');
		hits.push(url.pathname + url.search);
		const page = Number(url.searchParams.get('page') ?? 1);
		const perPage = Number(url.searchParams.get('per_page') ?? 50);
		let body: unknown;
		switch (url.pathname) {
			case '/api/eam/cursor': {
				// ids 1-3, then 3-5 (3 again), then 6-7; cursors chain the pages
				const cursor = url.searchParams.get('cursor');
				if (!cursor) body = { data: things(3), meta: { next_cursor: 'c2' } };
				else if (cursor === 'c2') body = { data: things(3, 3), meta: { next_cursor: 'c3' } };
				else body = { data: things(2, 6), meta: { next_cursor: null } };
				break;
			}
			case '/api/eam/ignores-page':
				body = { data: things(2), meta: { current_page: 1, last_page: 5, per_page: perPage } };
				break;
			case '/api/eam/clamped': {
				const size = Math.min(perPage, 100);
				body = { data: things(Math.max(0, Math.min(size, 250 - (page - 1) * size)), (page - 1) * size + 1), meta: { current_page: page, last_page: 3, per_page: size, total: 250 } };
				break;
			}
			case '/api/eam/no-meta':
				body = { data: page <= 2 ? things(perPage, (page - 1) * perPage + 1) : [] };
				break;
			default:
				res.writeHead(404).end();
				return;
		}
		res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
	});
	let baseUrl = '';
	beforeAll(async () => {
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));
	beforeEach(() => hits.splice(0));

	// A minimal node that lists a path through the shared transport.
	const lister: INodeType = {
		description: {
			displayName: 'Lister',
			name: 'lister',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Lister' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'makiniApi', required: true }],
			properties: [
				{ displayName: 'Path', name: 'path', type: 'string', default: '' },
				{ displayName: 'Limit', name: 'limit', type: 'number', default: 0 },
				{ displayName: 'Page Concurrency', name: 'pageConcurrency', type: 'number', default: 1 },
			],
		},
		async execute(this: IExecuteFunctions) {
			const records = await makiniApiRequestAllItems.call(this, this.getNodeParameter('path', 0) as string, {}, {
				limit: this.getNodeParameter('limit', 0) as number,
				pageConcurrency: this.getNodeParameter('pageConcurrency', 0) as number,
			});
			return [records.map((json: IDataObject) => ({ json }))];
		},
	};
	const list = async (path: string, limit = 0, pageConcurrency = 1) => {
		const [output] = await runNode({ node: lister, parameters: { path, limit, pageConcurrency }, credentials: { makiniApi: { baseUrl, token: 't' } } });
		return output.map((i) => i.json.id);
	};

	test('follows next_cursor, reads `id` as the key and emits a record seen twice once', async () => {
		expect(await list('/api/eam/cursor')).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(hits).toEqual(['/api/eam/cursor?page=1&per_page=500', '/api/eam/cursor?cursor=c2&per_page=500', '/api/eam/cursor?cursor=c3&per_page=500']);
	});

	test('stops at the limit without fetching the next cursor page', async () => {
		expect(await list('/api/eam/cursor', 3)).toEqual([1, 2, 3]);
		expect(hits).toHaveLength(1);
	});

	test('stops when the server repeats a page', async () => {
		expect(await list('/api/eam/ignores-page')).toEqual([1, 2]);
		expect(hits).toHaveLength(2);
	});

	test('follows the page size the server actually used', async () => {
		const ids = await list('/api/eam/clamped');
		expect(ids).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
		expect(hits).toEqual([1, 2, 3].map((p) => `/api/eam/clamped?page=${p}&per_page=${p === 1 ? 500 : 100}`));
		expect(await list('/api/eam/clamped', 0, 2)).toEqual(ids);
	});

	test('without meta, reads until an empty page', async () => {
		expect(await list('/api/eam/no-meta')).toHaveLength(1000);
		expect(hits).toHaveLength(3);
	});
});
