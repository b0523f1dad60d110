// Error bodies in either form a Makini-compatible server uses (Settings.errorForm): the contract's
// { error: { code, type, message, request_id, fields? } } or { status, errors: ["..."] }.
const TYPES: Record<number, [code: string, type: string]> = {
	400: ['INVALID_REQUEST', 'invalid_request'],
	401: ['AUTHENTICATION_FAILED', 'authentication'],
	403: ['PERMISSION_DENIED', 'permission'],
	404: ['NOT_FOUND', 'not_found'],
	405: ['METHOD_NOT_ALLOWED', 'invalid_request'],
	413: ['PAYLOAD_TOO_LARGE', 'invalid_request'],
	422: ['VALIDATION_FAILED', 'validation'],
	429: ['RATE_LIMIT_EXCEEDED', 'rate_limit'],
	500: ['INTERNAL_ERROR', 'api_error'],
	502: ['UPSTREAM_ERROR', 'upstream'],
	503: ['SERVICE_UNAVAILABLE', 'unavailable'],
	504: ['UPSTREAM_TIMEOUT', 'upstream'],
};

export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly code = (TYPES[status] ?? TYPES[500])[0],
		readonly fields?: Record<string, string>,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}

	body(requestId: string, form: 'error' | 'status'): object {
		if (form === 'status') {
			const errors = this.fields ? Object.entries(this.fields).map(([field, problem]) => `The ${field} field ${problem}.`) : [this.message];
			return { status: this.status, errors };
		}
		const type = (TYPES[this.status] ?? TYPES[500])[1];
		const error: Record<string, unknown> = { code: this.code, type, message: this.message, request_id: requestId };
		if (this.fields) error.fields = this.fields;
		return { error };
	}
}

export const validationError = (fields: Record<string, string>, status = 422): ApiError =>
	new ApiError(status, `Validation failed: ${Object.keys(fields).join(', ')}`, 'VALIDATION_FAILED', fields);
