import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { mapWithConcurrency } from '../helpers/concurrency';
import type { ListOptions } from '../transport';
import { RateGate } from '../transport';
import { resources } from './resources';
import type { MakiniOperation, MakiniResource } from './shared/types';

/** Options → transport settings of one item. */
function transportFor(ctx: IExecuteFunctions, itemIndex: number, gate: RateGate): ListOptions {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const seconds = (value: unknown) =>
		value === undefined || value === '' ? undefined : Number(value) * 1000;
	return {
		gate,
		maxAttempts: options.maxAttempts === undefined ? undefined : Number(options.maxAttempts),
		maxWaitMs: seconds(options.maxWaitSeconds),
		timeoutMs: seconds(options.timeoutSeconds),
		pageConcurrency:
			options.pageConcurrency === undefined ? undefined : Number(options.pageConcurrency),
	};
}

/** The error as an output item for "continue on fail": message, advice and Makini's code and request id. */
function errorJson(
	error: Error & { description?: string | null; context?: IDataObject },
): IDataObject {
	return {
		error: error.message,
		...(error.description ? { description: error.description } : {}),
		...((error.context?.makini as IDataObject | undefined) ?? {}),
	};
}

/** The execute of a node built from resources (the Makini node, the Makini System node). */
export function createRouter(
	nodeResources: MakiniResource[],
): (this: IExecuteFunctions) => Promise<INodeExecutionData[][]> {
	const operationsByResource: Record<string, Record<string, MakiniOperation>> = Object.fromEntries(
		nodeResources.map((resource) => [resource.option.value, resource.operations]),
	);
	return async function (this: IExecuteFunctions) {
		return await route.call(this, operationsByResource);
	};
}

export const router = createRouter(resources);

async function route(
	this: IExecuteFunctions,
	operationsByResource: Record<string, Record<string, MakiniOperation>>,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operationsByResource[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`"${operationName}" is not an operation of "${resource}". For other endpoints, use an HTTP Request node with the Makini credential.`,
		);
	}

	// One gate per execution: a 429 on any item pauses every concurrent item.
	const gate = new RateGate();
	const concurrency = operation.write
		? Math.max(1, Number(this.getNodeParameter('options.concurrency', 0, 1)))
		: 1;
	const results = await mapWithConcurrency(items.length, concurrency, async (itemIndex) => {
		try {
			const records = await operation.execute.call(
				this,
				itemIndex,
				transportFor(this, itemIndex, gate),
			);
			if (operation.outputsItems) {
				return (records as INodeExecutionData[]).map((item): INodeExecutionData => ({
					...item,
					pairedItem: { item: itemIndex },
				}));
			}
			return (records as IDataObject[]).map((json): INodeExecutionData => ({
				json,
				pairedItem: { item: itemIndex },
			}));
		} catch (thrown) {
			const error =
				thrown instanceof NodeApiError || thrown instanceof NodeOperationError
					? thrown
					: new NodeOperationError(this.getNode(), thrown as Error, { itemIndex });
			if (this.continueOnFail())
				return [{ json: errorJson(error), pairedItem: { item: itemIndex } }];
			throw error;
		}
	});
	return [results.flat()];
}
