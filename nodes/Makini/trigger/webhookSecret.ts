import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IHookFunctions,
	INodeCredentialTestResult,
	IWebhookFunctions,
} from 'n8n-workflow';

import { NO_SECRET } from './checkDelivery';

export const NO_WEBHOOK_CREDENTIAL_SECRET =
	'The Makini Webhook API credential has no Webhook Secret. Paste the secret Makini shows for this webhook under Developers → Webhooks into it: without it deliveries cannot be verified and are refused.';

/** The secret deliveries must be signed with ('' when none is set), and what to say when it is missing. */
export interface WebhookSecret {
	secret: string;
	missing: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Version 1 keeps reading the secret of its Makini API credential, so saved workflows verify as before.
 * Version 2 reads its Makini Webhook API credential; n8n runs the Test URL (and its "Listen for test event"
 * activation) in mode 'manual', which gets the Test Webhook Secret when one is set.
 */
export async function webhookSecret(
	this: IHookFunctions | IWebhookFunctions,
): Promise<WebhookSecret> {
	if (this.getNode().typeVersion < 2) {
		const credentials = await this.getCredentials('makiniApi');
		return { secret: text(credentials.webhookSecret), missing: NO_SECRET };
	}
	const credentials = await this.getCredentials('makiniWebhookApi');
	const testSecret = this.getMode() === 'manual' ? text(credentials.testSecret) : '';
	return {
		secret: testSecret || text(credentials.secret),
		missing: NO_WEBHOOK_CREDENTIAL_SECRET,
	};
}

/**
 * Makini offers no call that confirms a webhook secret, so the credential test checks what a paste can get
 * wrong: a missing secret, or whitespace around it (every signature would then fail with 401).
 */
export async function makiniWebhookSecretTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const fields = {
		'Webhook Secret': credential.data?.secret,
		'Test Webhook Secret': credential.data?.testSecret,
	};
	for (const [field, value] of Object.entries(fields)) {
		const secret = text(value);
		if (field === 'Webhook Secret' && secret === '')
			return { status: 'Error', message: 'The Webhook Secret is empty' };
		if (secret !== secret.trim())
			return { status: 'Error', message: `The ${field} starts or ends with a space or line break` };
	}
	return {
		status: 'OK',
		message:
			'Secret set. Makini confirms it only by signing deliveries: a wrong secret answers them 401.',
	};
}
