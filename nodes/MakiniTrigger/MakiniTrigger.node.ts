import { createHash } from 'crypto';
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

import { shapeDelivery, type DeliveryJson } from './deliveryItems';
import { acceptInProcess, deliveryKeys, duplicateOptions } from './duplicateFilter';
import { EVENT_OPTIONS, isEventSelected } from './events';
import { unprocessedDeliveries } from './processedDeliveries';
import { resolveChangedRecords } from './resolveRecords';
import { isValidWebhookSignature } from './signature';

const NO_SECRET =
	'The Makini API credential has no Webhook Secret. Paste the secret Makini shows under Developers → Webhooks into the credential: without it deliveries cannot be verified and are refused.';

async function webhookSecret(this: IHookFunctions | IWebhookFunctions): Promise<string> {
	const credentials = await this.getCredentials('makiniApi');
	return typeof credentials.webhookSecret === 'string' ? credentials.webhookSecret : '';
}

/** Fails activation (and "Listen for test event") while no secret is set: unverifiable input never starts a workflow. */
async function requireWebhookSecret(this: IHookFunctions): Promise<boolean> {
	if ((await webhookSecret.call(this)) === '') throw new NodeOperationError(this.getNode(), NO_SECRET);
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
		description: 'Starts the workflow when Makini sends a webhook (record changes, sync and connection events)',
		defaults: { name: 'Makini Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'makiniApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
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
				placeholder: 'Add option',
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
			// Nothing to look up or register remotely: the user adds the URL in the Makini dashboard.
			// Both hooks run on activation, so a missing secret stops it with a clear message.
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
		const secret = await webhookSecret.call(this);
		// 500 rather than 4xx: Makini keeps retrying, so deliveries get through once the secret is set.
		if (secret === '') return answer.call(this, 500, { message: NO_SECRET });

		const req = this.getRequestObject();
		const header = req.headers['x-webhook-signature'];
		if (typeof header !== 'string' || header.trim() === '') {
			return answer.call(this, 401, { message: 'Missing X-Webhook-Signature header' });
		}
		// n8n reads the raw bytes lazily (as its own signed-webhook triggers do, ask for them first); only if
		// none are kept is the parsed body all there is, and its compact form is then what gets verified.
		if (!req.rawBody && typeof req.readRawBody === 'function') await req.readRawBody();
		const rawBody: Buffer = req.rawBody ?? Buffer.from(JSON.stringify(req.body ?? ''));
		const options = this.getNodeParameter('options', {}) as IDataObject;
		// Checked before parsing and HMAC work: an oversized body costs neither, signed or not.
		const maxBodySizeKb = (options.maxBodySizeKb as number | undefined) ?? 1024;
		if (rawBody.length > maxBodySizeKb * 1024) {
			return answer.call(this, 413, { message: `Body larger than ${maxBodySizeKb} KB` });
		}
		// Strict UTF-8, and nesting too deep to re-serialise, both count as "not JSON" rather than a crash.
		let parsed: unknown;
		let compact: string | undefined;
		try {
			parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(rawBody));
			compact = JSON.stringify(parsed);
		} catch {
			parsed = undefined;
			compact = undefined;
		}
		if (!isValidWebhookSignature(secret, header, rawBody, compact)) {
			return answer.call(this, 401, { message: 'Invalid webhook signature' });
		}
		const payload = parsed as IDataObject | null;
		if (
			compact === undefined ||
			typeof payload !== 'object' ||
			payload === null ||
			Array.isArray(payload) ||
			typeof payload.event !== 'string' ||
			payload.event.trim() === ''
		) {
			return answer.call(this, 400, { message: 'Body is not a Makini webhook payload (JSON object with "event")' });
		}

		const event = payload.event;
		const events = this.getNodeParameter('events', []) as string[];
		const customEvents = this.getNodeParameter('customEvents', '') as string;
		if (!isEventSelected(event, events, customEvents)) {
			return answer.call(this, 200, { received: true, started: false, reason: 'event not selected' });
		}

		const deliveryFingerprint = createHash('sha256').update(compact).digest('hex');
		const duplicates = duplicateOptions(options);
		const keys = deliveryKeys(deliveryFingerprint, payload.id, duplicates.identicalBodyIsDuplicate);
		if (!acceptInProcess.call(this, keys, Date.now(), duplicates)) {
			return answer.call(this, 200, { received: true, started: false, reason: 'duplicate' });
		}

		const connectionId = payload.connection_id ?? payload.connectionId;
		const delivery: DeliveryJson = {
			event,
			...(typeof connectionId === 'string' ? { connectionId } : {}),
			receivedAt: new Date().toISOString(),
			deliveryFingerprint,
			payload,
		};
		return { workflowData: [[{ json: delivery }]] };
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
					? shapeDelivery(delivery, perRecord, resolved).map((json) => ({ json, pairedItem: { item: index } }))
					: [],
			),
		];
	}
}
