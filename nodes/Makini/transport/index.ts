// The only HTTP client of this package: the Makini node and both triggers import from here.
export type {
	ListOptions,
	MakiniFunctions,
	MakiniRequest,
	MakiniResponse,
	TransportOptions,
} from './types';
export { credentialType, makiniApiResponse, onBaseOrigin } from './request';
export { makiniApiPage, makiniApiRecord, type Page } from './records';
export { makiniApiRequestAllItems, recordKey, MAX_PAGE_SIZE } from './paging';
export { RateGate } from './retry';
