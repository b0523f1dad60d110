import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { ListOptions } from '../../transport';

/**
 * One operation: its parameters and what it does for one input item. The router owns the item loop,
 * pairedItem, continueOnFail and concurrency, so operations only return records.
 */
export interface MakiniOperation {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		transport: ListOptions,
	): Promise<IDataObject[] | INodeExecutionData[]>;
	/** Writes run with the Concurrency option; reads one item at a time. */
	write?: boolean;
	/** execute returns whole items (json and binary, e.g. a downloaded file) instead of records. */
	outputsItems?: boolean;
}

/** One entry of the Resource dropdown with its operations: the router and the node description both read it. */
export interface MakiniResource {
	option: INodePropertyOptions;
	operations: Record<string, MakiniOperation>;
	/** The Operation dropdown, then each operation's parameters. */
	properties: INodeProperties[];
}
