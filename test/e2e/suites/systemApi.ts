// The System API in a real n8n: the Makini System credential's own test (preAuthentication fetches the admin
// token), and example 6 run as imported — a connection is created in the sandbox, a token issued for it, the
// Makini node reads the new connection through a Makini API credential whose Connection Token is the
// expression {{ $json.token }} (resolved by n8n against the node's input item), and the connection is tagged.
import type { Stack } from '../../../demo/n8n/stack';
import { SYSTEM_CREDENTIAL_NAMES, TOKEN_FROM_INPUT } from '../../../demo/n8n/provision';
import { control, importExample, runExample } from '../helpers';

type Row = Record<string, unknown>;

export function systemApiSuite(getStack: () => Stack): void {
	describe('System API', () => {
		it('the Makini System credential passes its test in n8n (admin token from the client-credentials grant)', async () => {
			const stack = getStack();
			const { system } = stack.systemCredentials;
			const { clientId, clientSecret } = stack.sandbox.oauthClient;
			const data = { baseUrl: stack.sandbox.url, clientId, clientSecret };
			const passed = await stack.rest.testCredential(system.id, system.name, 'makiniSystemApi', data);
			expect(passed).toMatchObject({ status: 'OK' });
			// The same test with a wrong secret fails, and says where to look.
			const failed = await stack.rest.testCredential(system.id, system.name, 'makiniSystemApi', { ...data, clientSecret: 'sbx_cs_not-the-secret' });
			expect(failed.status).toBe('Error');
			expect(failed.message).toMatch(/Client Secret/);
			expect(failed.message).not.toContain('sbx_cs_not-the-secret');
		});

		it('example 6 provisions a connection, reads it with the token n8n resolves from the input item, and tags it', async () => {
			const stack = getStack();
			const { tokenFromInput } = stack.systemCredentials;
			expect(tokenFromInput.name).toBe(SYSTEM_CREDENTIAL_NAMES.tokenFromInput);
			expect(TOKEN_FROM_INPUT).toBe('={{ $json.token }}');
			const before = await control<Array<{ id: string }>>(stack, 'GET', '/connections');

			const workflow = await importExample(stack, '6-');
			const execution = await runExample(stack, workflow);
			expect(execution.error).toBeUndefined();
			expect(execution.status).toBe('success');

			// A connection was created in the sandbox (the node found its key by listing the connections).
			const [created] = execution.output['Create Connection'].map((i) => i.json as Row);
			expect(created).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), key: expect.stringMatching(/^conn_/) });
			const key = String(created.key);
			expect(before.map((c) => c.id)).not.toContain(key);
			const after = await control<Array<{ id: string; name: string; provider: string }>>(stack, 'GET', '/connections');
			expect(after.find((c) => c.id === key)).toMatchObject({ name: 'Lakeshore Office Park CCN', provider: 'carrier-ccn' });

			// A token was issued for it.
			const [issued] = execution.output['Create Token'].map((i) => i.json as Row);
			expect(issued.token).toEqual(expect.any(String));
			expect(issued.token).not.toBe(created.access_token);

			// The assets were read as the new connection: the sandbox counts requests per connection by the bearer
			// token, and only a token of this connection lands on it. A new connection has no assets yet, so the
			// node's "always output data" item is the output.
			const stats = stack.sandbox.stats(key);
			expect(stats.byStatus['200']).toBeGreaterThanOrEqual(1);
			expect(stats.byStatus['401']).toBeUndefined();
			expect(execution.output['Read Assets With The New Token'].map((i) => i.json)).toEqual([{}]);

			// And tagged through the System API, with what the read found.
			const [tagged] = execution.output['Set Metadata'].map((i) => i.json as Row);
			expect(tagged).toMatchObject({ key, metadata: { provisioned_by: 'n8n', assets_at_start: '0' } });
		});
	});
}
