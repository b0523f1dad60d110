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

import { authenticationProperty } from './descriptions/authentication';
import { checkDelivery } from './trigger/checkDelivery';
import { shapeDelivery, type DeliveryJson } from './trigger/deliveryItems';
import { duplicateOptions } from './trigger/deliveryMemory';
import { EVENT_OPTIONS } from './trigger/events';
import { unprocessedDeliveries } from './trigger/processedDeliveries';
import { processMemory, shareFromExecution, shareFromWebhook } from './trigger/processMemory';
import { resolveChangedRecords } from './trigger/resolveRecords';
import { makiniWebhookSecretTest, webhookSecret } from './trigger/webhookSecret';

/** Fails activation (and "Listen for test event") while no secret is set: unverifiable input never starts a workflow. */
async function requireWebhookSecret(this: IHookFunctions): Promise<boolean> {
	const { secret, missing } = await webhookSecret.call(this);
	if (secret === '') throw new NodeOperationError(this.getNode(), missing);
	return true;
}

const V1 = { '@version': [1] };
const V2 = { '@version': [2] };

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
		// Version 2 takes the secret from a Makini Webhook API credential (one per Makini webhook) and asks for the
		// API only to resolve records; version 1 (saved workflows) reads the secret of its Makini API credential.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when Makini sends a webhook (record changes, sync and connection events)',
		defaults: { name: 'Makini Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// The API credential follows Authentication: fixed to the token on version 1, chosen with Resolve Records on 2.
		credentials: [
			{
				name: 'makiniWebhookApi',
				required: true,
				testedBy: 'makiniWebhookSecretTest',
				displayOptions: { show: { '@version': [2] } },
			},
			{
				name: 'makiniApi',
				required: true,
				displayOptions: { show: { authentication: ['apiToken'] } },
			},
			{
				name: 'makiniOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					"Makini cannot register webhooks through its API, so set this up once in the Makini dashboard: open Developers → Webhooks, add this node's Production URL, choose the same events as below, and paste the secret Makini shows into this node's Makini Webhook API credential. To use the Test URL, add it as a second webhook and put its secret in the Test Webhook Secret field.",
				name: 'setupNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: V2 },
			},
			{
				displayName:
					'This trigger (version 1) verifies deliveries with the Webhook Secret of its Makini API credential. To give each webhook its own secret and share one API credential: add a new Makini Trigger, select a Makini Webhook API credential with the secret Makini shows for this webhook, move the connections over and delete this node (its URL changes, so update it in Makini → Developers → Webhooks).',
				name: 'legacyNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: V1 },
			},
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'hidden',
				default: 'apiToken',
				displayOptions: { show: V1 },
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
				...authenticationProperty,
				description: 'How to reach the Makini API to resolve records',
				displayOptions: { show: { ...V2, resolveRecords: [true] } },
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

	methods = { credentialTest: { makiniWebhookSecretTest } };

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
		const duplicates = duplicateOptions(options);
		const memory = processMemory(this, duplicates.maxEntries);
		const { secret, missing } = await webhookSecret.call(this);
		const nowMs = Date.now();
		const verdict = checkDelivery(
			{
				secret,
				missingSecret: missing,
				signature: req.headers['x-webhook-signature'],
				rawBody,
			},
			{
				events: this.getNodeParameter('events', []) as string[],
				customEvents: this.getNodeParameter('customEvents', '') as string,
				maxBodySizeKb: (options.maxBodySizeKb as number | undefined) ?? 1024,
				...duplicates,
			},
			memory,
			nowMs,
		);
		if (verdict.status === 200) shareFromWebhook(this, memory, 'delivery' in verdict, nowMs);
		if ('delivery' in verdict) return { workflowData: [[{ json: verdict.delivery }]] };
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
	 * knows (webhook() has no access to it) and shares the delivery memory through static data when it is due
	 * (processMemory.ts), then splits and resolves records.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const received = this.getInputData().map((item) => item.json as DeliveryJson);
		const deliveries = await unprocessedDeliveries.call(this, received);
		await shareFromExecution(this);
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
