// Judges what crosses the wire by Makini's published OpenAPI files (converted in sandbox/contract.ts, compiled by
// sandbox/validator.ts): the sandbox's answers (test/sandbox/conformance.test.ts) and the request bodies a client
// sends (node tests: `expect(requestErrors('POST', '/api/eam/service-requests', body)).toEqual([])`).
import type { ErrorObject } from 'ajv';
import { operation, requestSchema, responseSchema } from '../../sandbox/contract';
import type { JsonSchema } from '../../sandbox/contract';
import { v4Schema } from '../../sandbox/shape';
import { validatorFor } from '../../sandbox/validator';
import type { Settings } from '../../sandbox/types';

// A nullable property is `anyOf: [schema, null]`: its failure also reports "must be null" and "must match a schema in
// anyOf", which say nothing more.
const describeErrors = (errors: ErrorObject[] | null | undefined): string[] =>
	(errors ?? [])
		.filter((e) => e.keyword !== 'anyOf' && !(e.keyword === 'type' && (e.params as { type: string }).type === 'null'))
		.map((e) =>
		e.keyword === 'additionalProperties'
			? `${e.instancePath || '/'} has unpublished field '${(e.params as { additionalProperty: string }).additionalProperty}'`
			: `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`,
	);

function check(id: string, schema: JsonSchema, value: unknown): string[] {
	const validate = validatorFor(id, schema);
	return validate(value) ? [] : describeErrors(validate.errors);
}

/** Problems of a request body against the published request schema of (method, concrete path); [] = valid. */
export function requestErrors(method: string, path: string, body: unknown): string[] {
	const found = operation(method, path);
	const schema = requestSchema(method, path);
	if (!found || !schema) throw new Error(`No published request body for ${method} ${path}`);
	return check(`request ${method} ${found.template}`, schema, body);
}

/**
 * Problems of a 200 answer against the published answer of (method, concrete path); [] = valid. In the v4 record
 * shape the served record's component is replaced by its v4 derivation (sandbox/shape.ts v4Schema); nested objects
 * (documents, tasks, addresses) keep the published shape.
 */
export function responseErrors(method: string, path: string, body: unknown, shape: Settings['recordShape'] = 'key'): string[] {
	const found = operation(method, path);
	const schema = responseSchema(method, path);
	if (!found || !schema) throw new Error(`No published answer for ${method} ${path}`);
	const data = schema.properties?.data?.anyOf?.[0];
	const ref: string | undefined = data?.$ref ?? data?.items?.$ref;
	if (shape === 'key' || !ref) return check(`response ${method} ${found.template}`, schema, body);
	const component = ref.split('/').pop()!;
	const derived = { ...schema, $defs: { ...schema.$defs, [component]: v4Schema(schema.$defs[component]) } };
	return check(`response v4 ${method} ${found.template}`, derived, body);
}

// Error bodies are not in the published files (they publish 200 answers only): these follow CONTRACT.md ("Errors
// and limits") and the `{status, errors}` form other Makini-compatible servers send. `fields` is the sandbox's
// per-field detail of 400/422 answers.
const ERROR_BODIES: Record<Settings['errorForm'], JsonSchema> = {
	error: {
		type: 'object',
		required: ['error'],
		additionalProperties: false,
		properties: {
			error: {
				type: 'object',
				required: ['code', 'type', 'message', 'request_id'],
				additionalProperties: false,
				properties: {
					code: { type: 'string', pattern: '^[A-Z_]+$' },
					type: { type: 'string' },
					message: { type: 'string' },
					request_id: { type: 'string', pattern: '^req_' },
					fields: { type: 'object', additionalProperties: { type: 'string' } },
				},
			},
		},
	},
	status: {
		type: 'object',
		required: ['status', 'errors'],
		additionalProperties: false,
		properties: { status: { type: 'integer' }, errors: { type: 'array', minItems: 1, items: { type: 'string' } } },
	},
};

/** Problems of an error body against the given error form; [] = valid. */
export const errorBodyErrors = (body: unknown, form: Settings['errorForm']): string[] => check(`error body ${form}`, ERROR_BODIES[form], body);
