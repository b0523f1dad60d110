import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { transportOptions } from '../../descriptions/options';
import { multipartBody } from '../../helpers/multipart';
import type { ListOptions } from '../../transport';
import { makiniApiRecord } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'e.g. data',
		hint: 'The name of the input binary field containing the file to upload',
	},
	{
		displayName: 'Document Name',
		name: 'documentName',
		type: 'string',
		default: '',
		placeholder: 'e.g. CH-2 compressor photo.png',
		description: "Name of the document in Makini. Leave empty to use the file's name.",
	},
	transportOptions('write'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['upload'] } },
	properties,
);

/** The binary field of item `itemIndex`, or an error naming the item, the field and the fields it does have. */
function inputFile(ctx: IExecuteFunctions, itemIndex: number) {
	const field = String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	const binary = ctx.getInputData()[itemIndex]?.binary ?? {};
	if (field === '' || !binary[field]) {
		const present = Object.keys(binary);
		throw new NodeOperationError(
			ctx.getNode(),
			`Item ${itemIndex} has no binary field "${field}" to upload [item ${itemIndex}]`,
			{
				itemIndex,
				description: present.length
					? `Its binary fields are: ${present.join(', ')}. Set "Input Binary Field" to the one holding the file.`
					: 'It has no binary data at all: put a node that produces a file (e.g. Read/Write Files from Disk, or HTTP Request with Response Format File) before this one, or set "Input Binary Field" to the field that holds the file.',
			},
		);
	}
	return { field, binary: binary[field] };
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: ListOptions,
): Promise<IDataObject[]> {
	const { field, binary } = inputFile(this, itemIndex);
	const data = await this.helpers.getBinaryDataBuffer(itemIndex, field);
	const fileName =
		binary.fileName || `${field}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
	const name = String(this.getNodeParameter('documentName', itemIndex, '')).trim() || fileName;
	const body = multipartBody([
		{
			field: 'file',
			fileName,
			contentType: (binary.mimeType || 'application/octet-stream').replace(/[\r\n]/g, ''),
			data,
		},
		{ field: 'name', text: name },
	]);
	const record = await makiniApiRecord.call(
		this,
		{ method: 'POST', path: '/api/eam/documents', rawBody: body, itemIndex },
		transport,
	);
	return [record];
}
