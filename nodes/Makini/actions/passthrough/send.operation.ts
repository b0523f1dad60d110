import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { transportOptions } from '../../descriptions/options';
import { fail, jsonValue } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRequest } from '../../transport/request';

const pairs = (name: string, displayName: string, placeholder: string): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder,
	default: {},
	displayOptions: { show: { mode: ['request'] } },
	options: [
		{
			displayName: 'Entries',
			name: 'entries',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
});

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['passthrough'], operation: ['send'] } },
	[
		{
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'API Request',
					value: 'request',
					description: "Call the source system's own API through Makini",
				},
				{
					name: 'SQL Query',
					value: 'sql',
					description: "Query the source system's raw tables",
				},
			],
			default: 'request',
		},
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			options: [
				{ name: 'DELETE', value: 'delete' },
				{ name: 'GET', value: 'get' },
				{ name: 'POST', value: 'post' },
				{ name: 'PUT', value: 'put' },
			],
			default: 'get',
			displayOptions: { show: { mode: ['request'] } },
		},
		{
			displayName: 'Path',
			name: 'path',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. dataservice',
			description: "Path of the endpoint on the source system's API (Makini adds its credentials)",
			displayOptions: { show: { mode: ['request'] } },
		},
		pairs('query', 'Query Parameters', 'Add Query Parameter'),
		pairs('headers', 'Headers', 'Add Header'),
		{
			displayName: 'Body',
			name: 'body',
			type: 'json',
			default: '',
			description: 'JSON body for the source system (empty for none)',
			displayOptions: { show: { mode: ['request'], base64encoded: [false] } },
		},
		{
			displayName: 'Base64 Body',
			name: 'base64encoded',
			type: 'boolean',
			default: false,
			description:
				'Whether the body is a base64 string (for non-JSON bodies); Makini decodes it before sending',
			displayOptions: { show: { mode: ['request'] } },
		},
		{
			displayName: 'Body (Base64)',
			name: 'base64Body',
			type: 'string',
			default: '',
			displayOptions: { show: { mode: ['request'], base64encoded: [true] } },
		},
		{
			displayName: 'SQL',
			name: 'sql',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			placeholder: 'e.g. SELECT * FROM ccn_points WHERE equipment_id = ?',
			description:
				"The query, in the source database's SQL; use parameters (? or :name) for values",
			displayOptions: { show: { mode: ['sql'] } },
		},
		{
			displayName: 'Parameters (JSON)',
			name: 'parameters',
			type: 'json',
			default: '',
			description: 'Values for the placeholders: an array for ?, an object for :name',
			displayOptions: { show: { mode: ['sql'] } },
		},
		transportOptions('write'),
	],
);

function pairsOf(ctx: IExecuteFunctions, itemIndex: number, name: string): IDataObject | undefined {
	const entries = ctx.getNodeParameter(`${name}.entries`, itemIndex, []) as IDataObject[];
	if (!entries.length) return undefined;
	return Object.fromEntries(entries.map((e) => [String(e.name ?? ''), String(e.value ?? '')]));
}

/**
 * POST /api/passthrough with the published body: path, method, headers, query, body, base64encoded — or sql and
 * parameters. Outputs Makini's `data` (the source system's answer): one item per row of a list, else one item
 * (under `data` when it is not an object).
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: ListOptions,
): Promise<IDataObject[]> {
	const mode = this.getNodeParameter('mode', itemIndex, 'request') as string;
	const body: IDataObject = {};
	if (mode === 'sql') {
		const sql = String(this.getNodeParameter('sql', itemIndex, '')).trim();
		if (sql === '') fail(this, itemIndex, 'SQL', 'a query is required');
		body.sql = sql;
		const parameters = jsonValue(
			this,
			itemIndex,
			'Parameters (JSON)',
			this.getNodeParameter('parameters', itemIndex, ''),
		);
		if (parameters !== undefined) body.parameters = parameters as IDataObject;
	} else {
		const path = String(this.getNodeParameter('path', itemIndex, '')).trim();
		if (path === '') fail(this, itemIndex, 'Path', 'a path on the source system is required');
		body.method = this.getNodeParameter('method', itemIndex, 'get') as string;
		body.path = path;
		const query = pairsOf(this, itemIndex, 'query');
		if (query) body.query = query;
		const headers = pairsOf(this, itemIndex, 'headers');
		if (headers) body.headers = headers;
		const base64 = this.getNodeParameter('base64encoded', itemIndex, false) as boolean;
		if (base64) {
			const encoded = String(this.getNodeParameter('base64Body', itemIndex, '')).trim();
			if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded))
				fail(this, itemIndex, 'Body (Base64)', 'is not a base64 string');
			body.base64encoded = true;
			body.body = encoded;
		} else {
			const value = jsonValue(
				this,
				itemIndex,
				'Body',
				this.getNodeParameter('body', itemIndex, ''),
			);
			if (value !== undefined) body.body = value as IDataObject;
		}
	}
	const answer = await makiniApiRequest.call(
		this,
		{ method: 'POST', path: '/api/passthrough', body, itemIndex },
		transport,
	);
	const data: unknown = 'data' in answer ? answer.data : answer;
	if (Array.isArray(data)) {
		return data.map((row) =>
			row && typeof row === 'object' && !Array.isArray(row)
				? (row as IDataObject)
				: ({ value: row } as IDataObject),
		);
	}
	return [data && typeof data === 'object' ? (data as IDataObject) : ({ data } as IDataObject)];
}
