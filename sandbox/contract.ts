// Makini's published OpenAPI files (copied verbatim into ./openapi) as JSON Schema. The one conversion shared by the
// sandbox (record fields, write validation) and the conformance tests, so what is served and what is checked agree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, any>;
export type JsonSchema = Json;

const load = (file: string): Json => JSON.parse(readFileSync(join(__dirname, 'openapi', file), 'utf8'));
export const EAM_SPEC = load('openapi-eam.json');
export const SYSTEM_SPEC = load('openapi-system.json');

/**
 * Published types that contradict the same file and the issue's own reading: list-of-keys fields typed `string`
 * while their siblings (`PreventiveMaintenance.assetKeys`, `User.siteKeys`, `Document.entityKeys`, `Labor.siteKeys`,
 * `Part.siteKeys`) are arrays.
 * Served and validated as arrays of strings. Nothing else departs from the published types.
 */
const KEY_LISTS_TYPED_STRING: Record<string, string[]> = {
	Counter: ['assetKeys'],
	Asset: ['accountKeys'],
	PreventiveMaintenance: ['assetTemplateKeys'],
	Labor: ['organizationKeys'],
	Part: ['vendorKeys'],
};

const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object']);
const nullable = (schema: JsonSchema): JsonSchema => (Object.keys(schema).length === 0 ? schema : { anyOf: [schema, { type: 'null' }] });

/**
 * OpenAPI 3.0 → JSON Schema (draft 2019/2020 as ajv reads it):
 * - `$ref: #/components/schemas/X` → `#/$defs/X` (siblings of a $ref are dropped, as OpenAPI 3.0 ignores them);
 * - `format` is dropped: the generator echoes the type (`"string"`) or a Laravel rule (`"nullable|date"`) there;
 * - `type: "nullable"`, and `type: "object"` without properties, are the generator's untyped ("mixed") → any value;
 * - objects with properties get `additionalProperties: false`: a field the file does not publish is an error;
 * - every property accepts null. The generator writes `nullable: false` on every record property alike, including
 *   `deletedAt` and `endedAt`, which are null on live records and open downtime: the flag carries no information.
 */
export function toJsonSchema(node: Json, owner?: string): JsonSchema {
	if (typeof node.$ref === 'string') return { $ref: node.$ref.replace('#/components/schemas/', '#/$defs/') };
	const type = node.type;
	if (type === 'array') return node.items ? { type: 'array', items: toJsonSchema(node.items) } : { type: 'array' };
	if (type === 'object' || (type === undefined && node.properties)) {
		// `properties: []` (PHP's empty array) publishes no fields at all: as untyped as no properties.
		if (!node.properties || Array.isArray(node.properties)) return {};
		const properties: Json = {};
		for (const [name, prop] of Object.entries<Json>(node.properties)) {
			const keyList = owner && KEY_LISTS_TYPED_STRING[owner]?.includes(name);
			properties[name] = nullable(keyList ? { type: 'array', items: { type: 'string' } } : toJsonSchema(prop));
		}
		return { type: 'object', properties, additionalProperties: false };
	}
	return TYPES.has(type) ? { type } : {};
}

/** Every component of a spec, converted, for a schema's `$defs`. */
function definitions(spec: Json): Json {
	return Object.fromEntries(Object.entries<Json>(spec.components?.schemas ?? {}).map(([name, s]) => [name, toJsonSchema(s, name)]));
}
const DEFS = { eam: definitions(EAM_SPEC), system: definitions(SYSTEM_SPEC) };

interface Route {
	spec: 'eam' | 'system';
	template: string;
	pattern: RegExp;
	item: Json;
}
const ROUTES: Route[] = (['eam', 'system'] as const).flatMap((spec) =>
	Object.entries<Json>((spec === 'eam' ? EAM_SPEC : SYSTEM_SPEC).paths).map(([template, item]) => ({
		spec,
		template,
		item,
		pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
	})),
);

/** Whether any method is published for a concrete path (405 versus 404). */
export const isPublishedPath = (path: string): boolean => ROUTES.some((r) => r.pattern.test(path));

/** The published operation for a concrete path (`/api/eam/assets/0301…` matches `/api/eam/assets/{key}`). */
export function operation(method: string, path: string): { spec: 'eam' | 'system'; template: string; op: Json } | undefined {
	const m = method.toLowerCase();
	const route = ROUTES.find((r) => r.item[m] && r.pattern.test(path));
	return route && { spec: route.spec, template: route.template, op: route.item[m] };
}

const standalone = (spec: 'eam' | 'system', schema: JsonSchema): JsonSchema => ({ $defs: DEFS[spec], ...schema });

/**
 * Lists whose published items contradict the same file: the materials of a work order (`GET work-orders/{key}/materials`,
 * summary "List WorkOrder Materials") and of all work orders (`GET work-orders/materials`) publish `WorkOrder` items,
 * which have no field for a material or its quantities, while the file's `MaterialItem` (referenced by no path) is
 * exactly such a line: `materialKey`, `workOrderKey`, `requiredQuantity`, `quantity`, and `pmKey`/`assetTemplateKey`
 * for the other material lists. Served and validated as `MaterialItem` lists. The writes beside them
 * (`POST work-orders/{key}/materials`, `PUT …/{materialKey}`) keep their published `WorkOrder` answer.
 */
const LIST_ITEMS_PUBLISHED_WRONG: Record<string, string> = {
	'GET /api/eam/work-orders/{key}/materials': 'MaterialItem',
	'GET /api/eam/work-orders/materials': 'MaterialItem',
};

/** JSON Schema of the 200 answer of (method, path), or undefined when the operation is not published. */
export function responseSchema(method: string, path: string): JsonSchema | undefined {
	const found = operation(method, path);
	const schema = found?.op.responses?.['200']?.content?.['application/json']?.schema;
	if (!schema) return undefined;
	const converted = toJsonSchema(schema);
	const items = LIST_ITEMS_PUBLISHED_WRONG[`${method.toUpperCase()} ${found!.template}`];
	if (items) converted.properties.data = nullable({ type: 'array', items: { $ref: `#/$defs/${items}` } });
	return standalone(found!.spec, converted);
}

/** JSON Schema of the JSON request body of (method, path), or undefined when none is published. */
export function requestSchema(method: string, path: string): JsonSchema | undefined {
	const found = operation(method, path);
	const schema = found?.op.requestBody?.content?.['application/json']?.schema;
	return schema && standalone(found!.spec, toJsonSchema(schema));
}

/** JSON Schema of one record of a component (every property optional, as published). */
export const recordSchema = (component: string): JsonSchema => standalone('eam', { $ref: `#/$defs/${component}` });

/** The component a list path serves (`assets` → `Asset`), from its published 200 answer. */
export function recordComponent(entityPath: string): string {
	const ref: string | undefined = EAM_SPEC.paths[`/api/eam/${entityPath}`]?.get?.responses?.['200']?.content?.['application/json']?.schema?.properties?.data?.items?.$ref;
	if (!ref) throw new Error(`openapi-eam.json publishes no list of '${entityPath}'`);
	return ref.split('/').pop()!;
}

/** A component's converted schema (properties in published order). */
export const componentSchema = (name: string, spec: 'eam' | 'system' = 'eam'): JsonSchema => DEFS[spec][name];
