import { createHash } from 'crypto';

/** Where a side finds the sandbox. */
export interface Target {
	url: string;
	token: string;
}

export const authHeaders = (target: Target) => ({
	Authorization: `Bearer ${target.token}`,
	Accept: 'application/json',
});

/** An order-independent fingerprint of which records a side got (count + digest of the sorted keys). */
export function keySet(records: Array<Record<string, unknown>>): { count: number; unique: number; digest: string } {
	const keys = records.map((record) => String(record.key ?? record.id));
	const unique = [...new Set(keys)].sort();
	return { count: keys.length, unique: unique.length, digest: createHash('sha256').update(unique.join('\n')).digest('hex') };
}
