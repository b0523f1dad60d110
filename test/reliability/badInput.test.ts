import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { recordFigures } from './support/figures';
import { runMakini, sandboxSecrets } from './support/nodeRun';
import { useProxiedSandbox } from './support/proxiedSandbox';

// Every parameter of the Makini node fuzzed: invalid input fails with a NodeOperationError naming the field and
// the item, before any request; keys that are valid text are encoded so they can never leave their path segment.
const env = useProxiedSandbox();
const { fx, scan } = env;

const credentials = () => ({ makiniApi: { baseUrl: env.proxy.url, token: fx.sandbox.connections.ccn.token } });
const HUGE = 'x'.repeat(200_000);
const locator = (value: unknown) => ({ __rl: true, mode: 'key', value }) as unknown as INodeParameters;
const assetKey = () => String(fx.sandbox.records('ccn', 'assets')[0].key);
const workOrderKey = () => String(fx.sandbox.records('ccn', 'work-orders')[0].key);

interface Case {
	name: string;
	parameters: () => INodeParameters;
	/** Words the message must contain: the field's name. */
	field: RegExp;
}

// Invalid input: refused before any request.
const invalid: Case[] = [
	...[['empty', ''], ['whitespace', '  \t '], ['object', { a: 1 }], ['array', ['k']], ['boolean', true], ['null', null]].map(
		([label, value]): Case => ({ name: `Get key: ${String(label)}`, parameters: () => ({ resource: 'asset', operation: 'get', assetKey: locator(value) }), field: /key/i }),
	),
	// URLs resolve "." and ".." (even percent-encoded): such keys would address the list or another endpoint.
	{ name: 'Get key: ..', parameters: () => ({ resource: 'asset', operation: 'get', assetKey: locator('..') }), field: /key/i },
	{ name: 'Get key: .', parameters: () => ({ resource: 'asset', operation: 'get', assetKey: locator(' . ') }), field: /key/i },
	{ name: 'Update key: ..', parameters: () => ({ resource: 'workOrder', operation: 'update', workOrderKey: locator('..'), updateFields: { title: 'x' } }), field: /Work Order/ },
	{ name: 'Get key (plain field): whitespace', parameters: () => ({ resource: 'meter', operation: 'get', meterKey: '   ' }), field: /meter key/i },
	{ name: 'Filter field: empty', parameters: () => ({ resource: 'asset', operation: 'getAll', filters: { conditions: [{ field: '', operator: 'equals', value: 'x' }] } }), field: /Filters › Field 1/ },
	...['a b', 'name]', 'name[0]', '../x', 'x?y', 'x#y', '%2F', HUGE].map(
		(field): Case => ({
			name: `Filter field: ${field.slice(0, 12)}`,
			parameters: () => ({ resource: 'asset', operation: 'getAll', filters: { conditions: [{ field: 'name', operator: 'equals', value: 'x' }, { field, operator: 'equals', value: 'x' }] } }),
			field: /Filters › Field 2/,
		}),
	),
	...[0, -5, 'ten', 2.5, Number.NaN].map(
		(limit): Case => ({ name: `Limit: ${String(limit)}`, parameters: () => ({ resource: 'asset', operation: 'getAll', returnAll: false, limit }), field: /Limit/ }),
	),
	{ name: 'Filter operator: unknown', parameters: () => ({ resource: 'asset', operation: 'getAll', filters: { conditions: [{ field: 'name', operator: 'regex', value: '.*' }] } }), field: /Filters › Operator 1/ },
	{ name: 'Sort field: injection', parameters: () => ({ resource: 'asset', operation: 'getAll', sort: { rules: [{ field: 'name]&x[', direction: 'asc' }] } }), field: /Sort › Field 1/ },
	...['not a date', '2026-13-45T99:00:00Z', '   ', '{{ }}'].map(
		(value): Case => ({ name: `Updated Since: ${value}`, parameters: () => ({ resource: 'asset', operation: 'getAll', updatedSince: value }), field: /Updated Since/ }),
	),
	...['{bad json', '[]', '"text"', '123', 'null'].map(
		(json): Case => ({ name: `Extra Fields (JSON): ${json}`, parameters: () => ({ resource: 'asset', operation: 'create', name: 'Valid name', jsonFields: json }), field: /Extra Fields \(JSON\)/ }),
	),
	...[['empty', ''], ['whitespace', '   ']].map(([label, name]): Case => ({ name: `Create name: ${label}`, parameters: () => ({ resource: 'asset', operation: 'create', name }), field: /Name/ })),
	{ name: 'Work order date: invalid', parameters: () => ({ resource: 'workOrder', operation: 'create', title: 'Valid', additionalFields: { dueAt: '31/02/2026' } }), field: /dueAt/ },
	{ name: 'Update: nothing to change', parameters: () => ({ resource: 'workOrder', operation: 'update', workOrderKey: locator(workOrderKey()), updateFields: {} }), field: /Update Fields/ },
	{ name: 'Update status: empty status', parameters: () => ({ resource: 'workOrder', operation: 'updateStatus', workOrderKey: locator(workOrderKey()), statusKey: '  ' }), field: /Status/ },
	{ name: 'Update: empty key', parameters: () => ({ resource: 'workOrder', operation: 'update', workOrderKey: locator(''), updateFields: { title: 'x' } }), field: /Work Order/ },
	{ name: 'Unknown operation', parameters: () => ({ resource: 'asset', operation: 'delete' }), field: /delete/ },
];

describe('invalid parameters: NodeOperationError naming field and item, no request', () => {
	test.each(invalid.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
		const items = [{ json: {} }, { json: {} }];
		// Item 1 carries the bad parameter via an expression; item 0 gets a valid variant only where one exists.
		const run = await runMakini(scan, credentials(), c.parameters(), { items: items.slice(0, 1) });
		expect(run.error).toBeInstanceOf(NodeOperationError);
		expect(run.error!.message).toMatch(c.field);
		if (!/Unknown operation/.test(c.name)) expect(run.error!.message).toContain('[item 0]');
		expect(env.proxy.seen).toEqual([]); // nothing was sent
	});
});

describe('keys are path segments, never paths', () => {
	const tricky = ['../../api/system/connections', 'a/b', 'x?filter[name]=1', 'x#frag', '%2e%2e', '100%', 'k%2Fv', 'é ü', HUGE.slice(0, 5000)];
	test.each(tricky.map((k) => [k.slice(0, 30), k]))('Get %s: one request to /api/eam/assets/<encoded key>, answered 404 for item 0', async (_label, key) => {
		const run = await runMakini(scan, credentials(), { resource: 'asset', operation: 'get', assetKey: locator(key) });
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect(run.error!.message).toMatch(/NOT_FOUND/);
		expect(run.error!.message).toContain('[item 0]');
		expect(env.proxy.seen).toHaveLength(1);
		const [request] = env.proxy.seen;
		expect(request.url.pathname).toBe(`/api/eam/assets/${encodeURIComponent(key)}`);
		expect(request.url.search).toBe('');
	});
});

describe('unknown filter fields are Makini\'s to judge, per item', () => {
	test('an unknown field reaches Makini once and fails with its validation message for that item', async () => {
		const run = await runMakini(scan, credentials(), { resource: 'asset', operation: 'getAll', filters: { conditions: [{ field: 'doesNotExist', operator: 'equals', value: 'x' }] } });
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect(`${run.error!.message} ${run.error!.description}`).toContain('doesNotExist');
		expect(run.error!.message).toContain('[item 0]');
		expect(env.proxy.seen).toHaveLength(1);
	});
});

test('a bad item among good ones: only the bad one fails (named), the good ones are written once, nothing else', async () => {
	const names = ['Fuzz good 0', '', 'Fuzz good 2', '   ', 'Fuzz good 4'];
	const before = fx.sandbox.stats('ccn').requests;
	const run = await runMakini(
		scan,
		credentials(),
		{ resource: 'asset', operation: 'create', name: '={{ $json.name }}', jsonFields: '={{ $json.extra }}' },
		{ items: names.map((name, i) => ({ json: { name, extra: i === 4 ? '{broken' : '{}' } })), continueOnFail: true },
	);
	const errors = run.json.map((j, i) => (j.error ? `${i}: ${String(j.error)}` : undefined)).filter(Boolean);
	expect(errors).toEqual([expect.stringMatching(/^1: Name: .*\[item 1\]$/), expect.stringMatching(/^3: Name: .*\[item 3\]$/), expect.stringMatching(/^4: Extra Fields \(JSON\): .*\[item 4\]$/)]);
	expect(fx.sandbox.stats('ccn').requests - before).toBe(2);
	const created = fx.sandbox.records('ccn', 'assets').filter((r) => String(r.name).startsWith('Fuzz good'));
	expect(created.map((r) => r.name).sort()).toEqual(['Fuzz good 0', 'Fuzz good 2']);
	recordFigures('bad-input', { invalidCasesRefusedWithoutRequest: invalid.length, keyEncodingCases: 9 });
});

test('huge values do not crash the node: refused by Makini with an error for the item, or written as given', async () => {
	const run = await runMakini(scan, credentials(), { resource: 'asset', operation: 'create', name: 'Huge notes', additionalFields: { notes: HUGE } }, { continueOnFail: true });
	expect(run.error).toBeUndefined();
	const [json] = run.json as IDataObject[];
	if (json.error !== undefined) expect(String(json.error)).toContain('[item 0]');
	else expect(String(json.notes)).toHaveLength(HUGE.length);
});

test('no secret in any output, error or log line', () => {
	expect(scan.size).toBeGreaterThan(20);
	recordFigures('secret-scan-bad-input', scan.counts());
	expect(scan.findings(sandboxSecrets(fx.sandbox))).toEqual([]);
});
