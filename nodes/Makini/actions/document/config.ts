import type { ReadConfig } from '../shared/read.factory';

export const documentConfig: ReadConfig = {
	resource: 'document',
	entity: 'documents',
	noun: 'document',
};
