import { fieldIn, shapeOf } from '../../nodes/Makini/helpers/recordShape';
import { simplifyRecord } from '../../nodes/Makini/helpers/simplify';

// The published record shape (`key`, `updatedAt`) and the v4 one (`id`, `_updatedAt`), told apart and named.
test('shape of a record: v4 by its underscored timestamps or an id without key; published otherwise', () => {
	expect(shapeOf({ key: 'a', updatedAt: 't' })).toBe('key');
	expect(shapeOf({ id: 'a', _updatedAt: 't' })).toBe('v4');
	expect(shapeOf({ id: 'a' })).toBe('v4');
	expect(shapeOf({ key: 'a', id: 'b' })).toBe('key');
	expect(shapeOf(undefined)).toBe('key');
});

test('timestamps are renamed in v4, other fields are not', () => {
	expect(fieldIn('v4', 'updatedAt')).toBe('_updatedAt');
	expect(fieldIn('v4', 'createdAt')).toBe('_createdAt');
	expect(fieldIn('v4', 'startedAt')).toBe('startedAt');
	expect(fieldIn('key', 'updatedAt')).toBe('updatedAt');
});

test('Simplify keeps the named fields in either shape', () => {
	const fields = ['uomName', 'updatedAt'];
	expect(simplifyRecord({ key: 'm', uomName: 'hours', updatedAt: 't', uomKey: 'u' }, fields)).toEqual({ key: 'm', uomName: 'hours', updatedAt: 't' });
	expect(simplifyRecord({ id: 'm', _idValue: 'm', uomName: 'hours', _updatedAt: 't', uomKey: 'u' }, fields)).toEqual({
		id: 'm',
		_idValue: 'm',
		uomName: 'hours',
		_updatedAt: 't',
	});
});
