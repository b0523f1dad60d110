import { readMakiniError } from '../../nodes/Makini/transport/errors';

// Makini's error envelope and its older variants, read into one shape.
const failure = (status: number | undefined, body: unknown, headers: Record<string, string> = {}) =>
	readMakiniError({ kind: status ? 'http' : 'network', status, body, headers });

test('the documented envelope', () => {
	expect(
		failure(422, {
			error: {
				code: 'VALIDATION_FAILED',
				message: 'title is required',
				request_id: 'req_1',
				fields: { title: ['required'] },
			},
		}),
	).toEqual({
		status: 422,
		code: 'VALIDATION_FAILED',
		message: 'title is required',
		requestId: 'req_1',
		fields: ['title'],
	});
});

test('older variants: top-level message, errors list, x-request-id header', () => {
	expect(
		failure(
			400,
			{ message: 'bad filter', errors: [{ field: 'filter[x]' }] },
			{ 'x-request-id': 'hdr' },
		),
	).toEqual({
		status: 400,
		code: 'INVALID_REQUEST',
		message: 'bad filter',
		requestId: 'hdr',
		fields: ['filter[x]'],
	});
	expect(failure(404, { error: 'No such asset' })).toMatchObject({
		code: 'NOT_FOUND',
		message: 'No such asset',
	});
	expect(failure(422, { errors: [{ message: 'first problem', path: 'dueAt' }] })).toMatchObject({
		message: 'first problem',
		fields: ['dueAt'],
	});
});

test('no usable body: text cut to 200 characters, or the status', () => {
	expect(failure(502, 'x'.repeat(500)).message).toBe('x'.repeat(200));
	expect(failure(418, undefined)).toMatchObject({ code: 'HTTP_418', message: 'HTTP 418' });
	expect(failure(undefined, undefined)).toMatchObject({
		code: 'REQUEST_FAILED',
		message: 'No response',
	});
});

test('the {status, errors: [text]} form keeps its messages and the request id header', () => {
	expect(
		failure(
			422,
			{
				status: 422,
				errors: ['The selected status key is invalid.', 'The title field is required.'],
			},
			{ 'x-request-id': 'req_9' },
		),
	).toEqual({
		status: 422,
		code: 'VALIDATION_FAILED',
		message: 'The selected status key is invalid. The title field is required.',
		requestId: 'req_9',
		fields: [],
	});
	expect(failure(404, { status: 404, errors: ['Asset not found.'] }).message).toBe(
		'Asset not found.',
	);
});
