import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * What the Polling Trigger can watch: every published EAM list whose records carry a time of change. The value
 * is the list's path under /api/eam (saved workflows store it), `clock` the published field that orders changes
 * (read as `_updatedAt` / `_createdAt` in the v4 record shape).
 *
 * - `updatedAt`: every entity below except meter readings.
 * - `createdAt`: meter readings publish no `updatedAt` (they are append-only), so new ones are found by creation.
 * - Not offered: units of measure (`uom`) publish neither `updatedAt` nor `createdAt`, so a change cannot be
 *   told from an old record; the status lists (`statuses/...`) are lookup lists of a status dropdown, not records
 *   that change.
 */
export interface PollableEntity {
	name: string;
	value: string;
	clock: 'updatedAt' | 'createdAt';
	description?: string;
}

export const POLLABLE_ENTITIES: PollableEntity[] = [
	{ name: 'Account', value: 'accounts', clock: 'updatedAt' },
	{ name: 'Asset', value: 'assets', clock: 'updatedAt' },
	{ name: 'Asset Template', value: 'asset-templates', clock: 'updatedAt' },
	{ name: 'Company', value: 'companies', clock: 'updatedAt' },
	{ name: 'Customer', value: 'customers', clock: 'updatedAt' },
	{ name: 'Document', value: 'documents', clock: 'updatedAt' },
	{ name: 'Downtime', value: 'assets-downtime', clock: 'updatedAt' },
	{ name: 'Inventory', value: 'inventories', clock: 'updatedAt' },
	{ name: 'Labor', value: 'labors', clock: 'updatedAt' },
	{ name: 'Location', value: 'locations', clock: 'updatedAt' },
	{ name: 'Material', value: 'materials', clock: 'updatedAt' },
	{ name: 'Meter', value: 'meters', clock: 'updatedAt' },
	{
		name: 'Meter Reading',
		value: 'meter-readings',
		clock: 'createdAt',
		description: 'New readings (readings publish no updatedAt: they are found by createdAt)',
	},
	{ name: 'Organization', value: 'organizations', clock: 'updatedAt' },
	{ name: 'Preventive Maintenance', value: 'pm', clock: 'updatedAt' },
	{ name: 'Purchase Order', value: 'purchase-orders', clock: 'updatedAt' },
	{ name: 'Purchase Order Line Item', value: 'purchase-orders.line-items', clock: 'updatedAt' },
	{ name: 'Return Order', value: 'return-orders', clock: 'updatedAt' },
	{ name: 'Service Request', value: 'service-requests', clock: 'updatedAt' },
	{ name: 'Site', value: 'sites', clock: 'updatedAt' },
	{ name: 'Stock', value: 'stocks', clock: 'updatedAt' },
	{ name: 'Storeroom', value: 'storerooms', clock: 'updatedAt' },
	{ name: 'Team', value: 'teams', clock: 'updatedAt' },
	{ name: 'User', value: 'users', clock: 'updatedAt' },
	{ name: 'Vendor', value: 'vendors', clock: 'updatedAt' },
	{ name: 'Work Order', value: 'work-orders', clock: 'updatedAt' },
];

export const POLLABLE_OPTIONS: INodePropertyOptions[] = POLLABLE_ENTITIES.map(
	({ name, value, description }) => ({ name, value, ...(description ? { description } : {}) }),
);

/** The published clock field of a watched list; undefined for a list that cannot be polled for changes. */
export const clockOf = (entity: string) =>
	POLLABLE_ENTITIES.find((candidate) => candidate.value === entity)?.clock;
