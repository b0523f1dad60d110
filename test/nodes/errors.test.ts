import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { Makini } from '../../nodes/Makini/Makini.node';
import { allText, runNode } from '../harness/execute';
import { useSandbox } from '../harness/sandbox';

const fx = useSandbox();
const node = new Makini();
const records = (entity: string) => fx.sandbox.records('ccn', entity) as IDataObject[];
const rl = (value: unknown) => ({ __rl: true, mode: 'key', value });

// Everything the node produced or threw in this file, scanned for the token at the end.
const seen: unknown[] = [];

async function run(parameters: INodeParameters, options: { items?: IDataObject[]; continueOnFail?: boolean; token?: string } = {}) {
	try {
		const [output] = await runNode({
			node,
			parameters,
			credentials: fx.tokenCredentials('ccn', options.token),
			items: options.items?.map((json) => ({ json })),
			continueOnFail: options.continueOnFail,
		});
		seen.push(output);
		return output;
	} catch (error) {
		seen.push(error);
		throw error;
	}
}

async function failure(parameters: INodeParameters, token?: string) {
	const error = await run(parameters, { token }).then(
		() => undefined,
		(e: NodeApiError) => e,
	);
	expect(error).toBeDefined();
	return error!;
}

const requestsDuring = async (fn: () => Promise<unknown>) => {
	const before = fx.sandbox.stats('ccn').requests;
	await fn();
	return fx.sandbox.stats('ccn').requests - before;
};

const listAssets = { resource: 'asset', operation: 'getAll', returnAll: true, simplify: false };

describe('HTTP errors keep Makini\'s code, message and request id and say what to do', () => {
	test('401 with an unknown token', async () => {
		const error = await failure({ resource: 'asset', operation: 'getAll' }, 'mk_wrong_token');
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('401');
		expect(error.message).toMatch(/^Makini AUTHENTICATION_FAILED: .+ \[item 0\]$/);
		expect(error.description).toMatch(/reconnect the connection in Makini/);
		expect(error.description).toMatch(/Request ID: \S+/);
		expect(error.context.makini).toMatchObject({ code: 'AUTHENTICATION_FAILED', requestId: expect.any(String) });
	});

	test('401 REAUTHORIZATION_REQUIRED', async () => {
		fx.sandbox.setScenario('ccn', { reauthorizationRequired: true });
		const error = await failure({ resource: 'workOrder', operation: 'getAll' });
		expect(error.message).toMatch(/^Makini REAUTHORIZATION_REQUIRED: The connection needs to be reauthorized/);
		expect(error.description).toMatch(/reconnect the connection in the Makini dashboard/);
		// The sync status still answers and shows why.
		fx.sandbox.setScenario('ccn', { reauthorizationRequired: true });
		const [status] = await run({ resource: 'connection', operation: 'getSyncStatus' });
		expect(status.json.sync_status).toBe('fail');
	});

	test('403 names the permissions of the connected account', async () => {
		fx.sandbox.setScenario('ccn', { errorRate: 1, errorStatuses: [403] });
		const error = await failure({ resource: 'site', operation: 'getAll' });
		expect(error.httpCode).toBe('403');
		expect(error.message).toMatch(/^Makini PERMISSION_DENIED/);
		expect(error.description).toMatch(/permissions/);
	});

	test('404 names the key that was not found', async () => {
		const error = await failure({ resource: 'asset', operation: 'get', assetKey: rl('03999999999999') });
		expect(error.httpCode).toBe('404');
		expect(error.message).toMatch(/^Makini NOT_FOUND: .*03999999999999/);
		expect(error.description).toMatch(/\/api\/eam\/assets\/03999999999999: check the key/);
	});

	test('keys are path-encoded: no path injection', async () => {
		const before = records('assets').length;
		const error = await failure({ resource: 'asset', operation: 'get', assetKey: rl('../work-orders?x=1') });
		expect(error.httpCode).toBe('404');
		expect(error.description).toContain('/api/eam/assets/..%2Fwork-orders%3Fx%3D1');
		expect(records('assets').length).toBe(before);
	});
});

describe('retries on reads', () => {
	test('5xx answers are retried with backoff until they succeed', async () => {
		fx.sandbox.setScenario('ccn', { errorRate: 0.5, errorStatuses: [500, 502, 503, 504] });
		const output = await run({ ...listAssets, options: { maxAttempts: 10 } });
		expect(output.map((i) => i.json)).toEqual(records('assets'));
		expect(fx.sandbox.stats('ccn').faults).toBeGreaterThan(0);
	});

	test('connection resets are retried', async () => {
		fx.sandbox.setScenario('ccn', { resetRate: 0.5 });
		const output = await run({ resource: 'meterReading', operation: 'getAll', returnAll: true, options: { maxAttempts: 10 } });
		expect(output.map((i) => i.json.key)).toEqual(records('meter-readings').map((r) => r.key));
	});

	test('truncated JSON is retried', async () => {
		fx.sandbox.setScenario('ccn', { truncateRate: 0.5 });
		const output = await run({ resource: 'meterReading', operation: 'getAll', returnAll: true, options: { maxAttempts: 10 } });
		expect(output.map((i) => i.json.key)).toEqual(records('meter-readings').map((r) => r.key));
	});

	test('attempts are bounded, and the error says how many were made', async () => {
		fx.sandbox.setScenario('ccn', { errorRate: 1, errorStatuses: [502] });
		let error: NodeApiError | undefined;
		const requests = await requestsDuring(async () => {
			error = await failure({ ...listAssets, options: { maxAttempts: 3 } });
		});
		expect(requests).toBe(3);
		expect(error!.message).toMatch(/^Makini UPSTREAM_ERROR: .*\(after 3 attempts\) \[item 0\]$/);
	});

	test('always-truncated answers end in a clear error', async () => {
		fx.sandbox.setScenario('ccn', { truncateRate: 1 });
		const error = await failure({ ...listAssets, options: { maxAttempts: 2 } });
		expect(error.message).toMatch(/incomplete or invalid JSON answer .*after 2 attempts/);
	});

	test('timeouts are retried, then reported', async () => {
		fx.sandbox.setScenario('ccn', { slowMs: 1500 });
		const error = await failure({ resource: 'team', operation: 'getAll', options: { maxAttempts: 2, timeoutSeconds: 0.3 } });
		expect(error.message).toMatch(/^Makini timed out on GET \/api\/eam\/teams \(after 2 attempts\)/);
	});

	test('429 honours Retry-After: a wait longer than Max Wait is not attempted', async () => {
		fx.sandbox.setScenario('ccn', { rateLimitPerMinute: 1 });
		await run({ resource: 'team', operation: 'getAll' });
		let error: NodeApiError | undefined;
		const requests = await requestsDuring(async () => {
			error = await failure({ resource: 'team', operation: 'getAll', options: { maxWaitSeconds: 5 } });
		});
		// Retry-After is close to a minute: backing off 250 ms instead would have retried within the 5 s budget.
		expect(requests).toBe(1);
		expect(error!.httpCode).toBe('429');
		expect(error!.message).toMatch(/^Makini RATE_LIMIT_EXCEEDED/);
		expect(error!.description).toMatch(/rate-limits each connection/);
	});

	test('a refused connection is reported with the Base URL to check', async () => {
		const error = await runNode({
			node,
			parameters: { resource: 'team', operation: 'getAll', options: { maxAttempts: 2 } },
			credentials: { makiniApi: { baseUrl: 'http://127.0.0.1:9', token: 'x' } },
		}).catch((e: NodeApiError) => e);
		expect((error as NodeApiError).message).toMatch(/dropped the connection \(ECONNREFUSED\) on GET \/api\/eam\/teams \(after 2 attempts\)/);
		expect((error as NodeApiError).description).toMatch(/Base URL/);
	});
});

describe('bad parameters fail before any request, naming the field and item', () => {
	const cases: Array<[string, INodeParameters, RegExp]> = [
		['empty key', { resource: 'asset', operation: 'get', assetKey: rl('  ') }, /^asset key: a key is required \[item 0\]$/],
		['empty plain key', { resource: 'team', operation: 'get', teamKey: '' }, /^team key: a key is required \[item 0\]$/],
		['invalid JSON', { resource: 'asset', operation: 'create', name: 'x', jsonFields: '{"a":' }, /^Extra Fields \(JSON\): is not valid JSON \[item 0\]$/],
		['JSON that is not an object', { resource: 'asset', operation: 'create', name: 'x', jsonFields: '[1]' }, /^Extra Fields \(JSON\): must be a JSON object/],
		['invalid date', { resource: 'workOrder', operation: 'getAll', updatedSince: 'yesterday-ish' }, /^Updated Since: "yesterday-ish" is not a valid date/],
		['invalid window date', { resource: 'meterReading', operation: 'getAll', from: '2026-13-45' }, /^From: "2026-13-45" is not a valid date/],
		['invalid write date', { resource: 'workOrder', operation: 'create', title: 't', additionalFields: { dueAt: 'soon' } }, /^dueAt: "soon" is not a valid date/],
		[
			'unknown operator',
			{ resource: 'asset', operation: 'getAll', filters: { conditions: [{ field: 'name', operator: 'like', value: 'x' }] } },
			/^Filters › Operator 1: unknown operator "like"/,
		],
		[
			'field name with brackets',
			{ resource: 'asset', operation: 'getAll', filters: { conditions: [{ field: 'name]&x[', operator: 'equals', value: 'x' }] } },
			/^Filters › Field 1: "name\]&x\[" is not a field name/,
		],
		['empty update', { resource: 'asset', operation: 'update', assetKey: rl('03010000000001') }, /^Update Fields: add at least one field/],
		['missing status', { resource: 'workOrder', operation: 'updateStatus', workOrderKey: rl('07010000000001') }, /^Status: choose a status/],
	];
	test.each(cases)('%s', async (_name, parameters, message) => {
		let error: Error | undefined;
		const requests = await requestsDuring(async () => {
			error = await failure(parameters);
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error!.message).toMatch(message);
		expect(requests).toBe(0);
	});
});

describe('continue on fail', () => {
	test('a failing item becomes an error item; the others carry on, all paired', async () => {
		const [a, b] = records('assets');
		const output = await run(
			{ resource: 'asset', operation: 'get', assetKey: rl('={{ $json.key }}') },
			{ items: [{ key: a.key }, { key: 'missing-key' }, { key: '' }, { key: b.key }], continueOnFail: true },
		);
		expect(output).toHaveLength(4);
		expect(output.map((i: INodeExecutionData) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(output[0].json).toEqual(a);
		expect(output[1].json).toMatchObject({ error: expect.stringMatching(/^Makini NOT_FOUND: .* \[item 1\]$/), code: 'NOT_FOUND', httpCode: '404', requestId: expect.any(String) });
		expect(output[2].json).toMatchObject({ error: 'asset key: a key is required [item 2]' });
		expect(output[3].json).toEqual(b);
	});

	test('without it, the first failure stops the node', async () => {
		const error = await run(
			{ resource: 'asset', operation: 'get', assetKey: rl('={{ $json.key }}') },
			{ items: [{ key: records('assets')[0].key }, { key: 'missing' }] },
		).catch((e: Error) => e);
		expect((error as Error).message).toMatch(/\[item 1\]$/);
	});
});

test('Custom operations outside the node are refused with a pointer to the HTTP Request node', async () => {
	const error = await failure({ resource: 'asset', operation: '__CUSTOM_API_CALL__' });
	expect(error.message).toMatch(/HTTP Request node with the Makini credential/);
});

afterAll(() => {
	// The token must not appear in any output, message, description, context or stack this file produced.
	const text = allText(seen);
	expect(seen.length).toBeGreaterThan(20);
	for (const connection of Object.values(fx.sandbox.connections)) expect(text).not.toContain(connection.token);
	expect(text).not.toContain('Bearer ');
});
