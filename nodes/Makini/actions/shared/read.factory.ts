import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { transportOptions } from '../../descriptions/options';
import { keyField, keyLocator } from '../../descriptions/keyFields';
import { listFields } from '../../descriptions/listFields';
import type { Condition } from '../../helpers/filters';
import { listQuery, matches } from '../../helpers/filters';
import { probeShape } from '../../helpers/recordShape';
import { simplifier } from '../../helpers/simplify';
import { locatorKey, pathKey, positiveInteger } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRecord, makiniApiRequestAllItems } from '../../transport';
import { defineResource, readOptions } from './resource';
import type { MakiniOperation, MakiniResource } from './types';

/** What differs between the read-only resources; Get and Get Many are otherwise the same everywhere. */
export interface ReadConfig {
	/** Node parameter value, e.g. `workOrder` */
	resource: string;
	/** API path segment under /api/eam, e.g. `work-orders` */
	entity: string;
	/** Singular noun for labels, e.g. `work order` */
	noun: string;
	/** List-search method when the key has a picker (From List / By Key / By URL). */
	searchMethod?: string;
	/** Fields kept by Simplify; no Simplify toggle when the records are small. */
	simplifyFields?: string[];
	/** Operation-specific Get Many parameters (asset, time window, open only...). */
	listProperties?: INodeProperties[];
	/** Conditions from listProperties, always required of every record (published field names). */
	listConditions?: (
		ctx: IExecuteFunctions,
		itemIndex: number,
	) => Condition[] | Promise<Condition[]>;
	/** What the contract cannot filter (e.g. open only), checked on the records read. */
	keep?: (
		ctx: IExecuteFunctions,
		itemIndex: number,
	) => ((record: IDataObject) => boolean) | undefined;
}

const show = (config: ReadConfig, operation: string) => ({
	show: { resource: [config.resource], operation: [operation] },
});

export const keyParameterName = (config: ReadConfig) => `${config.resource}Key`;

function keyProperty(config: ReadConfig): INodeProperties {
	const displayName = `${config.noun[0].toUpperCase()}${config.noun.slice(1)}`;
	return config.searchMethod
		? keyLocator({
				name: keyParameterName(config),
				displayName,
				entity: config.entity,
				searchMethod: config.searchMethod,
			})
		: keyField(keyParameterName(config), `${displayName} Key`, `Key of the ${config.noun}`);
}

/** The record key of item `itemIndex`, validated and path-encoded. */
export function readKey(this: IExecuteFunctions, config: ReadConfig, itemIndex: number): string {
	const name = keyParameterName(config);
	return config.searchMethod
		? locatorKey(this, itemIndex, name, `${config.noun} key`)
		: pathKey(this, itemIndex, `${config.noun} key`, this.getNodeParameter(name, itemIndex, ''));
}

export function getOperation(config: ReadConfig): MakiniOperation {
	return {
		description: updateDisplayOptions(show(config, 'get'), [
			keyProperty(config),
			transportOptions('read'),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number, transport: ListOptions) {
			const key = readKey.call(this, config, itemIndex);
			const record = await makiniApiRecord.call(
				this,
				{ method: 'GET', path: `/api/eam/${config.entity}/${key}`, itemIndex },
				transport,
			);
			return [record];
		},
	};
}

/** Reads a Get Many's paging parameters and fetches the records. */
export async function listRecords(
	this: IExecuteFunctions,
	path: string,
	itemIndex: number,
	transport: ListOptions,
	own: Condition[] = [],
	keep?: (record: IDataObject) => boolean,
): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll
		? 0
		: positiveInteger(this, itemIndex, 'Limit', this.getNodeParameter('limit', itemIndex, 50));
	let { qs, local } = listQuery(this, itemIndex, own);
	// Timestamps are named by the record shape the server serves: ask it when the query names one.
	const timed = /\[(createdAt|updatedAt|deletedAt)[:\]]/;
	const named = [...Object.keys(qs), ...local.map((c) => `[${c.field}]`)].some((k) =>
		timed.test(k),
	);
	if (named && (await probeShape.call(this, path, { ...transport, itemIndex })) === 'v4')
		({ qs, local } = listQuery(this, itemIndex, own, 'v4'));
	// Conditions checked here cannot bound the server-side paging: fetch all, then cut.
	const records = await makiniApiRequestAllItems.call(this, path, qs, {
		...transport,
		limit: local.length || keep ? 0 : limit,
		itemIndex,
	});
	if (local.length === 0 && !keep) return records;
	const kept = records.filter((r) => local.every((c) => matches(r, c)) && (keep?.(r) ?? true));
	return limit ? kept.slice(0, limit) : kept;
}

export function getManyOperation(config: ReadConfig): MakiniOperation {
	return {
		description: updateDisplayOptions(show(config, 'getAll'), [
			...(config.listProperties ?? []),
			...listFields({ simplify: config.simplifyFields !== undefined }),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number, transport: ListOptions) {
			const own = (await config.listConditions?.(this, itemIndex)) ?? [];
			const keep = config.keep?.(this, itemIndex);
			const records = await listRecords.call(
				this,
				`/api/eam/${config.entity}`,
				itemIndex,
				transport,
				own,
				keep,
			);
			const simplify =
				config.simplifyFields && (this.getNodeParameter('simplify', itemIndex, true) as boolean);
			return simplify ? records.map(simplifier(config.simplifyFields!)) : records;
		},
	};
}

/** A resource with only Get and Get Many (Get Many first selected): everything it needs in one call. */
export function readOnlyResource(
	config: ReadConfig & {
		/** Resource dropdown name and optional hint */
		displayName: string;
		description?: string;
		/** How the Get / Get Many actions name one record and several, e.g. `site`, `sites` */
		one: string;
		many: string;
	},
): MakiniResource {
	const { displayName, description, one, many } = config;
	return defineResource({
		option: { name: displayName, value: config.resource, ...(description ? { description } : {}) },
		operationOptions: readOptions(one, many),
		defaultOperation: 'getAll',
		operations: { get: getOperation(config), getAll: getManyOperation(config) },
	});
}
