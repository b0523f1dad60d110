import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsExpressionResolveValues,
	ICredentialType,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, deepCopy } from 'n8n-workflow';

import { MakiniApi } from '../../credentials/MakiniApi.credentials';
import { MakiniOAuth2Api } from '../../credentials/MakiniOAuth2Api.credentials';
import { MakiniSystemApi } from '../../credentials/MakiniSystemApi.credentials';
import { MakiniWebhookApi } from '../../credentials/MakiniWebhookApi.credentials';

/** Credential data per type, as plain objects; a test may read them back (e.g. after an OAuth2 refresh). */
export type CredentialStore = Record<string, ICredentialDataDecryptedObject>;

export const credentialTypes: Record<string, ICredentialType> = {
	makiniApi: new MakiniApi(),
	makiniOAuth2Api: new MakiniOAuth2Api(),
	makiniSystemApi: new MakiniSystemApi(),
	makiniWebhookApi: new MakiniWebhookApi(),
};

/**
 * n8n's credentials helper, minus the database: decrypted data is the test's plain object, with the credential
 * type's defaults filled in; `authenticate` applies the type's declarative `authenticate` block through n8n's
 * own expression engine, as the n8n server does.
 */
export class PlainCredentialsHelper extends ICredentialsHelper {
	readonly tokenUpdates: Array<{ type: string; data: ICredentialDataDecryptedObject }> = [];

	workflow?: Workflow;

	constructor(private readonly store: CredentialStore) {
		super();
	}

	getParentTypes(name: string): string[] {
		const parents = credentialTypes[name]?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialTypes[typeName]?.authenticate;
		const options = requestOptions as IHttpRequestOptions;
		if (authenticate === undefined) return options;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		const resolve = (value: unknown) =>
			workflow.expression.getParameterValue(value as string, null, 0, 0, node.name, [], 'internal', {
				$credentials: credentials,
			});
		const properties = authenticate.properties as Record<string, Record<string, unknown> | undefined>;
		for (const target of ['headers', 'qs', 'body'] as const) {
			const values = properties[target];
			if (!values) continue;
			const resolved = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, resolve(v)]));
			options[target] = { ...((options[target] as object) ?? {}), ...resolved } as never;
		}
		return options;
	}

	/** Every preAuthentication the harness ran: the credential type, and whether a 401 asked for it. */
	readonly preAuthentications: Array<{ type: string; expired: boolean }> = [];

	/**
	 * The contract n8n-core relies on (it calls this before each authenticated request, and again with
	 * `credentialsExpired` after a 401): a type that keeps a token in a hidden field marked `expirable` gets a
	 * fresh one from its own preAuthentication when that field is still empty or the token was refused. The new
	 * values are saved to the store (so the next run starts with them) and handed back for this request; in
	 * every other case nothing is returned and the request goes out with the credentials as they are.
	 */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = credentialTypes[typeName];
		const fetchToken = type?.preAuthentication;
		const tokenField = type?.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true)?.name;
		if (typeof fetchToken !== 'function' || tokenField === undefined) return undefined;
		const needsToken = credentialsExpired || credentials[tokenField] === '' || credentials[tokenField] === undefined;
		if (!needsToken) return undefined;
		this.preAuthentications.push({ type: typeName, expired: credentialsExpired });
		const fresh = await fetchToken.call(helpers, credentials);
		if (fresh[tokenField] === undefined) return undefined;
		const renewed = { ...credentials, ...fresh } as ICredentialDataDecryptedObject;
		const reference = node.credentials?.[typeName];
		if (reference === undefined) return undefined;
		await this.updateCredentials(reference, typeName, renewed);
		Object.assign(credentials, fresh);
		return renewed;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by the harness');
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode?: WorkflowExecuteMode,
		executeData?: IExecuteData,
		_raw?: boolean,
		item?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.store[type];
		if (!data) throw new Error(`The test passed no "${type}" credentials`);
		const withDefaults: ICredentialDataDecryptedObject = {};
		for (const property of this.getCredentialsProperties(type)) {
			if (property.default !== undefined) withDefaults[property.name] = property.default as string;
		}
		Object.assign(withDefaults, deepCopy(data));
		// A node reading its credentials while it runs hands over its item: expressions in the credential data
		// (a token taken from `$json`) see that item, as in n8n.
		if (item) {
			return item.workflow.expression.getParameterValue(
				withDefaults as INodeParameters,
				item.runExecutionData,
				item.runIndex,
				item.itemIndex,
				item.node.name,
				item.connectionInputData,
				mode ?? 'internal',
				{},
				executeData,
				false,
				withDefaults,
			) as ICredentialDataDecryptedObject;
		}
		// Expression defaults (e.g. the OAuth2 token URL built from baseUrl via $self) resolve as in n8n.
		if (!this.workflow) throw new Error('PlainCredentialsHelper.workflow is not set');
		const node = Object.values(this.workflow.nodes)[0];
		return this.workflow.expression.getComplexParameterValue(
			node,
			withDefaults as INodeParameters,
			'internal',
			{},
			undefined,
			undefined,
			withDefaults,
		) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(_details: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.store[type] = data;
	}

	async updateCredentialsOauthTokenData(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.tokenUpdates.push({ type, data: deepCopy(data) });
		this.store[type] = { ...this.store[type], oauthTokenData: data.oauthTokenData };
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type]?.properties ?? [];
	}
}
