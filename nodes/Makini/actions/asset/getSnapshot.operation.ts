import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { deepCopy, updateDisplayOptions } from 'n8n-workflow';

import { keyLocator } from '../../descriptions/keyFields';
import { listFields } from '../../descriptions/listFields';
import { transportOptions } from '../../descriptions/options';
import { mapWithConcurrency } from '../../helpers/concurrency';
import { fail, locatorKey } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { fieldIn, shapeOf } from '../../helpers/recordShape';
import {
	makiniApiPage,
	makiniApiRecord,
	makiniApiRequestAllItems,
	MAX_PAGE_SIZE,
	recordKey,
} from '../../transport';
import { isOpenDowntime } from '../assetDowntime';
import { measures } from '../meter';
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
				{
					name: 'Asset Record in Input Item',
					value: 'item',
					description:
						'The asset record an earlier node already read (e.g. a trigger with Resolve Records): not read again',
				},
			],
			default: 'asset',
		},
		{
			displayName: 'Asset Record Field',
			name: 'assetField',
			type: 'string',
			default: 'record',
			description: 'The input item field holding the asset record; empty: the item itself',
			displayOptions: { show: { snapshotOf: ['item'] } },
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

/**
 * Assets of a list snapshotted at once. Each runs its three lists in parallel, so about a dozen requests are in
 * flight; a 429 slows all of them down together (the transport's rate gate).
 */
const ASSETS_AT_ONCE = 4;

/** A work order still to be done: not completed and not closed or cancelled under another status name. */
export const isOpenWorkOrder = (record: IDataObject) =>
	!record.completedAt && !/^(complete|closed?|cancel)/i.test(String(record.status ?? ''));

/**
 * Latest reading per meter: one page of the asset's readings, newest first (whatever page size the server
 * allows), usually covers every meter; only meters without a reading on it are asked for, one request each.
 */
async function latestReadings(
	this: IExecuteFunctions,
	assetKey: string,
	meterKeys: string[],
	created: string,
	transport: ListOptions,
): Promise<Map<string, IDataObject>> {
	const latest = new Map<string, IDataObject>();
	if (meterKeys.length === 0) return latest;
	const newestFirst = { [`sort[${created}]`]: 1, page: 1 };
	const read = async (filter: IDataObject, perPage: number) =>
		await makiniApiPage.call(
			this,
			{
				method: 'GET',
				path: '/api/eam/meter-readings',
				qs: { ...filter, ...newestFirst, per_page: perPage },
				itemIndex: transport.itemIndex,
			},
			transport,
		);
	const { records: recent } = await read({ 'filter[assetKey]': assetKey }, MAX_PAGE_SIZE);
	for (const reading of recent) {
		const meterKey = String(reading.meterKey ?? '');
		if (!latest.has(meterKey)) latest.set(meterKey, reading);
	}
	for (const meterKey of meterKeys.filter((k) => !latest.has(k))) {
		const { records } = await read({ 'filter[meterKey]': meterKey }, 1);
		if (records[0]) latest.set(meterKey, records[0]);
	}
	return latest;
}

/**
 * A site's meters are read once per execution of the node and shared by every asset of that site in it: the
 * map lives as long as n8n's context object of this node run (nothing is kept across executions), and holds the
 * promise, so an asset asking while the read is in flight waits for the same read. A failed read is forgotten,
 * so a later item (continue on fail) tries again.
 */
const siteMetersByRun = new WeakMap<IExecuteFunctions, Map<string, Promise<IDataObject[]>>>();

async function metersOfSite(
	this: IExecuteFunctions,
	siteKey: string,
	options: ListOptions,
): Promise<IDataObject[]> {
	let bySite = siteMetersByRun.get(this);
	if (!bySite) {
		bySite = new Map();
		siteMetersByRun.set(this, bySite);
	}
	let meters = bySite.get(siteKey);
	if (!meters) {
		const ofSite = siteKey ? { 'filter[siteKey]': siteKey } : {};
		meters = makiniApiRequestAllItems.call(this, '/api/eam/meters', ofSite, options);
		bySite.set(siteKey, meters);
		const cache = bySite;
		meters.catch(() => cache.delete(siteKey));
	}
	return await meters;
}

/**
 * The asset's meters with their latest readings, its open downtime and open work orders, from documented
 * filters only: meters of the asset's site kept when `assetKeys` holds the asset, and the asset's downtime and
 * work orders (`assetKey` equals) of which the open ones are picked here (the contract cannot filter empty).
 */
async function snapshotOf(
	this: IExecuteFunctions,
	asset: IDataObject,
	options: ListOptions,
): Promise<IDataObject> {
	const assetKey = recordKey(asset) ?? '';
	const forAsset = { 'filter[assetKey]': assetKey };
	const [siteMeters, downtime, workOrders] = await Promise.all([
		metersOfSite.call(this, asset.siteKey ? String(asset.siteKey) : '', options),
		makiniApiRequestAllItems.call(
			this,
			'/api/eam/assets-downtime',
			{ ...forAsset, 'sort[startedAt]': 1 },
			options,
		),
		makiniApiRequestAllItems.call(this, '/api/eam/work-orders', forAsset, options),
	]);
	// Copies: the site's records are shared by its assets, each output item gets its own.
	const meters = siteMeters.filter((m) => measures(m, assetKey)).map((m) => deepCopy(m));
	const meterKeys = meters.map((m) => recordKey(m) ?? '');
	const created = fieldIn(shapeOf(asset), 'createdAt');
	const latest = await latestReadings.call(this, assetKey, meterKeys, created, options);
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
	const snapshotOfWhat = this.getNodeParameter('snapshotOf', itemIndex, 'asset');
	if (snapshotOfWhat === 'item') {
		const field = String(this.getNodeParameter('assetField', itemIndex, 'record')).trim();
		const json = this.getInputData()[itemIndex].json;
		const asset = field ? json[field] : json;
		if (!asset || typeof asset !== 'object' || !recordKey(asset as IDataObject))
			fail(this, itemIndex, 'Asset Record Field', `"${field}" holds no record with a key or id`);
		return [await snapshotOf.call(this, asset as IDataObject, options)];
	}
	if (snapshotOfWhat === 'list') {
		const assets = await listRecords.call(this, '/api/eam/assets', itemIndex, options);
		return await mapWithConcurrency(
			assets.length,
			ASSETS_AT_ONCE,
			async (i) => await snapshotOf.call(this, assets[i], options),
		);
	}
	const key = locatorKey(this, itemIndex, 'assetKey', 'Asset');
	const asset = await makiniApiRecord.call(
		this,
		{ method: 'GET', path: `/api/eam/assets/${key}`, itemIndex },
		options,
	);
	return [await snapshotOf.call(this, asset, options)];
}
