import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
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
import { MakiniWebhookApi } from '../../credentials/MakiniWebhookApi.credentials';

/** Credential data per type, as plain objects; a test may read them back (e.g. after an OAuth2 refresh). */
export type CredentialStore = Record<string, ICredentialDataDecryptedObject>;

export const credentialTypes: Record<string, ICredentialType> = {
	makiniApi: new MakiniApi(),
	makiniOAuth2Api: new MakiniOAuth2Api(),
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

	async preAuthentication(): Promise<undefined> {
		return undefined;
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
