import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
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

	readonly preAuthentications: Array<{ type: string; expired: boolean }> = [];

	/**
	 * n8n's CredentialsHelper.preAuthentication (n8n 1.123): when the type has a hidden `expirable` field that is
	 * empty, or the request answered 401 (credentialsExpired), or a credential test runs, call the type's
	 * preAuthentication, save the result and merge it into the credentials in use.
	 */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = credentialTypes[typeName];
		const expirable = type?.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (expirable?.name === undefined || typeof type.preAuthentication !== 'function') return undefined;
		const testing = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !testing) return undefined;
		this.preAuthentications.push({ type: typeName, expired: credentialsExpired });
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		if (!node.credentials) return undefined;
		await this.updateCredentials(node.credentials[typeName], typeName, Object.assign(credentials, output));
		return Object.assign(credentials, output);
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by the harness');
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.store[type];
		if (!data) throw new Error(`The test passed no "${type}" credentials`);
		const withDefaults: ICredentialDataDecryptedObject = {};
		for (const property of this.getCredentialsProperties(type)) {
			if (property.default !== undefined) withDefaults[property.name] = property.default as string;
		}
		Object.assign(withDefaults, deepCopy(data));
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
