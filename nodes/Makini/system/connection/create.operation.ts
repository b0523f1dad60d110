import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { transportOptions } from '../../descriptions/options';
import { fail, jsonObject } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRecord, makiniApiRequestAllItems, recordKey } from '../../transport';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['connection'], operation: ['create'] } },
	[
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Lakeshore Office Park CCN',
			description: 'Name of the new connection (usually the customer or site)',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description: 'Contact email of the connection',
		},
		{
			displayName: 'Platform',
			name: 'provider',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. carrier-ccn',
			description:
				'The platform (provider) to connect, as Makini names it (Makini System → Platform → Get Many)',
		},
		{
			displayName: 'Platform Credentials (JSON)',
			name: 'platformCredentials',
			type: 'json',
			default: '{}',
			description:
				'The source system\'s credentials, as that platform expects them, e.g. {"api": "https://…", "login": "…", "password": "…"}',
		},
		{
			displayName:
				"Makini answers a new connection's token pair but not its key. The node adds `key` by listing the connections afterwards and taking the newest one with this name and email (null if none is found), so keep name + email unique.",
			name: 'keyNotice',
			type: 'notice',
			default: '',
		},
		transportOptions('write'),
	],
);

/** The newest connection with this name and email (latest created_at; on a tie the last listed). */
function newestMatch(
	connections: IDataObject[],
	name: string,
	email: string,
): IDataObject | undefined {
	let best: IDataObject | undefined;
	for (const c of connections) {
		if (c.name !== name || c.email !== email) continue;
		if (!best || String(c.created_at ?? '') >= String(best.created_at ?? '')) best = c;
	}
	return best;
}

/**
 * POST /api/system/connections → ConnectionStore {access_token, refresh_token, expires_in}; then the key of the
 * connection it created, found by listing connections (the published answer has none).
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: ListOptions,
): Promise<IDataObject[]> {
	const name = String(this.getNodeParameter('name', itemIndex, '')).trim();
	const email = String(this.getNodeParameter('email', itemIndex, '')).trim();
	const provider = String(this.getNodeParameter('provider', itemIndex, '')).trim();
	if (name === '') fail(this, itemIndex, 'Name', 'a name is required');
	if (!/^[^@\s]+@[^@\s]+$/.test(email))
		fail(this, itemIndex, 'Email', `"${email}" is not an email address`);
	if (provider === '') fail(this, itemIndex, 'Platform', 'a platform (provider) is required');
	const credentials = jsonObject(
		this,
		itemIndex,
		'Platform Credentials (JSON)',
		this.getNodeParameter('platformCredentials', itemIndex, '{}'),
	);
	const store = await makiniApiRecord.call(
		this,
		{
			method: 'POST',
			path: '/api/system/connections',
			body: { name, email, provider, credentials },
			itemIndex,
		},
		transport,
	);
	const connections = await makiniApiRequestAllItems.call(
		this,
		'/api/system/connections',
		{},
		{ ...transport, itemIndex },
	);
	const found = newestMatch(connections, name, email);
	return [{ ...store, key: found ? (recordKey(found) ?? null) : null }];
}
