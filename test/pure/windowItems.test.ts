import { windowItems } from '../../nodes/Makini/trigger/processedDeliveries';

// The values n8n's deduplication store keeps for a delivery: timeless, so time is in the value.
const windowMs = 1000;
const shares = (firstMs: number, laterMs: number) => {
	const earlier = new Set(windowItems(['id:a'], firstMs, windowMs));
	return windowItems(['id:a'], laterMs, windowMs).some((item) => earlier.has(item));
};

test('two values per key: the slice the delivery arrives in and the one before', () => {
	expect(windowItems(['fp:1', 'id:a'], 2500, windowMs)).toEqual(['fp:1@2', 'fp:1@1', 'id:a@2', 'id:a@1']);
});

test('a delivery within the window of an earlier one always shares a value with it', () => {
	for (const firstMs of [0, 1, 499, 999, 1000, 1999]) {
		for (const gapMs of [0, 1, 500, 999, 1000]) expect(shares(firstMs, firstMs + gapMs)).toBe(true);
	}
});

test('two windows later shares nothing', () => {
	for (const firstMs of [0, 999, 1000]) expect(shares(firstMs, firstMs + 2 * windowMs)).toBe(false);
});

test('another key shares nothing', () => {
	const earlier = new Set(windowItems(['id:a'], 0, windowMs));
	expect(windowItems(['id:b'], 0, windowMs).some((item) => earlier.has(item))).toBe(false);
});
