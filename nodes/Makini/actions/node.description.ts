import type { INodeProperties } from 'n8n-workflow';

import { authenticationProperty } from '../descriptions/authentication';
import { resources } from './resources';

/** Every parameter of the node: authentication, resource, then each resource's operations and fields. */
export const nodeProperties: INodeProperties[] = [
	authenticationProperty,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map((resource) => resource.option),
		default: 'asset',
	},
	...resources.flatMap((resource) => resource.properties),
];
