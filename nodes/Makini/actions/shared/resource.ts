import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import type { MakiniOperation, MakiniResource } from './types';

/** The Operation dropdown of one resource. */
function operationSelector(
	resource: string,
	options: INodePropertyOptions[],
	defaultValue: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultValue,
	};
}

/** "a chiller", "an asset": the article the action label needs. */
const withArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

/** Get + Get Many entries, worded the same for every resource. */
export function readOptions(noun: string, plural: string): INodePropertyOptions[] {
	return [
		{
			name: 'Get',
			value: 'get',
			action: `Get ${withArticle(noun)}`,
			description: `Get one ${noun} by key`,
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: `Get many ${plural}`,
			description: `List ${plural}, with filters`,
		},
	];
}

/** A resource from its dropdown entry and operations, listed in the order of the Operation dropdown. */
export function defineResource(config: {
	option: INodePropertyOptions & { value: string };
	operationOptions: INodePropertyOptions[];
	defaultOperation: string;
	operations: Record<string, MakiniOperation>;
}): MakiniResource {
	const { option, operationOptions, defaultOperation, operations } = config;
	return {
		option,
		operations,
		properties: [
			operationSelector(option.value, operationOptions, defaultOperation),
			...Object.values(operations).flatMap((operation) => operation.description),
		],
	};
}
