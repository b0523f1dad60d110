import type { IDataObject } from 'n8n-workflow';

import {
	changedIds,
	resolvedKey,
	shapeDelivery,
	type DeliveryJson,
} from '../../nodes/Makini/trigger/deliveryItems';

// How one accepted delivery becomes output items.
const delivery = (event: string, body: unknown): DeliveryJson => ({
	event,
	receivedAt: '2026-01-01T00:00:00.000Z',
	deliveryFingerprint: 'f'.repeat(64),
	payload: { event, body } as IDataObject,
});

test('changed ids: strings and numbers of a data-change body, once each', () => {
	expect(changedIds(delivery('assets.updated', ['a1', 2, 'a1', null, { id: 3 }]))).toEqual([
		'a1',
		'2',
	]);
	expect(changedIds(delivery('sync.completed', ['a1']))).toEqual([]);
	expect(changedIds(delivery('assets.updated', 'a1'))).toEqual([]);
});

test('one item per delivery is the delivery itself', () => {
	const d = delivery('assets.updated', ['a1', 'a2']);
	expect(shapeDelivery(d, false)).toEqual([d]);
});

test('one item per changed record names the entity and the id', () => {
	const d = delivery('work-orders.inserted', ['w1', 'w2']);
	expect(shapeDelivery(d, true)).toEqual([
		{ ...d, entity: 'work-orders', recordId: 'w1' },
		{ ...d, entity: 'work-orders', recordId: 'w2' },
	]);
});

test('platform events stay one item even per record', () => {
	const d = delivery('sync.failed', ['x']);
	expect(shapeDelivery(d, true)).toEqual([d]);
});

test('resolved records replace ids; unknown ones are flagged missing', () => {
	const d = delivery('assets.updated', ['a1', 'gone']);
	const resolved = new Map([[resolvedKey('assets', 'a1'), { key: 'a1', name: 'Chiller 1' }]]);
	expect(shapeDelivery(d, false, resolved)).toEqual([
		{ ...d, records: [{ key: 'a1', name: 'Chiller 1' }], missingIds: ['gone'] },
	]);
	expect(shapeDelivery(d, true, resolved)).toEqual([
		{ ...d, entity: 'assets', recordId: 'a1', record: { key: 'a1', name: 'Chiller 1' } },
		{ ...d, entity: 'assets', recordId: 'gone', missing: true },
	]);
});
