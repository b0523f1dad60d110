import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { keyLocator } from '../../descriptions/keyFields';
import { listFields } from '../../descriptions/listFields';
import { transportOptions } from '../../descriptions/options';
import { locatorKey } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRecord, makiniApiRequestAllItems, MAX_PAGE_SIZE } from '../../transport';
import { isOpenDowntime } from '../assetDowntime';
import { listRecords } from '../shared/read.factory';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['asset'], operation: ['getSnapshot'] } },
	[
		{
			displayName: 'Snapshot Of',
			name: 'snapshotOf',
			type: 'options',
			options: [
				{
					name: 'One Asset',
					value: 'asset',
					description: 'The asset picked or mapped from each input item',
				},
				{
					name: 'Assets Matching Filters',
					value: 'list',
					description: 'Every asset a Get Many with these filters returns',
				},
			],
			default: 'asset',
		},
		{
			...keyLocator({
				name: 'assetKey',
				displayName: 'Asset',
				entity: 'assets',
				searchMethod: 'searchAssets',
				description:
					'The equipment to report on; map the key from an input item to snapshot many assets',
			}),
			displayOptions: { show: { snapshotOf: ['asset'] } },
		},
		...listFields({ options: false }).map((field) => ({
			...field,
			displayOptions: { show: { ...field.displayOptions?.show, snapshotOf: ['list'] } },
		})),
		transportOptions('list'),
	],
);

/** A work order still to be done: not completed and not closed or cancelled under another status name. */
export const isOpenWorkOrder = (record: IDataObject) =>
	!record.completedAt && !/^(complete|closed?|cancel)/i.test(String(record.status ?? ''));

/**
 * Latest reading per meter. One request (newest first, one full page) usually covers every meter of the asset;
 * only meters without a reading on that page are asked for individually.
 */
async function latestReadings(
	this: IExecuteFunctions,
	assetKey: string,
	meterKeys: string[],
	transport: ListOptions,
): Promise<Map<string, IDataObject>> {
	const latest = new Map<string, IDataObject>();
	if (meterKeys.length === 0) return latest;
	const newestFirst = { 'sort[createdAt]': 1 };
	const recent = await makiniApiRequestAllItems.call(
		this,
		'/api/eam/meter-readings',
		{ 'filter[assetKey]': assetKey, ...newestFirst },
		{ ...transport, limit: MAX_PAGE_SIZE },
	);
	for (const reading of recent) {
		const meterKey = String(reading.meterKey ?? '');
		if (!latest.has(meterKey)) latest.set(meterKey, reading);
	}
	for (const meterKey of meterKeys.filter((k) => !latest.has(k))) {
		const [reading] = await makiniApiRequestAllItems.call(
			this,
			'/api/eam/meter-readings',
			{ 'filter[meterKey]': meterKey, ...newestFirst },
			{ ...transport, limit: 1 },
		);
		if (reading) latest.set(meterKey, reading);
	}
	return latest;
}

/** The asset's meters with their latest readings, its open downtime and open work orders. */
async function snapshotOf(
	this: IExecuteFunctions,
	asset: IDataObject,
	options: ListOptions,
): Promise<IDataObject> {
	const assetKey = String(asset.key ?? asset.id ?? '');
	const forAsset = { 'filter[assetKey]': assetKey };
	const [meters, downtime, workOrders] = await Promise.all([
		makiniApiRequestAllItems.call(this, '/api/eam/meters', forAsset, options),
		makiniApiRequestAllItems.call(
			this,
			'/api/eam/assets-downtime',
			{ ...forAsset, 'filter[endedAt]': 'null' },
			options,
		),
		makiniApiRequestAllItems.call(
			this,
			'/api/eam/work-orders',
			{ ...forAsset, 'filter[completedAt]': 'null' },
			options,
		),
	]);
	const meterKeys = meters.map((m) => String(m.key ?? m.id ?? ''));
	const latest = await latestReadings.call(this, assetKey, meterKeys, options);
	const openDowntime = downtime.filter(isOpenDowntime);
	const openWorkOrders = workOrders.filter(isOpenWorkOrder);
	return {
		asset,
		meters: meters.map((meter, i) => ({
			...meter,
			latestReading: latest.get(meterKeys[i]) ?? null,
		})),
		openDowntime,
		openWorkOrders,
		summary: {
			assetKey,
			name: asset.name ?? asset._displayValue ?? null,
			meterCount: meters.length,
			isDown: openDowntime.length > 0,
			openDowntimeCount: openDowntime.length,
			openWorkOrderCount: openWorkOrders.length,
		},
	};
}

/** One item per asset: the asset, its meters with their latest readings, open downtime and open work orders. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: ListOptions,
): Promise<IDataObject[]> {
	const options = { ...transport, itemIndex };
	if (this.getNodeParameter('snapshotOf', itemIndex, 'asset') === 'list') {
		const assets = await listRecords.call(this, '/api/eam/assets', itemIndex, options);
		const snapshots: IDataObject[] = [];
		// One asset at a time: each already runs its lists in parallel.
		for (const asset of assets) snapshots.push(await snapshotOf.call(this, asset, options));
		return snapshots;
	}
	const key = locatorKey(this, itemIndex, 'assetKey', 'Asset');
	const asset = await makiniApiRecord.call(
		this,
		{ method: 'GET', path: `/api/eam/assets/${key}`, itemIndex },
		options,
	);
	return [await snapshotOf.call(this, asset, options)];
}
