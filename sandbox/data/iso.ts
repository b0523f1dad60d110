const isoCache = new Map<number, string>();
/** Shared ISO strings: the same instant is one string in memory, and records really share timestamps. */
export function iso(ms: number): string {
	let s = isoCache.get(ms);
	if (s === undefined) {
		s = new Date(ms).toISOString();
		if (isoCache.size < 200_000) isoCache.set(ms, s);
	}
	return s;
}
