import type { IDataObject } from 'n8n-workflow';

export interface DeliveryMemoryOptions {
	retentionMs: number;
	maxEntries: number;
}

/**
 * Remembers which deliveries were already accepted, in the node's static data so that it survives
 * restarts. `seen` maps a delivery key (`id:<event id>` or `fp:<body hash>`) to the time it was first
 * accepted; insertion order is arrival order, so the oldest entries come first and eviction is a walk
 * from the front.
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
	for (const key of Object.keys(seen)) {
		if (seen[key] >= cutoff) break;
		delete seen[key];
	}
	if (keys.some((key) => seen[key] !== undefined)) return false;

	for (const key of keys) seen[key] = nowMs;
	const overflow = Object.keys(seen).length - Math.max(options.maxEntries, keys.length);
	for (const key of Object.keys(seen).slice(0, Math.max(overflow, 0))) delete seen[key];

	// Assigning at the top level is what marks n8n's observable static data as changed, so it gets saved.
	staticData.seenDeliveries = seen;
	return true;
}
