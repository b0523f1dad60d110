// Document Upload and Download through n8n-core's real contexts against the strict sandbox: files go up from binary
// data as multipart and come back into binary data byte for byte; the credential never leaves the Base URL's origin.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';

import type { IBinaryData, IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { Makini } from '../../nodes/Makini/Makini.node';
import { responseErrors } from '../contract/validate';
import { allText, runNode } from '../harness/execute';
import { useSandbox } from '../harness/sandbox';

const fx = useSandbox();
const node = new Makini();
const token = () => fx.sandbox.connections.ccn.token;

/** A real PNG (RGB gradient, zlib-compressed IDAT, CRCs), so the bytes are a file any viewer opens. */
export function makePng(width: number, height: number): Buffer {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (buf: Buffer) => {
		let c = 0xffffffff;
		for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const chunk = (type: string, data: Buffer) => {
		const head = Buffer.alloc(8);
		head.writeUInt32BE(data.length, 0);
		head.write(type, 4, 'latin1');
		const tail = Buffer.alloc(4);
		tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])), 0);
		return Buffer.concat([head, data, tail]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr.set([8, 2, 0, 0, 0], 8);
	const raw = Buffer.alloc((width * 3 + 1) * height);
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) raw.set([(x * 255) / width, (y * 255) / height, 128], y * (width * 3 + 1) + 1 + x * 3);
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const binaryOf = (data: Buffer, fileName: string, mimeType: string): IBinaryData => ({
	data: data.toString('base64'),
	fileName,
	mimeType,
	fileSize: String(data.length),
});

async function run(parameters: INodeParameters, items?: INodeExecutionData[], baseUrl = fx.sandbox.url, continueOnFail = false) {
	const [output] = await runNode({
		node,
		parameters,
		credentials: { makiniApi: { baseUrl: `${baseUrl}/`, token: token() } },
		items,
		continueOnFail,
	});
	return output;
}

const upload = (items: INodeExecutionData[], extra: INodeParameters = {}) => run({ resource: 'document', operation: 'upload', ...extra }, items);
const download = (documentKey: string, extra: INodeParameters = {}, baseUrl?: string) =>
	run({ resource: 'document', operation: 'download', documentKey, ...extra }, undefined, baseUrl);

/** The bytes of an output binary (kept inline by n8n's default binary mode). */
function bytesOf(binary: IBinaryData | undefined): Buffer {
	expect(typeof binary?.data).toBe('string');
	return Buffer.from(binary!.data, 'base64');
}

/** The file as the sandbox serves it at the record's url (with the connection's token). */
async function served(url: string): Promise<{ bytes: Buffer; contentType: string | null }> {
	const res = await fetch(url, { headers: { authorization: `Bearer ${token()}` } });
	expect(res.status).toBe(200);
	return { bytes: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type') };
}

/** Changes a document as its source system would (through the sandbox's changes endpoint). */
async function changeDocument(key: unknown, patch: IDataObject): Promise<void> {
	const res = await fetch(`${fx.sandbox.url}/__sandbox/connections/ccn/changes`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ entity: 'documents', key, patch }),
	});
	expect(res.status).toBe(200);
}

/** A plain HTTP server on another origin that records the headers it gets and answers with `handler`. */
async function foreignServer(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
	const seen: IncomingHttpHeaders[] = [];
	const server = http.createServer((req, res) => {
		seen.push(req.headers);
		handler(req, res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('Upload then Download', () => {
	it.each([
		['a PNG photo', makePng(64, 48), 'chiller-2-nameplate.png', 'image/png'],
		['1 MB of random bytes', randomBytes(1024 * 1024), 'ccn-trend-export.bin', 'application/octet-stream'],
		['an empty file', Buffer.alloc(0), 'empty.txt', 'text/plain'],
	])('round-trips %s byte for byte', async (_label, bytes, fileName, mimeType) => {
		const [uploaded] = await upload([{ json: { site: 'Harbor Point' }, binary: { data: binaryOf(bytes, fileName, mimeType) } }]);
		const record = uploaded.json;
		// Exactly the published Document, named after the file, at a url that serves the same bytes.
		expect(responseErrors('POST', '/api/eam/documents', { data: record })).toEqual([]);
		expect(record).toMatchObject({ name: fileName, contentType: mimeType, entityKeys: [] });
		expect(fx.sandbox.records('ccn', 'documents').find((d) => d.key === record.key)).toEqual(record);
		const file = await served(String(record.url));
		expect(file.bytes.equals(bytes)).toBe(true);
		expect(file.contentType).toBe(mimeType);

		const [downloaded] = await download(String(record.key), { binaryPropertyName: 'file' });
		expect(downloaded.json).toEqual(record);
		expect(downloaded.binary?.file).toMatchObject({ fileName, mimeType });
		expect(bytesOf(downloaded.binary?.file).equals(bytes)).toBe(true);
		expect(downloaded.pairedItem).toEqual({ item: 0 });
	});

	it('takes the file from the named binary field, names the document as told, one document per item', async () => {
		const png = makePng(8, 8);
		const pdf = Buffer.from('%PDF-1.4\n% not much of a report\n');
		const output = await upload(
			[
				{ json: {}, binary: { photo: binaryOf(png, 'a "quoted"\r\nname.png', 'image/png') } },
				{ json: {}, binary: { photo: binaryOf(pdf, 'Überprüfung 30XW.pdf', 'application/pdf') } },
			],
			{ binaryPropertyName: 'photo', documentName: '={{ "WO photo " + $itemIndex }}' },
		);
		expect(output.map((o) => o.json.name)).toEqual(['WO photo 0', 'WO photo 1']);
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect((await served(String(output[0].json.url))).bytes.equals(png)).toBe(true);
		expect((await served(String(output[1].json.url))).bytes.equals(pdf)).toBe(true);
	});

	it('downloads a seeded manual: a real PDF named and typed by its record', async () => {
		const manual = fx.sandbox.records('ccn', 'documents')[0] as IDataObject;
		const [item] = await download(String(manual.key));
		expect(item.binary?.data).toMatchObject({ fileName: manual.name, mimeType: 'application/pdf' });
		const bytes = bytesOf(item.binary?.data);
		expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
		expect(bytes.toString('latin1')).toContain('%%EOF');
	});
});

describe('the credential stays on the Base URL origin', () => {
	it('downloads a file stored on another host without sending the token', async () => {
		const bytes = randomBytes(4096);
		const store = await foreignServer((_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment; filename="scan.bin"' });
			res.end(bytes);
		});
		try {
			const doc = fx.sandbox.records('ccn', 'documents')[1] as IDataObject;
			// The same document, now kept on a file store (same IP, other port: another origin).
			await changeDocument(doc.key, { url: `${store.url}/bucket/scan.bin?X-Signature=abc`, contentType: null, name: null });
			const [item] = await download(String(doc.key));
			expect(bytesOf(item.binary?.data).equals(bytes)).toBe(true);
			// No record name or type: the file's own headers name it.
			expect(item.binary?.data).toMatchObject({ fileName: 'scan.bin', mimeType: 'application/octet-stream' });
			expect(store.seen).toHaveLength(1);
			expect(store.seen[0].authorization).toBeUndefined();
			expect(JSON.stringify(store.seen)).not.toContain(token());
		} finally {
			await store.close();
		}
	});

	it('follows a redirect from the Makini origin to a file store, dropping the token at the hop', async () => {
		const bytes = randomBytes(2048);
		const store = await foreignServer((_req, res) => {
			res.writeHead(200, { 'Content-Type': 'image/jpeg' });
			res.end(bytes);
		});
		// The Base URL is a front for the sandbox that also redirects /files/redirected to the store.
		const makiniHeaders: IncomingHttpHeaders[] = [];
		const upstream = new URL(fx.sandbox.url);
		const front = await foreignServer((req, res) => {
			makiniHeaders.push(req.headers);
			if (req.url === '/files/redirected') {
				res.writeHead(302, { Location: `${store.url}/signed/photo.jpg` });
				res.end();
				return;
			}
			const forward = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			});
			req.pipe(forward);
		});
		try {
			const doc = fx.sandbox.records('ccn', 'documents')[2] as IDataObject;
			await changeDocument(doc.key, { url: `${front.url}/files/redirected` });
			const [item] = await download(String(doc.key), {}, front.url);
			expect(bytesOf(item.binary?.data).equals(bytes)).toBe(true);
			// The Makini origin got the token (record and file request); the store did not.
			expect(makiniHeaders.map((h) => h.authorization)).toEqual([`Bearer ${token()}`, `Bearer ${token()}`]);
			expect(store.seen).toHaveLength(1);
			expect(store.seen[0].authorization).toBeUndefined();
		} finally {
			await store.close();
			await front.close();
		}
	});
});

describe('errors name the item and the fix', () => {
	it('an item without the binary field', async () => {
		const items: INodeExecutionData[] = [
			{ json: {}, binary: { data: binaryOf(makePng(4, 4), 'ok.png', 'image/png') } },
			{ json: {}, binary: { photo: binaryOf(makePng(4, 4), 'photo.png', 'image/png') } },
		];
		const error = await upload(items).then(
			() => undefined,
			(e: Error & { description?: string }) => e,
		);
		expect(error?.message).toBe('Item 1 has no binary field "data" to upload [item 1]');
		expect(error?.description).toContain('Its binary fields are: photo');
		const none = await upload([{ json: {} }]).catch((e: Error & { description?: string }) => e);
		expect((none as Error).message).toContain('Item 0 has no binary field "data"');
		expect((none as { description: string }).description).toContain('no binary data at all');
	});

	it('a file larger than Makini accepts (413)', async () => {
		fx.sandbox.configure({ maxUploadBytes: 64 * 1024 });
		try {
			const items = [{ json: {}, binary: { data: binaryOf(randomBytes(200 * 1024), 'big.bin', 'application/octet-stream') } }];
			const error = (await upload(items).catch((e: unknown) => e)) as Error & { description?: string };
			expect(error.message).toMatch(/^Makini PAYLOAD_TOO_LARGE: .*too large.* \(POST \/api\/eam\/documents\) \[item 0\]$/);
			expect(error.description).toContain('Upload a smaller file');
			expect(allText(error)).not.toContain(token());
			// With Continue On Fail the item carries the error and the others go on.
			const output = await run(
				{ resource: 'document', operation: 'upload' },
				[...items, { json: {}, binary: { data: binaryOf(Buffer.from('small'), 'small.txt', 'text/plain') } }],
				fx.sandbox.url,
				true,
			);
			expect(output[0].json).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', httpCode: '413' });
			expect(output[1].json).toMatchObject({ name: 'small.txt' });
		} finally {
			fx.sandbox.resetSettings();
		}
	});

	it('a document that does not exist, and a file that is gone', async () => {
		const missing = (await download('0000000000000').catch((e: unknown) => e)) as Error;
		expect(missing.message).toMatch(/NOT_FOUND.*GET \/api\/eam\/documents\/0000000000000.*\[item 0\]/);
		const store = await foreignServer((_req, res) => {
			res.writeHead(404, { 'Content-Type': 'text/plain' });
			res.end('NoSuchKey');
		});
		try {
			const doc = fx.sandbox.records('ccn', 'documents')[3] as IDataObject;
			await changeDocument(doc.key, { url: `${store.url}/bucket/gone.pdf?sig=secret-signature` });
			const gone = (await download(String(doc.key)).catch((e: unknown) => e)) as Error;
			expect(gone.message).toContain(`NoSuchKey (GET ${store.url}/bucket/gone.pdf)`);
			expect(allText(gone)).not.toContain('secret-signature');
		} finally {
			await store.close();
		}
	});
});

describe('example 8: attach a photo to a work order', () => {
	const workflow = JSON.parse(readFileSync(join(__dirname, '../../examples/8-work-order-photo.json'), 'utf8')) as {
		nodes: Array<{ name: string; parameters: INodeParameters & { jsCode?: string } }>;
	};
	const params = (name: string) => workflow.nodes.find((n) => n.name === name)!.parameters;

	it("uploads the Code node's PNG and links it to the work order through the published documents field", async () => {
		const [workOrder] = await run(params('Work Order'));
		const photo = new Function('$input', params('Inspection Photo').jsCode!)({ all: () => [workOrder] }) as INodeExecutionData[];
		const png = Buffer.from(photo[0].binary!.data.data, 'base64');
		expect(png.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
		// The Code node's zlib stream is valid (inflate checks its Adler-32) and holds 24 rows of 32 RGB pixels.
		const idat = png.subarray(png.indexOf('IDAT') + 4, png.indexOf('IEND') - 8);
		expect(inflateSync(idat)).toHaveLength(24 * (32 * 3 + 1));

		const [uploaded] = await run(params('Upload Photo'), photo);
		expect(uploaded.json.name).toBe(`Inspection photo ${workOrder.json.key as string}.png`);
		expect((await served(String(uploaded.json.url))).bytes.equals(png)).toBe(true);

		// The Update node's expressions, resolved as n8n would for this item.
		const update = params('Attach to Work Order');
		const documents = { name: uploaded.json.name, url: uploaded.json.url, type: uploaded.json.type, contentType: uploaded.json.contentType };
		expect(update.jsonFields).toContain('documents: { name: $json.name, url: $json.url, type: $json.type, contentType: $json.contentType }');
		const [attached] = await run({
			...update,
			workOrderKey: { __rl: true, mode: 'key', value: workOrder.json.key as string },
			updateFields: { notes: `Inspection photo attached: ${uploaded.json.name as string}` },
			jsonFields: JSON.stringify({ documents }),
		});
		expect(attached.json.documents).toEqual([expect.objectContaining({ key: uploaded.json.key, url: uploaded.json.url })]);
		const stored = fx.sandbox.records('ccn', 'documents').find((d) => d.key === uploaded.json.key);
		expect(stored?.entityKeys).toEqual([workOrder.json.key]);
	});
});
