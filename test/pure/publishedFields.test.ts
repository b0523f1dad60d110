import { readFileSync } from 'fs';
import { join } from 'path';

import { publishedFields } from '../../nodes/Makini/descriptions/publishedFields';

// The shipped map of published fields is generated text: it must be exactly what the OpenAPI file publishes, so
// the field pickers cannot drift from the contract. On failure the test prints the constant to paste.

type Schema = { properties?: Record<string, unknown>; type?: string; items?: { $ref?: string } };
const api = JSON.parse(readFileSync(join(__dirname, '..', '..', 'sandbox', 'openapi', 'openapi-eam.json'), 'utf8')) as {
	paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, { schema: Schema }> }> } }>;
	components: { schemas: Record<string, Schema> };
};

/** List path under /api/eam → the property names of its item schema, alphabetical. */
function derive(): Record<string, string[]> {
	const map: Record<string, string[]> = {};
	for (const [path, item] of Object.entries(api.paths)) {
		if (!path.startsWith('/api/eam/') || path.includes('{') || !item.get) continue;
		const data = item.get.responses['200']?.content?.['application/json']?.schema.properties?.data as Schema | undefined;
		const ref = data?.type === 'array' ? data.items?.$ref : undefined;
		if (!ref) continue;
		const schema = api.components.schemas[ref.split('/').pop()!];
		map[path.slice('/api/eam/'.length)] = Object.keys(schema.properties ?? {}).sort();
	}
	return map;
}

function source(map: Record<string, string[]>): string {
	const entries = Object.keys(map)
		.sort()
		.map((entity) => `\t'${entity}': [${map[entity].map((f) => `'${f}'`).join(', ')}],`);
	return `export const publishedFields: Record<string, string[]> = {\n${entries.join('\n')}\n};`;
}

test('publishedFields is generated from sandbox/openapi/openapi-eam.json', () => {
	const expected = derive();
	expect(Object.keys(expected).length).toBeGreaterThan(25);
	expect(expected['work-orders']).toContain('categoryName');
	const same = JSON.stringify(publishedFields) === JSON.stringify(Object.fromEntries(Object.keys(expected).sort().map((k) => [k, expected[k]])));
	if (!same)
		throw new Error(
			`nodes/Makini/descriptions/publishedFields.ts differs from the OpenAPI file: replace its constant with\n\n${source(expected)}\n\nthen run npm run lint:fix`,
		);
});
