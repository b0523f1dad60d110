import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { transportOptions } from '../../descriptions/options';
import { keyField } from '../../descriptions/keyFields';
import { pathKey } from '../../helpers/validation';
import type { ListOptions } from '../../transport';
import { makiniApiRecord, makiniApiResponse } from '../../transport';

const properties: INodeProperties[] = [
	keyField('documentKey', 'Document Key', 'Key of the document to download'),
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'e.g. data',
		hint: 'The name of the output binary field to put the file in',
	},
	transportOptions('read'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['download'] } },
	properties,
);

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : '');

/** The file name a Content-Disposition header gives (`filename*=UTF-8''...` first), if any. */
function dispositionName(header: string | undefined): string {
	if (!header) return '';
	const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
	if (extended) {
		try {
			return decodeURIComponent(extended[1].trim());
		} catch {
			// fall through to the plain parameter
		}
	}
	const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
	return plain ? (plain[2] ?? plain[1]).trim() : '';
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: ListOptions,
): Promise<INodeExecutionData[]> {
	const key = pathKey(
		this,
		itemIndex,
		'Document Key',
		this.getNodeParameter('documentKey', itemIndex, ''),
	);
	const field = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	if (field === '') {
		throw new NodeOperationError(
			this.getNode(),
			`Put Output File in Field is empty [item ${itemIndex}]`,
			{
				itemIndex,
				description: `Name the output binary field of item ${itemIndex}, e.g. data.`,
			},
		);
	}
	const record: IDataObject = await makiniApiRecord.call(
		this,
		{ method: 'GET', path: `/api/eam/documents/${key}`, itemIndex },
		transport,
	);
	const url = text(record.url);
	if (!url) {
		throw new NodeOperationError(
			this.getNode(),
			`Document ${decodeURIComponent(key)} has no url to download from [item ${itemIndex}]`,
			{
				itemIndex,
				description: 'Makini published no file location for this document; check it in Makini.',
			},
		);
	}
	// Errors name where the file was fetched, without its query (which may hold a file store's signature).
	let where = url;
	try {
		const parsed = new URL(url, 'https://makini.invalid/');
		where =
			parsed.host === 'makini.invalid' ? parsed.pathname : `${parsed.origin}${parsed.pathname}`;
	} catch {
		// an unparsable url fails in the request with its own message
	}
	const response = await makiniApiResponse.call(
		this,
		{ method: 'GET', path: where, url, binary: true, itemIndex },
		transport,
	);
	const fileName =
		text(record.name) ||
		dispositionName(response.headers['content-disposition']) ||
		decodeURIComponent(where.split('/').pop() ?? '') ||
		'document';
	const mimeType =
		text(record.contentType) ||
		text(response.headers['content-type']?.split(';')[0]) ||
		'application/octet-stream';
	const binary = await this.helpers.prepareBinaryData(
		response.bytes ?? Buffer.alloc(0),
		fileName,
		mimeType,
	);
	return [{ json: record, binary: { [field]: binary } }];
}
