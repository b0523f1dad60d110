import { Collector } from '../../nodes/Makini/transport/paging';

// The pager's collector: pages in order, each record once, up to the limit.
const page = (...keys: Array<string | undefined>) =>
	keys.map((key, n) => (key === undefined ? { n } : { key }));

test('records are kept in order, once per key', () => {
	const collector = new Collector(0);
	expect(collector.add(page('a', 'b'))).toBe(true);
	expect(collector.add(page('b', 'c'))).toBe(true);
	expect(collector.records.map((r) => r.key)).toEqual(['a', 'b', 'c']);
	expect(collector.full).toBe(false);
});

test('records are identified by id when they have no key; keyless records are all kept', () => {
	const collector = new Collector(0);
	collector.add([{ id: 1 }, { id: '1' }, { name: 'no key' }, { name: 'no key' }]);
	expect(collector.records).toEqual([{ id: 1 }, { name: 'no key' }, { name: 'no key' }]);
});

test('a page repeating the previous one (a server ignoring page) is refused', () => {
	const collector = new Collector(0);
	collector.add(page('a', 'b'));
	expect(collector.add(page('a', 'b'))).toBe(false);
	expect(collector.records).toHaveLength(2);
});

test('the limit cuts inside a page and marks the collector full', () => {
	const collector = new Collector(3);
	collector.add(page('a', 'b'));
	collector.add(page('c', 'd', 'e'));
	expect(collector.records.map((r) => r.key)).toEqual(['a', 'b', 'c']);
	expect(collector.full).toBe(true);
});
