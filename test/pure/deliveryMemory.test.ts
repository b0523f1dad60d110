import type { IDataObject } from 'n8n-workflow';

import { acceptDelivery } from '../../nodes/Makini/trigger/deliveryMemory';

// The duplicate memory kept in the trigger's static data.
const options = { retentionMs: 1000, maxEntries: 10 };

test('a key is accepted once within the retention window, and again after it', () => {
	const data: IDataObject = {};
	expect(acceptDelivery(data, ['id:a'], 0, options)).toBe(true);
	expect(acceptDelivery(data, ['id:a'], 1000, options)).toBe(false);
	expect(acceptDelivery(data, ['id:a'], 1001, options)).toBe(true);
	expect(data.seenDeliveries).toEqual({ 'id:a': 1001 });
	expect(data.seenCount).toBe(1);
});

test('any known key makes the delivery a duplicate, and a duplicate changes nothing', () => {
	const data: IDataObject = {};
	acceptDelivery(data, ['fp:1', 'id:a'], 0, options);
	const before = JSON.stringify(data);
	expect(acceptDelivery(data, ['fp:2', 'id:a'], 10, options)).toBe(false);
	expect(JSON.stringify(data)).toBe(before);
});

test('past the bound the oldest entries go first, a tenth of the bound at once', () => {
	const data: IDataObject = {};
	for (let n = 0; n < 11; n++) expect(acceptDelivery(data, [`id:${n}`], n, options)).toBe(true);
	const kept = Object.keys(data.seenDeliveries as IDataObject);
	expect(kept).toEqual(['id:2', 'id:3', 'id:4', 'id:5', 'id:6', 'id:7', 'id:8', 'id:9', 'id:10']);
	expect(data.seenCount).toBe(9);
	// An evicted key is new again.
	expect(acceptDelivery(data, ['id:0'], 20, options)).toBe(true);
});

test('memory saved by an older version without a count is counted once', () => {
	const data: IDataObject = { seenDeliveries: { 'id:x': 0, 'id:y': 0 } };
	acceptDelivery(data, ['id:z'], 1, options);
	expect(data.seenCount).toBe(3);
});
