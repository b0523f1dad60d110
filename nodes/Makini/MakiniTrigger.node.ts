import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { checkDelivery, NO_SECRET } from './trigger/checkDelivery';
import { shapeDelivery, type DeliveryJson } from './trigger/deliveryItems';
import { duplicateOptions } from './trigger/deliveryMemory';
import { EVENT_OPTIONS } from './trigger/events';
import { unprocessedDeliveries } from './trigger/processedDeliveries';
import { keepInStaticData, processMemory } from './trigger/processMemory';
import { resolveChangedRecords } from './trigger/resolveRecords';

async function webhookSecret(this: IHookFunctions | IWebhookFunctions): Promise<string> {
	const credentials = await this.getCredentials('makiniApi');
	return typeof credentials.webhookSecret === 'string' ? credentials.webhookSecret : '';
}

/** Fails activation (and "Listen for test event") while no secret is set: unverifiable input never starts a workflow. */
async function requireWebhookSecret(this: IHookFunctions): Promise<boolean> {
	if ((await webhookSecret.call(this)) === '')
		throw new NodeOperationError(this.getNode(), NO_SECRET);
	return true;
}

/** Answers the delivery here and starts nothing (n8n sends no response of its own). */
function answer(this: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	const res = this.getResponseObject();
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
	return { noWebhookResponse: true };
}

export class MakiniTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Makini Trigger',
		name: 'makiniTrigger',
		icon: { light: 'file:makini.svg', dark: 'file:makini.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when Makini sends a webhook (record changes, sync and connection events)',
		defaults: { name: 'Makini Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'makiniApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					'Makini cannot register webhooks through its API, so set this up once in the Makini dashboard: open Developers → Webhooks, add this node\'s Production URL (the Test URL while you click "Listen for test event"), choose the same events as below, and paste the secret Makini shows into the Webhook Secret field of this node\'s Makini API credential.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				options: EVENT_OPTIONS,
				description: 'Deliveries of other events are acknowledged and start nothing',
			},
			{
				displayName: 'Custom Events',
				name: 'customEvents',
				type: 'string',
				default: '',
				placeholder: 'e.g. meters.updated, sync.started',
				description: 'Comma-separated event names Makini may add later, also accepted',
			},
			{
				displayName: 'Output',
				name: 'outputMode',
				type: 'options',
				default: 'delivery',
				options: [
					{ name: 'One Item per Delivery', value: 'delivery' },
					{ name: 'One Item per Changed Record', value: 'record' },
				],
			},
			{
				displayName: 'Resolve Records',
				name: 'resolveRecords',
				type: 'boolean',
				default: false,
				description:
					'Whether to fetch the full changed records (Makini sends only their IDs). Records Makini no longer has are flagged as missing.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Duplicate Window (Hours)',
						name: 'retentionHours',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 48,
						description:
							'How long a delivery is remembered so that redeliveries start nothing. Makini retries for up to 24 hours.',
					},
					{
						displayName: 'Remembered Deliveries',
						name: 'maxEntries',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 5000,
						description:
							'Upper bound of the duplicate memory (saved with the workflow, about 50 bytes each); the oldest entries are forgotten first',
					},
					{
						displayName: 'Max Body Size (KB)',
						name: 'maxBodySizeKb',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 1024,
						description:
							'Larger deliveries are answered 413 before they are parsed or verified and start nothing. Makini deliveries carry only record IDs, so they stay far below the default.',
					},
					{
						displayName: 'Identical Body Is a Duplicate',
						name: 'identicalBodyIsDuplicate',
						type: 'boolean',
						default: true,
						description:
							'Whether a body identical to one already received counts as a redelivery. Data-change events carry no event ID, so turning this off lets repeated changes of the same records through, and redeliveries too.',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			// Nothing to look up or register remotely: the user adds the URL in the Makini dashboard. n8n calls
			// create only when checkExists returns false, so checkExists alone stops a secretless activation.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await requireWebhookSecret.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await requireWebhookSecret.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	/**
	 * Verifies and de-duplicates; it does no API calls so Makini gets its answer well within 10 s.
	 * Resolving records happens in execute(), which n8n runs inside the started execution.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		// n8n reads the raw bytes lazily (as its own signed-webhook triggers do, ask for them first); only if
		// none are kept is the parsed body all there is, and its compact form is then what gets verified.
		if (!req.rawBody && typeof req.readRawBody === 'function') await req.readRawBody();
		const rawBody: Buffer = req.rawBody ?? Buffer.from(JSON.stringify(req.body ?? ''));
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const memory = processMemory(this);
		const verdict = checkDelivery(
			{
				secret: await webhookSecret.call(this),
				signature: req.headers['x-webhook-signature'],
				rawBody,
			},
			{
				events: this.getNodeParameter('events', []) as string[],
				customEvents: this.getNodeParameter('customEvents', '') as string,
				maxBodySizeKb: (options.maxBodySizeKb as number | undefined) ?? 1024,
				...duplicateOptions(options),
			},
			memory,
			Date.now(),
		);
		if ('delivery' in verdict) {
			keepInStaticData(this, memory);
			return { workflowData: [[{ json: verdict.delivery }]] };
		}
		return answer.call(
			this,
			verdict.status,
			verdict.status === 200
				? { received: true, started: false, reason: verdict.reason }
				: { message: verdict.reason },
		);
	}

	/**
	 * Runs in the execution n8n starts with webhook()'s output: drops redeliveries n8n's deduplication store
	 * knows (webhook() has no access to it), then splits and resolves records.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const received = this.getInputData().map((item) => item.json as DeliveryJson);
		const deliveries = await unprocessedDeliveries.call(this, received);
		const perRecord = this.getNodeParameter('outputMode', 0) === 'record';
		const resolved = this.getNodeParameter('resolveRecords', 0)
			? await resolveChangedRecords.call(this, deliveries)
			: undefined;
		return [
			received.flatMap((delivery, index) =>
				deliveries.includes(delivery)
					? shapeDelivery(delivery, perRecord, resolved).map((json) => ({
							json,
							pairedItem: { item: index },
						}))
					: [],
			),
		];
	}
}
