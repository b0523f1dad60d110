import type { INodePropertyOptions } from 'n8n-workflow';

export const ALL_EVENTS = '*';

const DATA_ENTITIES: Array<[string, string]> = [
	['assets', 'Asset'],
	['sites', 'Site'],
	['work-orders', 'Work Order'],
	['purchase-orders', 'Purchase Order'],
];

const PLATFORM_EVENTS: INodePropertyOptions[] = [
	{ name: 'Connection Needs Reauthorization', value: 'connection.reauthorization_required' },
	{ name: 'Connection Status Changed', value: 'connection.status_changed' },
	{ name: 'Sync Completed', value: 'sync.completed' },
	{ name: 'Sync Failed', value: 'sync.failed' },
	{ name: 'System Error', value: 'system.error' },
];

export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'All Events',
		value: ALL_EVENTS,
		description: 'Every event Makini sends, including ones added later',
	},
	...DATA_ENTITIES.flatMap(([entity, label]) => [
		{ name: `${label} Inserted`, value: `${entity}.inserted` },
		{ name: `${label} Updated`, value: `${entity}.updated` },
	]),
	...PLATFORM_EVENTS,
];

export function isEventSelected(event: string, selected: string[], customEvents: string): boolean {
	if (selected.includes(ALL_EVENTS) || selected.includes(event)) return true;
	return customEvents
		.split(',')
		.map((name) => name.trim())
		.includes(event);
}

/**
 * The entity a data-change event is about (`assets.updated` → `assets`), or undefined for platform
 * events. Custom names of the same `<entity>.<inserted|updated>` shape count too, so events Makini adds
 * later can still be resolved; the name is checked so it cannot steer the request path.
 */
export function changedEntity(event: string): string | undefined {
	const match = /^([a-z][a-z-]*)\.(inserted|updated)$/.exec(event);
	return match?.[1];
}
