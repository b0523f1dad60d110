import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { foreignKey } from '../../descriptions/keyFields';

/**
 * Work order fields a write may set (which ones a system accepts depends on it). Foreign keys are pickers (From List /
 * By Key / By URL) under their old parameter names; a workflow saved with a typed key keeps working. Closing a work
 * order: Completed At, Completion Remarks and Actual Time (with Update Status to a completed status).
 */
export const workOrderWriteFields: INodeProperties[] = [
	{
		displayName: 'Actual Time',
		name: 'actualTime',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 0,
		description:
			'Time actually spent, as a whole number in the unit the connected system uses (e.g. hours); set it when closing the work order',
	},
	foreignKey('Asset', 'assetKey', 'assets', 'searchAssets'),
	foreignKey('Asset Downtime', 'assetDowntimeKey', 'assets-downtime', 'searchAssetDowntimes'),
	foreignKey(
		'Assigned Labor',
		'laborAssignedKey',
		'users',
		'searchUsers',
		'The technician (user) the work order is assigned to',
	),
	{ displayName: 'Category Name', name: 'categoryName', type: 'string', default: '' },
	{ displayName: 'Code', name: 'code', type: 'string', default: '' },
	{
		displayName: 'Completed At',
		name: 'completedAt',
		type: 'dateTime',
		default: '',
		description: 'When the work was finished (closing the work order)',
	},
	{
		displayName: 'Completion Remarks',
		name: 'completionRemarks',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'What was done and found, written when closing the work order',
	},
	{ displayName: 'Due At', name: 'dueAt', type: 'dateTime', default: '' },
	{
		displayName: 'Estimated Time',
		name: 'estimatedTime',
		type: 'string',
		default: '',
		description: 'As the connected system expects it, e.g. hours',
	},
	{
		displayName: 'Instructions',
		name: 'instructions',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
	},
	foreignKey('Location', 'locationKey', 'locations', 'searchLocations'),
	{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
	foreignKey('Preventive Maintenance Plan', 'pmKey', 'pm', 'searchPreventiveMaintenance'),
	{ displayName: 'Scheduled At', name: 'scheduledAt', type: 'dateTime', default: '' },
	foreignKey('Service Request', 'serviceRequestKey', 'service-requests', 'searchServiceRequests'),
	{
		displayName: 'Severity',
		name: 'severity',
		type: 'string',
		default: '',
		placeholder: 'e.g. High',
	},
	foreignKey('Site', 'siteKey', 'sites', 'searchSites'),
	{
		displayName: 'Status Name or ID',
		name: 'statusKey',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getWorkOrderStatuses' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	foreignKey('Storeroom', 'storeroomKey', 'storerooms', 'searchStorerooms'),
	{
		displayName: 'Task',
		name: 'tasks',
		type: 'fixedCollection',
		default: {},
		placeholder: 'Add Task',
		description:
			'The published request takes one task object (the record lists them); more through Extra Fields (JSON) if the system accepts them',
		options: [
			{
				displayName: 'Task',
				name: 'task',
				values: [
					{ displayName: 'Code', name: 'code', type: 'string', default: '' },
					{ displayName: 'Description', name: 'description', type: 'string', default: '' },
					{
						displayName: 'Priority',
						name: 'priority',
						type: 'string',
						default: '',
						placeholder: 'e.g. High',
					},
					{ displayName: 'Title', name: 'title', type: 'string', default: '' },
				],
			},
		],
	},
	foreignKey('Team', 'teamKey', 'teams', 'searchTeams'),
];

export const workOrderDateFields = ['dueAt', 'scheduledAt', 'completedAt'];

/** The Task fixed collection as the published `tasks` object, empty entries left out. */
export function finishWorkOrderBody(body: IDataObject): IDataObject {
	const tasks = body.tasks as IDataObject | undefined;
	if (tasks && typeof tasks === 'object' && Object.keys(tasks).length === 0) delete body.tasks;
	else if (tasks && typeof tasks === 'object' && 'task' in tasks) {
		const task = Object.fromEntries(
			Object.entries((tasks.task as IDataObject) ?? {}).filter(([, v]) => v !== '' && v != null),
		);
		if (Object.keys(task).length) body.tasks = task;
		else delete body.tasks;
	}
	return body;
}
