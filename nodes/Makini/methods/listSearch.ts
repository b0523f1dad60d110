import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { makiniApiPage, recordKey } from '../transport';

const PAGE_SIZE = 50;

/** One page of a searchable picker: records whose display field contains the typed text. */
async function search(
	ctx: ILoadOptionsFunctions,
	entity: string,
	field: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const qs: IDataObject = { page, per_page: PAGE_SIZE, [`sort[${field}]`]: 0 };
	if (filter) qs[`filter[${field}:contains]`] = filter;
	const { records, lastPage } = await makiniApiPage.call(ctx, {
		method: 'GET',
		path: `/api/eam/${entity}`,
		qs,
	});
	const results = records.flatMap((record) => {
		const key = recordKey(record);
		if (key === undefined) return [];
		const label = record[field] ?? record._displayValue ?? key;
		return [{ name: `${String(label)} (${key})`, value: key }];
	});
	const more = lastPage !== undefined ? page < lastPage : records.length === PAGE_SIZE;
	return { results, paginationToken: more ? String(page + 1) : undefined };
}

export async function searchAssets(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, 'assets', 'name', filter, token);
}

export async function searchWorkOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
) {
	return await search(this, 'work-orders', 'title', filter, token);
}

export async function searchLocations(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
) {
	return await search(this, 'locations', 'name', filter, token);
}

export async function searchSites(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, 'sites', 'name', filter, token);
}

export async function searchPurchaseOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
) {
	return await search(this, 'purchase-orders', 'title', filter, token);
}

export async function searchMaterials(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
) {
	return await search(this, 'materials', 'name', filter, token);
}

export async function searchInventories(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
) {
	return await search(this, 'inventories', 'name', filter, token);
}

/** Stocks have no name: they are searched by their bin position. */
export async function searchStocks(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, 'stocks', 'position', filter, token);
}

/** Users: who a work order is assigned to (`laborAssignedKey`) or approved by. */
export async function searchUsers(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, 'users', 'name', filter, token);
}

export async function searchTeams(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, 'teams', 'name', filter, token);
}

export async function searchStorerooms(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
) {
	return await search(this, 'storerooms', 'name', filter, token);
}

export async function searchServiceRequests(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
) {
	return await search(this, 'service-requests', 'title', filter, token);
}

export async function searchVendors(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, 'vendors', 'name', filter, token);
}

export async function searchOrganizations(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
) {
	return await search(this, 'organizations', 'name', filter, token);
}

export async function searchAssetTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
) {
	return await search(this, 'asset-templates', 'name', filter, token);
}

export async function searchPreventiveMaintenance(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
) {
	return await search(this, 'pm', 'title', filter, token);
}

export async function searchReturnOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
) {
	return await search(this, 'return-orders', 'title', filter, token);
}

/** Accounts (cost / GL accounts) a material or asset is booked to. */
export async function searchAccounts(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await search(this, 'accounts', 'name', filter, token);
}

export async function searchCompanies(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
) {
	return await search(this, 'companies', 'name', filter, token);
}

export async function searchUnitsOfMeasure(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
) {
	return await search(this, 'uom', 'name', filter, token);
}

/** Asset downtimes have no name: they are searched by their description. */
export async function searchAssetDowntimes(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
) {
	return await search(this, 'assets-downtime', 'description', filter, token);
}
