import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { makiniApiRecord } from '../transport';

/**
 * Fires when the connection's `sync_status` changes (`fail` = the source system's credentials are no
 * longer valid and the connection must be reauthorized in Makini). The first poll records the status and
 * fires only when the connection is already failing (`fail` or `error`), so a broken connection is reported
 * at activation too; manual runs always return the current one.
 */
export async function pollSyncStatus(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const connection = await makiniApiRecord.call(this, {
		method: 'GET',
		path: '/api/integrations/current',
	});
	const syncStatus = String(connection.sync_status);
	const state = this.getWorkflowStaticData('node');
	const previous = state.syncStatus as string | undefined;

	const item = {
		syncStatus,
		previousSyncStatus: previous ?? null,
		reauthorizationRequired: syncStatus === 'fail',
		connection,
	};
	if (this.getMode() === 'manual') return [[{ json: item }]];

	state.syncStatus = syncStatus;
	const failing = syncStatus === 'fail' || syncStatus === 'error';
	if (previous === undefined ? !failing : previous === syncStatus) return null;
	return [[{ json: item }]];
}
