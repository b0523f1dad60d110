// A small, strict multipart/form-data reader (RFC 7578) for POST /api/eam/documents: no preamble tricks, every part
// with a Content-Disposition `form-data; name="..."`, the closing delimiter required. Parts are views on the body
// (no copies). Problems are 400 (not multipart / malformed); the caller decides what the fields must be (422).
import type { IncomingMessage } from 'node:http';
import { ApiError } from './errors';

export interface FormPart {
	name: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

const malformed = (detail: string) => new ApiError(400, `Malformed multipart/form-data body: ${detail}`, 'INVALID_REQUEST');

/** The boundary of a multipart/form-data Content-Type; anything else is a 400 naming what the endpoint takes. */
export function boundaryOf(contentType: string | undefined, endpoint: string): string {
	const [type, ...params] = (contentType ?? '').split(';');
	if (type.trim().toLowerCase() !== 'multipart/form-data') {
		throw new ApiError(400, `${endpoint} takes multipart/form-data (with a file part), not ${contentType ? `'${type.trim()}'` : 'a body without Content-Type'}`, 'INVALID_REQUEST');
	}
	for (const param of params) {
		const match = /^\s*boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))\s*$/i.exec(param);
		if (match) {
			const boundary = match[1] ?? match[2];
			if (boundary.length > 70) throw malformed('boundary longer than 70 characters');
			return boundary;
		}
	}
	throw malformed('the Content-Type has no boundary');
}

/** Reads the whole body; more than `limit` bytes is a 413. */
export async function readRaw(req: IncomingMessage, limit: number): Promise<Buffer> {
	// The rest of a too-large body is read and dropped before the 413, so the client (still sending) gets the answer
	// rather than a reset connection.
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size <= limit) chunks.push(chunk as Buffer);
	}
	if (size > limit) throw tooLarge(limit);
	return Buffer.concat(chunks, size);
}

const tooLarge = (limit: number) => new ApiError(413, `Request body too large: the sandbox accepts uploads up to ${limit} bytes`);

function dispositionParams(value: string): { type: string; params: Record<string, string> } {
	const [type, ...rest] = value.split(';');
	const params: Record<string, string> = {};
	const text = rest.join(';');
	const re = /\s*([A-Za-z0-9*_-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)\s*(?:;|$)/gy;
	let match: RegExpExecArray | null;
	let consumed = 0;
	while ((match = re.exec(text)) !== null && match[0] !== '') {
		const raw = match[2].trim();
		params[match[1].toLowerCase()] = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
		consumed = re.lastIndex;
	}
	if (text.slice(consumed).trim() !== '') throw malformed(`unreadable Content-Disposition '${value}'`);
	return { type: type.trim().toLowerCase(), params };
}

export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
	const opening = Buffer.from(`--${boundary}`);
	const delimiter = Buffer.from(`\r\n--${boundary}`);
	if (!body.subarray(0, opening.length).equals(opening)) throw malformed('it does not start with the boundary');
	const parts: FormPart[] = [];
	let pos = opening.length;
	for (;;) {
		const after = body.subarray(pos, pos + 2).toString('latin1');
		if (after === '--') break; // closing delimiter; anything after it is an epilogue
		if (after !== '\r\n') throw malformed('a boundary is not followed by a line break');
		pos += 2;
		const headerEnd = body.indexOf('\r\n\r\n', pos);
		if (headerEnd < 0) throw malformed('a part has no end of headers');
		const headers: Record<string, string> = {};
		for (const line of body.subarray(pos, headerEnd).toString('utf8').split('\r\n')) {
			const colon = line.indexOf(':');
			if (colon <= 0) throw malformed(`bad part header '${line}'`);
			headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
		}
		const disposition = headers['content-disposition'];
		if (!disposition) throw malformed('a part has no Content-Disposition');
		const { type, params } = dispositionParams(disposition);
		if (type !== 'form-data' || !params.name) throw malformed(`a part's Content-Disposition is not form-data with a name ('${disposition}')`);
		const start = headerEnd + 4;
		const end = body.indexOf(delimiter, start);
		if (end < 0) throw malformed('the closing boundary is missing (body cut off?)');
		parts.push({ name: params.name, filename: params.filename, contentType: headers['content-type'], data: body.subarray(start, end) });
		pos = end + delimiter.length;
	}
	return parts;
}
