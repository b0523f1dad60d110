import type { IDataObject } from 'n8n-workflow';

export interface DeliveryMemoryOptions {
	retentionMs: number;
	maxEntries: number;
}

/** The trigger's Options collection as far as duplicates are concerned. */
export function duplicateOptions(
	options: IDataObject,
): DeliveryMemoryOptions & { identicalBodyIsDuplicate: boolean } {
	return {
		retentionMs: ((options.retentionHours as number | undefined) ?? 48) * 3_600_000,
		maxEntries: (options.maxEntries as number | undefined) ?? 5000,
		identicalBodyIsDuplicate: options.identicalBodyIsDuplicate !== false,
	};
}

/**
 * What identifies a delivery: Makini's event id where it has one (a redelivery keeps it, even re-serialised;
 * an identical body has the same id), else its body (128 bits of its hash keep the memory small) unless
 * identical bodies are not to count as duplicates. One key per delivery keeps both memories small.
 */
export function deliveryKeys(
	fingerprint: string,
	eventId: unknown,
	identicalBodyIsDuplicate: boolean,
): string[] {
	if (typeof eventId === 'string' && eventId !== '') return [`id:${eventId}`];
	return identicalBodyIsDuplicate ? [`fp:${fingerprint.slice(0, 32)}`] : [];
}

/**
 * Remembers which deliveries were already accepted, in the node's static data so that it survives
 * restarts. `seen` maps a delivery key (`id:<event id>` or `fp:<body hash>`) to the time it was first
 * accepted, in arrival order; `seenCount` is its size, kept so that no delivery has to count the entries.
 *
 * A delivery costs a few lookups: expired entries are simply not matched (and re-enter at the end when
 * seen again), and the oldest entries are evicted in one walk only when the bound is passed, a tenth of
 * the bound at once, so the walk (linear in the entries) happens once per maxEntries / 10 deliveries.
 *
 * Returns true when none of the keys was seen within the retention window (and records them), false for
 * a duplicate (and changes nothing, so a redelivery does not extend its own window).
 */
export function acceptDelivery(
	staticData: IDataObject,
	keys: string[],
	nowMs: number,
	options: DeliveryMemoryOptions,
): boolean {
	const seen = (staticData.seenDeliveries ?? {}) as Record<string, number>;
	const cutoff = nowMs - options.retentionMs;
	if (keys.some((key) => seen[key] !== undefined && seen[key] >= cutoff)) return false;

	let count =
		typeof staticData.seenCount === 'number' ? staticData.seenCount : Object.keys(seen).length;
	for (const key of keys) {
		if (seen[key] !== undefined) {
			delete seen[key];
			count--;
		}
		seen[key] = nowMs;
		count++;
	}
	const bound = Math.max(options.maxEntries, keys.length);
	if (count > bound) {
		let evict = count - bound + Math.floor(options.maxEntries / 10);
		for (const key of Object.keys(seen)) {
			if (evict <= 0 && seen[key] >= cutoff) break;
			delete seen[key];
			count--;
			evict--;
		}
	}

	// Assigning at the top level is what marks n8n's observable static data as changed, so it gets saved.
	staticData.seenDeliveries = seen;
	staticData.seenCount = count;
	return true;
}
