import type { INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { Makini } from '../../nodes/Makini/Makini.node';
import { parseRetryAfter } from '../../nodes/Makini/transport/retry';
import { runMethod } from '../harness/execute';
import { useSandbox } from '../harness/sandbox';

const fx = useSandbox({ assets: 120 });
const node = new Makini();
const call = async <T>(method: string, args: unknown[] = []) =>
	await runMethod<T>({ node, parameters: { resource: 'asset', operation: 'get' }, credentials: fx.tokenCredentials(), method, args });

describe('list search (resource locators)', () => {
	test('assets by name, page by page', async () => {
		const first = await call<INodeListSearchResult>('listSearch.searchAssets');
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
		const names = fx.sandbox.records('ccn', 'assets').map((a) => String(a.name)).sort();
		expect(first.results[0].name).toMatch(new RegExp(`^${names[0].replace(/[()]/g, '\\$&')} \\(\\d+\\)$`));
		const last = await call<INodeListSearchResult>('listSearch.searchAssets', [undefined, '3']);
		expect(last.paginationToken).toBeUndefined();
		expect(first.results.length + 50 + last.results.length).toBe(120);
	});

	test('the typed text filters by name', async () => {
		const { results } = await call<INodeListSearchResult>('listSearch.searchAssets', ['chiller']);
		const expected = fx.sandbox.records('ccn', 'assets').filter((a) => String(a.name).toLowerCase().includes('chiller'));
		expect(results.map((r) => r.value).sort()).toEqual(expected.map((a) => a.key).sort().slice(0, 50));
	});

	test.each([
		['listSearch.searchWorkOrders', 'work-orders'],
		['listSearch.searchLocations', 'locations'],
		['listSearch.searchSites', 'sites'],
	])('%s lists %s', async (method, entity) => {
		const { results } = await call<INodeListSearchResult>(method);
		const keys = fx.sandbox.records('ccn', entity).map((r) => r.key);
		expect(results.length).toBe(Math.min(50, keys.length));
		for (const result of results) expect(keys).toContain(result.value);
	});
});

describe('list search of the foreign keys of write forms', () => {
	test.each([
		['listSearch.searchAccounts', 'accounts', 'name'],
		['listSearch.searchCompanies', 'companies', 'name'],
		['listSearch.searchUnitsOfMeasure', 'uom', 'name'],
		['listSearch.searchAssetDowntimes', 'assets-downtime', 'description'],
	])('%s lists %s by %s, and the typed text filters', async (method, entity, field) => {
		const all = fx.sandbox.records('ccn', entity);
		expect(all.length).toBeGreaterThan(1);
		const { results } = await call<INodeListSearchResult>(method);
		expect(results.map((r) => r.value).sort()).toEqual(all.map((r) => r.key).sort().slice(0, 50));
		const sorted = all.map((r) => String(r[field])).sort((a, b) => a.localeCompare(b));
		expect(results[0].name).toBe(`${sorted[0]} (${String(all.find((r) => String(r[field]) === sorted[0])!.key)})`);
		const record = all[all.length - 1];
		const typed = String(record[field]).slice(0, 6);
		const filtered = await call<INodeListSearchResult>(method, [typed]);
		expect(filtered.results).toContainEqual({ name: `${String(record[field])} (${String(record.key)})`, value: record.key });
		const expected = all.filter((r) => String(r[field]).toLowerCase().includes(typed.toLowerCase()));
		expect(filtered.results.map((r) => r.value).sort()).toEqual(expected.map((r) => r.key).sort().slice(0, 50));
	});
});

describe('load options', () => {
	test('work order and service request statuses, teams', async () => {
		const wo = await call<INodePropertyOptions[]>('loadOptions.getWorkOrderStatuses');
		expect(wo.map((o) => o.value).sort()).toEqual(fx.sandbox.records('ccn', 'statuses/work-orders').map((s) => s.key).sort());
		const sr = await call<INodePropertyOptions[]>('loadOptions.getServiceRequestStatuses');
		expect(sr.map((o) => o.name)).toContain('Approved (APPR)');
		const teams = await call<INodePropertyOptions[]>('loadOptions.getTeams');
		expect(teams).toHaveLength(fx.sandbox.records('ccn', 'teams').length);
	});
});

test('Retry-After is read as seconds or as an HTTP date', () => {
	const now = Date.parse('2026-11-25T12:00:00Z');
	expect(parseRetryAfter('7', now)).toBe(7000);
	expect(parseRetryAfter('0.5', now)).toBe(500);
	expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
	expect(parseRetryAfter('Wed, 25 Nov 2026 11:59:00 GMT', now)).toBe(0);
	expect(parseRetryAfter('soon', now)).toBeUndefined();
	expect(parseRetryAfter(undefined, now)).toBeUndefined();
});
