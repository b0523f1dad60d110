import type { INodeProperties } from 'n8n-workflow';

import { authenticationProperty } from '../descriptions/authentication';

import * as asset from './asset';
import * as assetDowntime from './assetDowntime';
import * as connection from './connection';
import * as location from './location';
import * as meter from './meter';
import * as meterReading from './meterReading';
import * as preventiveMaintenance from './preventiveMaintenance';
import * as serviceRequest from './serviceRequest';
import * as site from './site';
import * as team from './team';
import * as user from './user';
import * as workOrder from './workOrder';

/** Every parameter of the node: authentication, resource, then each resource's operations and fields. */
export const nodeProperties: INodeProperties[] = [
	authenticationProperty,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Asset',
				value: 'asset',
				description: 'Equipment such as chillers, air handlers and rooftop units',
			},
			{
				name: 'Asset Downtime',
				value: 'assetDowntime',
				description: 'Alarms and outages of equipment',
			},
			{
				name: 'Connection',
				value: 'connection',
				description: 'The Makini connection behind the credential',
			},
			{ name: 'Location', value: 'location' },
			{ name: 'Meter', value: 'meter', description: 'Point values and run hours of equipment' },
			{ name: 'Meter Reading', value: 'meterReading' },
			{ name: 'Preventive Maintenance', value: 'preventiveMaintenance' },
			{ name: 'Service Request', value: 'serviceRequest' },
			{ name: 'Site', value: 'site' },
			{ name: 'Team', value: 'team' },
			{ name: 'User', value: 'user' },
			{ name: 'Work Order', value: 'workOrder' },
		],
		default: 'asset',
	},
	...asset.description,
	...assetDowntime.description,
	...connection.description,
	...location.description,
	...meter.description,
	...meterReading.description,
	...preventiveMaintenance.description,
	...serviceRequest.description,
	...site.description,
	...team.description,
	...user.description,
	...workOrder.description,
];
