/** One part of a multipart/form-data body: a text field, or a file with its name and type. */
// (`field`, not `name`: n8n's lint would title-case a `{ name, value }` pair as if it were a dropdown option.)
export type FormPart =
	| { field: string; text: string }
	| { field: string; fileName: string; contentType: string; data: Buffer };

/** A multipart/form-data body, built as bytes: n8n 1.x and 2.x both send a Buffer body as it is. */
export interface MultipartBody {
	data: Buffer;
	contentType: string;
}

/** Quoted-string value of a Content-Disposition parameter: quotes and line breaks escaped as browsers do. */
const quoted = (text: string) =>
	`"${text.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;

function randomBoundary(): string {
	let random = '';
	while (random.length < 32) random += Math.random().toString(36).slice(2);
	return `----n8nMakini${random.slice(0, 32)}`;
}

/**
 * The body in one buffer allocated once at its final size: each file is copied into it exactly once (no
 * intermediate concatenations). The boundary is random and checked not to occur in any part.
 */
export function multipartBody(parts: FormPart[]): MultipartBody {
	let boundary = randomBoundary();
	while (parts.some((p) => ('data' in p ? p.data : Buffer.from(p.text)).includes(boundary)))
		boundary = randomBoundary();
	const heads = parts.map((part, i) => {
		const disposition =
			'data' in part
				? `form-data; name=${quoted(part.field)}; filename=${quoted(part.fileName)}\r\nContent-Type: ${part.contentType}`
				: `form-data; name=${quoted(part.field)}`;
		return Buffer.from(
			`${i === 0 ? '' : '\r\n'}--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`,
		);
	});
	const contents = parts.map((part) => ('data' in part ? part.data : Buffer.from(part.text)));
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
	const size =
		heads.reduce((sum, head) => sum + head.length, 0) +
		contents.reduce((sum, content) => sum + content.length, 0) +
		tail.length;
	const data = Buffer.allocUnsafe(size);
	let offset = 0;
	parts.forEach((_part, i) => {
		offset += heads[i].copy(data, offset);
		offset += contents[i].copy(data, offset);
	});
	tail.copy(data, offset);
	return { data, contentType: `multipart/form-data; boundary=${boundary}` };
}
