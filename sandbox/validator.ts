// ajv over the converted OpenAPI schemas (contract.ts): write bodies in the sandbox, and answers and request bodies
// in the tests (test/contract/validate.ts), so both judge by the same compiled schemas.
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { JsonSchema } from './contract';
import { recordSchema, requestSchema } from './contract';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

/** Compiles once per id (e.g. `POST /api/eam/assets`); schemas for one id never change. */
export function validatorFor(id: string, schema: JsonSchema): ValidateFunction {
	let validate = compiled.get(id);
	if (!validate) {
		validate = ajv.compile(schema);
		compiled.set(id, validate);
	}
	return validate;
}

/** ajv errors as one problem per top-level field (`fields` of a 422); type errors name the published type. */
export function fieldProblems(errors: ErrorObject[] | null | undefined): Record<string, string> {
	const problems: Record<string, string> = {};
	for (const e of errors ?? []) {
		if (e.keyword === 'additionalProperties') {
			problems[(e.params as { additionalProperty: string }).additionalProperty] ??= 'is not a published field';
			continue;
		}
		const field = e.instancePath.split('/')[1] ?? '(body)';
		if (e.keyword === 'type' && (e.params as { type: string }).type !== 'null') problems[field] ??= `must be of type ${(e.params as { type: string }).type}`;
		else if (e.keyword !== 'type' && e.keyword !== 'anyOf') problems[field] ??= e.message ?? 'is invalid';
	}
	return problems;
}

/** Checks a request body against the published request schema of (method, template path); undefined when none. */
export function requestProblems(method: string, template: string, body: unknown): Record<string, string> | undefined {
	const schema = requestSchema(method, template);
	if (!schema) return undefined;
	const validate = validatorFor(`request ${method} ${template}`, schema);
	return validate(body) ? {} : fieldProblems(validate.errors);
}

/** Checks (part of) a record against its published component. */
export function recordProblems(component: string, values: unknown): Record<string, string> {
	const validate = validatorFor(`record ${component}`, recordSchema(component));
	return validate(values) ? {} : fieldProblems(validate.errors);
}
