// Document files: the bytes behind each Document record's `url`. Uploads (POST /api/eam/documents, multipart) store
// theirs; the seeded manuals get a small generated PDF. The url points at GET /files/documents/<key> on the sandbox,
// which wants the same bearer token as the data API (a file of one connection is not served to another).
import type { ConnectionState } from './connections';
import { ApiError, validationError } from './errors';
import type { Ctx, Reply } from './http';
import { bearerToken, ok } from './http';
import { boundaryOf, parseMultipart, readRaw } from './multipart';
import type { FormPart } from './multipart';
import { ENTITY_BY_PATH } from './schema';
import { present } from './shape';
import type { DataRecord } from './types';
import type { AuthState } from './auth';

export const FILE_PATH = '/files/documents/';

export const fileUrl = (baseUrl: string, key: string) => `${baseUrl}${FILE_PATH}${encodeURIComponent(key)}`;

/** A one-page PDF showing `title` (valid: xref offsets computed), so a seeded manual downloads as a real file. */
export function minimalPdf(title: string): Buffer {
	const safe = title.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`);
	const content = `BT /F1 14 Tf 72 720 Td (${safe}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let pdf = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(pdf.length);
		pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = pdf.length;
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(pdf, 'latin1');
}

/** Points every document of the connection at its sandbox file, generating a PDF for those without bytes. */
export function attachFiles(conn: ConnectionState, baseUrl: string): void {
	const store = conn.stores.documents;
	for (const doc of store.records) {
		if (!conn.files.has(doc.key)) conn.files.set(doc.key, minimalPdf(String(doc.name ?? doc.key)));
		if (doc.url !== fileUrl(baseUrl, doc.key)) store.patch(doc.key, { url: fileUrl(baseUrl, doc.key) });
	}
}

const UPLOAD_FIELDS = ['file', 'name'];

/** The published request fields from the parts: `file` (a file part) required, `name` (text) optional. */
function uploadFields(parts: FormPart[]): { file: FormPart; name: string } {
	const problems: Record<string, string> = {};
	const byName = new Map<string, FormPart>();
	for (const part of parts) {
		if (!UPLOAD_FIELDS.includes(part.name)) problems[part.name] = `is not a field of this request (published: ${UPLOAD_FIELDS.join(', ')})`;
		else if (byName.has(part.name)) problems[part.name] = 'is given more than once';
		else byName.set(part.name, part);
	}
	const file = byName.get('file');
	if (!file) problems.file = 'is required: a file part (with a filename)';
	else if (file.filename === undefined) problems.file = 'must be a file (a part with a filename), not a text field';
	const namePart = byName.get('name');
	if (namePart?.filename !== undefined) problems.name = 'must be a text field, not a file';
	const name = namePart ? namePart.data.toString('utf8').trim() : (file?.filename ?? '').trim();
	if (!problems.name && namePart && name === '') problems.name = 'cannot be empty';
	if (!problems.name && !problems.file && name === '') problems.name = 'is required when the file has no file name';
	if (Object.keys(problems).length) throw validationError(problems);
	return { file: file!, name };
}

/** POST /api/eam/documents: stores the file and answers the new Document record. */
export async function uploadDocument(ctx: Ctx, conn: ConnectionState, notify: (event: string, keys: string[]) => void): Promise<Reply> {
	const boundary = boundaryOf(ctx.req.headers['content-type'], 'POST /api/eam/documents');
	const body = await readRaw(ctx.req, ctx.settings.maxUploadBytes);
	const { file, name } = uploadFields(parseMultipart(body, boundary));
	const now = new Date().toISOString();
	const extension = /\.([A-Za-z0-9]{1,8})$/.exec(file.filename ?? '')?.[1]?.toLowerCase();
	const store = conn.stores.documents;
	const record = store.add({
		entityKeys: [],
		name,
		url: '',
		type: extension ?? 'file',
		contentType: file.contentType?.trim() || 'application/octet-stream',
		description: null,
		notes: null,
		createdAt: now,
		updatedAt: now,
	});
	conn.files.set(record.key, Buffer.from(file.data)); // own copy: the request body can go
	store.patch(record.key, { url: fileUrl(ctx.baseUrl, record.key) });
	notify('documents.inserted', [record.key]);
	return ok({ data: present(record, ctx.settings.recordShape, ENTITY_BY_PATH.get('documents')!.fields) });
}

/**
 * A work order's `documents` whose url is a document of this connection become that Document record (key and all),
 * and the document lists the work order in its entityKeys: the published request has no document key, so the url
 * (which the upload answered) is what links them.
 */
export function linkWorkOrderDocuments(conn: ConnectionState, workOrder: DataRecord): void {
	if (!Array.isArray(workOrder.documents)) return;
	const documents = conn.stores.documents;
	const linked = (workOrder.documents as Array<Record<string, unknown>>).map((given) => {
		const doc = typeof given?.url === 'string' ? documents.records.find((d) => d.url === given.url) : undefined;
		if (!doc) return given;
		const entityKeys = Array.isArray(doc.entityKeys) ? (doc.entityKeys as string[]) : [];
		if (!entityKeys.includes(workOrder.key)) documents.patch(doc.key, { entityKeys: [...entityKeys, workOrder.key] });
		return { ...doc };
	});
	conn.stores['work-orders'].patch(workOrder.key, { documents: linked });
}

/** GET /files/documents/<key>: the bytes, with the record's content type, to the bearer of the connection's token. */
export function serveFile(ctx: Ctx, auth: AuthState, connections: Map<string, ConnectionState>, rest: string): ConnectionState {
	const bearer = bearerToken(ctx.req);
	if (!bearer) throw new ApiError(401, 'Missing bearer token', 'AUTHENTICATION_FAILED');
	const conn = auth.connectionFor(bearer, connections);
	if (conn === 'expired') throw new ApiError(401, 'Access token expired', 'AUTHENTICATION_FAILED');
	if (!conn) throw new ApiError(401, 'Invalid bearer token', 'AUTHENTICATION_FAILED');
	let key: string;
	try {
		key = decodeURIComponent(rest);
	} catch {
		throw new ApiError(400, 'Malformed percent-encoding in the path', 'INVALID_REQUEST');
	}
	const doc = conn.stores.documents.get(key);
	const bytes = conn.files.get(key);
	if (!doc || !bytes) throw new ApiError(404, `No file for document '${key}'`);
	const name = String(doc.name ?? key);
	ctx.res.writeHead(200, {
		'Content-Type': String(doc.contentType ?? 'application/octet-stream'),
		'Content-Length': String(bytes.length),
		'Content-Disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
	});
	ctx.res.end(bytes);
	return conn;
}
