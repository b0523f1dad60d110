import { getManyOperation, getOperation } from '../shared/read.factory';
import { defineResource, readOptions } from '../shared/resource';
import { documentConfig } from './config';
import * as download from './download.operation';
import * as upload from './upload.operation';

export const makiniDocument = defineResource({
	option: {
		name: 'Document',
		value: 'document',
		description: 'Manuals, drawings and files linked to records',
	},
	operationOptions: [
		{
			name: 'Download',
			value: 'download',
			action: 'Download a document',
			description: "Fetch a document's file into a binary field",
		},
		...readOptions('document', 'documents'),
		{
			name: 'Upload',
			value: 'upload',
			action: 'Upload a document',
			description: 'Upload a file from a binary field as a new document',
		},
	],
	defaultOperation: 'getAll',
	operations: {
		download: { ...download, outputsItems: true },
		get: getOperation(documentConfig),
		getAll: getManyOperation(documentConfig),
		upload: { ...upload, write: true },
	},
});
