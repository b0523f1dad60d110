import { readOnlyResource } from './shared/read.factory';

export const makiniDocument = readOnlyResource({
	resource: 'document',
	displayName: 'Document',
	description: 'Manuals, drawings and files linked to records',
	one: 'document',
	many: 'documents',
	entity: 'documents',
	noun: 'document',
});
