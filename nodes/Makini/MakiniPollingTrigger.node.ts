import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
	NodeOperationError,
} from 'n8n-workflow';

import { authenticationProperty, makiniCredentials } from './descriptions/authentication';
import { filtersProperty } from './descriptions/filterFields';
import { getFilterFields } from './methods/loadOptions';
import { conditionsFrom, filterQuery } from './helpers/filters';
import { fieldIn, probeShape } from './helpers/recordShape';

import { clockOf, POLLABLE_OPTIONS } from './polling/entities';
import { readChangesSince, readNewest, startCursor, type PollCursor } from './polling/cursor';
import { pollSyncStatus } from './polling/syncStatus';

const SAMPLE_SIZE = 3;

/**
 * The Filters rows as Makini list filters, validated like Get Many's: a bad field or operator fails the poll
 * instead of reaching Makini. A row left blank was always ignored here, so an active workflow keeps running.
 */
function filtersOf(this: IPollFunctions): IDataObject {
	const rows = this.getNodeParameter('filters.filter', []) as IDataObject[];
	const conditions = conditionsFrom(
		rows,
		(field, problem) => {
			throw new NodeOperationError(this.getNode(), `${field}: ${problem}`, {
				description: `Fix the "${field}" parameter.`,
			});
		},
		{ skipBlank: true },
	);
	return filterQuery(conditions);
}

export class MakiniPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Makini Polling Trigger',
		name: 'makiniPollingTrigger',
		icon: { light: 'file:makini.svg', dark: 'file:makini.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{$parameter["event"] === "syncStatusChanged" ? "Sync status changed" : $parameter["resource"]}}',
		description:
			'Starts the workflow when Makini records are created or updated, or the sync status changes, by polling (works without webhooks)',
		defaults: { name: 'Makini Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: makiniCredentials,
		properties: [
			authenticationProperty,
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
						description:
							'The connection’s sync status changed, e.g. to "fail" (reauthorization needed)',
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
				description:
					'The Makini list to watch. Units of measure are not offered: they publish no updatedAt or createdAt, so a change cannot be told from an old record.',
				options: POLLABLE_OPTIONS,
				default: 'work-orders',
			},
			filtersProperty(
				{ name: 'filter', displayName: 'Filter' },
				{
					placeholder: 'Add Filter',
					description: 'Only records matching all filters trigger (Makini list filters)',
					displayOptions: { show: { event: ['recordChanged'] } },
				},
			),
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

	methods = { loadOptions: { getFilterFields } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		if (this.getNodeParameter('event') === 'syncStatusChanged')
			return await pollSyncStatus.call(this);

		const resource = this.getNodeParameter('resource') as string;
		const path = `/api/eam/${resource}`;
		// The published clock of the list: updatedAt, or createdAt for append-only meter readings.
		const base = clockOf(resource);
		if (base === undefined) {
			throw new NodeOperationError(
				this.getNode(),
				`"${resource}" cannot be polled for changes: its records publish no updatedAt or createdAt`,
				{ description: 'Pick another Resource, e.g. Work Order or Asset.' },
			);
		}
		const filters = filtersOf.call(this);
		const clock = fieldIn(await probeShape.call(this, path), base);

		if (this.getMode() === 'manual') {
			const sample = await readNewest.call(this, path, filters, SAMPLE_SIZE, clock);
			return sample.length ? [this.helpers.returnJsonArray(sample)] : null;
		}

		const state = this.getWorkflowStaticData('node');
		// A cursor only means something for the resource and filters it was read with.
		// (Cursors stored before meter readings moved to createdAt do not carry over.)
		const cursorFor = JSON.stringify({
			path,
			filters,
			...(base === 'updatedAt' ? {} : { clock: base }),
		});
		let cursor =
			state.cursorFor === cursorFor ? (state.cursor as PollCursor | undefined) : undefined;
		if (cursor === undefined) {
			const startFrom = this.getNodeParameter('startFrom', '') as string;
			if (startFrom === '') {
				state.cursor = await startCursor.call(this, path, filters, clock);
				state.cursorFor = cursorFor;
				return null;
			}
			cursor = { updatedAt: new Date(startFrom).toISOString(), keys: [] };
		}

		const read = await readChangesSince.call(this, path, filters, cursor, clock);
		// Only reached after a complete read: a failed poll leaves the stored cursor as it was.
		state.cursor = read.cursor;
		state.cursorFor = cursorFor;
		return read.records.length ? [this.helpers.returnJsonArray(read.records)] : null;
	}
}
