import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

// One per Makini webhook: Makini issues a signing secret for each URL added in its dashboard, so the
// secret lives apart from the connection credential (which several triggers can then share).
export class MakiniWebhookApi implements ICredentialType {
	name = 'makiniWebhookApi';

	displayName = 'Makini Webhook API';

	icon: Icon = {
		light: 'file:../nodes/Makini/makini.svg',
		dark: 'file:../nodes/Makini/makini.dark.svg',
	};

	documentationUrl = 'https://docs.makini.io/';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"The secret Makini shows for the webhook with this trigger's Production URL (Makini dashboard → Developers → Webhooks)",
		},
		{
			displayName: 'Test Webhook Secret',
			name: 'testSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Only if you added the trigger's Test URL as a second webhook in Makini: its secret, used while you listen for a test event. Empty: the Test URL is verified with the Webhook Secret above.",
		},
	];
}
