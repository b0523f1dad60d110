import {
	conditionsFrom,
	filterQuery,
	matches,
	type Condition,
} from '../../nodes/Makini/helpers/filters';

// The filter builder: rows → validated conditions → Makini's filter[...] query, and its client-side twin.
const reject = (field: string, problem: string): never => {
	throw new Error(`${field}: ${problem}`);
};

test('rows become conditions, trimmed, operator defaulting to equals', () => {
	expect(
		conditionsFrom(
			[
				{ field: ' status ', value: 'open' },
				{ field: 'updatedAt', operator: 'gteq', value: '2026-01-01' },
			],
			reject,
		),
	).toEqual([
		{ field: 'status', operator: 'equals', value: 'open' },
		{ field: 'updatedAt', operator: 'gteq', value: '2026-01-01' },
	]);
});

test('a bad field name or operator is rejected by its row label', () => {
	expect(() => conditionsFrom([{ field: 'a]b', value: '' }], reject)).toThrow(
		'Filters › Field 1: "a]b" is not a field name',
	);
	expect(() => conditionsFrom([{ field: 'ok' }, { field: 'x', operator: 'like' }], reject)).toThrow(
		'Filters › Operator 2: unknown operator "like"',
	);
	expect(() => conditionsFrom([{ field: 'x'.repeat(120) }], reject)).toThrow(/x{40}…" is not/);
});

test('blank rows are dropped only when asked', () => {
	expect(conditionsFrom([{ field: '' }], reject, { skipBlank: true })).toEqual([]);
	expect(() => conditionsFrom([{ field: '' }], reject)).toThrow('Filters › Field 1');
});

test('conditions → filter[field] for equals, filter[field:op] otherwise', () => {
	expect(
		filterQuery([
			{ field: 'siteKey', operator: 'equals', value: 's1' },
			{ field: 'name', operator: 'startsWith', value: 'AHU' },
			{ field: 'updatedAt', operator: 'lt', value: '2026-01-01' },
		]),
	).toEqual({
		'filter[siteKey]': 's1',
		'filter[name:startsWith]': 'AHU',
		'filter[updatedAt:lt]': '2026-01-01',
	});
});

test.each<[Condition, Record<string, unknown>, boolean]>([
	[{ field: 'name', operator: 'contains', value: 'ahu' }, { name: 'Roof AHU-3' }, true],
	[{ field: 'name', operator: 'startsWith', value: 'roof' }, { name: 'Roof AHU-3' }, true],
	[{ field: 'name', operator: 'equals', value: 'roof ahu-3' }, { name: 'Roof AHU-3' }, false],
	[{ field: 'value', operator: 'gt', value: '9' }, { value: 10 }, true],
	[{ field: 'value', operator: 'lteq', value: '10' }, { value: 10 }, true],
	[{ field: 'at', operator: 'gteq', value: '2026-02-01' }, { at: '2026-01-31' }, false],
	// `null` has no documented meaning: an empty field matches no condition (as a strict server answers)
	[{ field: 'endedAt', operator: 'equals', value: 'null' }, { endedAt: null }, false],
	[{ field: 'endedAt', operator: 'equals', value: '' }, { endedAt: null }, false],
	[{ field: 'endedAt', operator: 'gt', value: '0' }, {}, false],
])('matches %j on %j → %s', (condition, record, expected) => {
	expect(matches(record as never, condition)).toBe(expected);
});
