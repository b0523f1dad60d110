import type { INodeProperties } from 'n8n-workflow';

import type { MakiniResource } from '../actions/shared/types';
import { client } from './client';
import { systemConnection } from './connection';
import { platform } from './platform';

/** Every resource of the Makini System node, in Resource dropdown order. */
export const systemResources: MakiniResource[] = [client, systemConnection, platform];

export const systemProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: systemResources.map((resource) => resource.option),
		default: 'connection',
	},
	...systemResources.flatMap((resource) => resource.properties),
];
