// The package loads in n8n the way users install it: node and credential types under the package name,
// and n8n's own credential test passes with a good token and fails clearly with a bad one.
import type { Stack } from '../../../demo/n8n/stack';
import { publishedFields } from '../../../nodes/Makini/descriptions/publishedFields';
import { PACKAGE } from '../helpers';

export function registrationSuite(getStack: () => Stack): void {
	describe('package registration', () => {
		it('registers the three nodes under the package name', async () => {
			const names = (await getStack().rest.nodeTypes()).map((t) => t.name);
			expect(names).toEqual(
				expect.arrayContaining([`${PACKAGE}.makini`, `${PACKAGE}.makiniTrigger`, `${PACKAGE}.makiniPollingTrigger`]),
			);
			expect(names.filter((n) => n.startsWith('CUSTOM.'))).toEqual([]);
		});

		it.each([
			['makini', { resource: 'workOrder', operation: 'getAll' }, 'filters.conditions', 'work-orders'],
			['makiniPollingTrigger', { event: 'recordChanged', resource: 'assets' }, 'filters.filter', 'assets'],
		])('%s offers the published fields as the Filters field (load options in n8n)', async (type, parameters, row, entity) => {
			const options = await getStack().rest.request<Array<{ name: string; value: string }>>('POST', '/dynamic-node-parameters/options', {
				nodeTypeAndVersion: { name: `${PACKAGE}.${type}`, version: 1 },
				path: `parameters.${row}.field`,
				methodName: 'getFilterFields',
				currentNodeParameters: parameters,
			});
			expect(options.map((o) => o.value)).toEqual([...publishedFields[entity], 'id', '_idValue', '_displayValue', '_createdAt', '_updatedAt', '_deletedAt']);
		});

		it('registers both credential types', async () => {
			const names = (await getStack().rest.credentialTypes()).map((t) => t.name);
			expect(names).toEqual(expect.arrayContaining(['makiniApi', 'makiniOAuth2Api']));
		});
	});

	describe('credential test in n8n', () => {
		it('passes with the sandbox connection token', async () => {
			const { rest, credentials, sandbox } = getStack();
			const { ccn } = credentials;
			const result = await rest.testCredential(ccn.id, ccn.name, 'makiniApi', { baseUrl: sandbox.url, token: ccn.connection.token });
			expect(result).toEqual(expect.objectContaining({ status: 'OK' }));
		});

		it('fails with a clear message, without echoing the token, for a wrong token', async () => {
			const { rest, sandbox } = getStack();
			const badToken = 'mk_wrong_token_e2e_0000';
			const id = await rest.upsertCredential('Makini (wrong token)', 'makiniApi', { baseUrl: sandbox.url, token: badToken });
			const result = await rest.testCredential(id, 'Makini (wrong token)', 'makiniApi', { baseUrl: sandbox.url, token: badToken });
			expect(result.status).toBe('Error');
			// n8n 1.x shows its own 401 text for declarative credential tests; either wording names the problem
			expect(result.message).toMatch(/Makini rejected the token|Authorization failed - please check your credentials/);
			expect(result.message).not.toContain(badToken);
		});
	});
}
