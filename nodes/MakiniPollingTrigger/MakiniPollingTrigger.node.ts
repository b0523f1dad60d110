import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { readChangesSince, readNewest, startCursor, type PollCursor } from './cursor';
import { pollSyncStatus } from './syncStatus';

const SAMPLE_SIZE = 3;

interface FilterRow {
	field: string;
	operator: string;
	value: string;
}

/** `filter[<field>]` / `filter[<field>:<op>]` query parameters from the node's filter rows. */
function filterQuery(rows: FilterRow[]): IDataObject {
	const qs: IDataObject = {};
	for (const { field, operator, value } of rows) {
		if (field.trim() === '') continue;
		qs[operator === 'equals' ? `filter[${field.trim()}]` : `filter[${field.trim()}:${operator}]`] = value;
	}
	return qs;
}

export class MakiniPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Makini Polling Trigger',
		name: 'makiniPollingTrigger',
		icon: { light: 'file:makini.svg', dark: 'file:makini.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] === "syncStatusChanged" ? "Sync status changed" : $parameter["resource"]}}',
		description:
			'Starts the workflow when Makini records are created or updated, or the sync status changes, by polling (works without webhooks)',
		defaults: { name: 'Makini Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'makiniApi', required: true, displayOptions: { show: { authentication: ['apiToken'] } } },
			{ name: 'makiniOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'API Token', value: 'apiToken' },
					{ name: 'OAuth2 (Makini Link)', value: 'oAuth2' },
				],
				default: 'apiToken',
			},
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Record Created or Updated',
						value: 'recordChanged',
						description: 'Records changed since the last poll, each once',
					},
					{
						name: 'Sync Status Changed',
						value: 'syncStatusChanged',
						description: 'The connection’s sync status changed, e.g. to "fail" (reauthorization needed)',
					},
				],
				default: 'recordChanged',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { event: ['recordChanged'] } },
				options: [
					{ name: 'Asset', value: 'assets' },
					{ name: 'Downtime', value: 'assets-downtime' },
					{ name: 'Location', value: 'locations' },
					{ name: 'Meter', value: 'meters' },
					{ name: 'Meter Reading', value: 'meter-readings' },
					{ name: 'Service Request', value: 'service-requests' },
					{ name: 'Site', value: 'sites' },
					{ name: 'Work Order', value: 'work-orders' },
				],
				default: 'work-orders',
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'fixedCollection',
				placeholder: 'Add filter',
				typeOptions: { multipleValues: true },
				displayOptions: { show: { event: ['recordChanged'] } },
				default: {},
				description: 'Only records matching all filters trigger (Makini list filters)',
				options: [
					{
						displayName: 'Filter',
						name: 'filter',
						values: [
							{
								displayName: 'Field',
								name: 'field',
								type: 'string',
								default: '',
								placeholder: 'e.g. assetKey',
							},
							{
								displayName: 'Operator',
								name: 'operator',
								type: 'options',
								options: [
									{ name: 'Contains', value: 'contains' },
									{ name: 'Equals', value: 'equals' },
									{ name: 'Greater Than', value: 'gt' },
									{ name: 'Greater Than or Equal', value: 'gteq' },
									{ name: 'Less Than', value: 'lt' },
									{ name: 'Less Than or Equal', value: 'lteq' },
									{ name: 'Starts With', value: 'startsWith' },
								],
								default: 'equals',
							},
							{
								displayName: 'Value',
								name: 'value',
								type: 'string',
								default: '',
							},
						],
					},
				],
			},
			{
				displayName: 'Start From',
				name: 'startFrom',
				type: 'dateTime',
				displayOptions: { show: { event: ['recordChanged'] } },
				default: '',
				description:
					'On first activation, also emit records changed since this time. Empty: only changes after activation.',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		if (this.getNodeParameter('event') === 'syncStatusChanged') return await pollSyncStatus.call(this);

		const resource = this.getNodeParameter('resource') as string;
		const path = `/api/eam/${resource}`;
		const rows = this.getNodeParameter('filters.filter', []) as FilterRow[];
		const filters = filterQuery(rows);

		if (this.getMode() === 'manual') {
			const sample = await readNewest.call(this, path, filters, SAMPLE_SIZE);
			return sample.length ? [this.helpers.returnJsonArray(sample)] : null;
		}

		const state = this.getWorkflowStaticData('node');
		// A cursor only means something for the resource and filters it was read with.
		const cursorFor = JSON.stringify({ path, filters });
		let cursor = state.cursorFor === cursorFor ? (state.cursor as PollCursor | undefined) : undefined;
		if (cursor === undefined) {
			const startFrom = this.getNodeParameter('startFrom', '') as string;
			if (startFrom === '') {
				state.cursor = await startCursor.call(this, path, filters);
				state.cursorFor = cursorFor;
				return null;
			}
			cursor = { updatedAt: new Date(startFrom).toISOString(), keys: [] };
		}

		const read = await readChangesSince.call(this, path, filters, cursor);
		// Only reached after a complete read: a failed poll leaves the stored cursor as it was.
		state.cursor = read.cursor;
		state.cursorFor = cursorFor;
		return read.records.length ? [this.helpers.returnJsonArray(read.records)] : null;
	}
}
