// Status lists (code, name) served at statuses/work-orders and statuses/service-requests.
export const WORK_ORDER_STATUSES: Array<[string, string]> = [
	['OPEN', 'Open'],
	['ASSIGNED', 'Assigned'],
	['INPRG', 'In Progress'],
	['HOLD', 'On Hold'],
	['COMP', 'Completed'],
	['CLOSE', 'Closed'],
	['CAN', 'Cancelled'],
];

export const SERVICE_REQUEST_STATUSES: Array<[string, string]> = [
	['NEW', 'New'],
	['APPR', 'Approved'],
	['REJ', 'Rejected'],
	['WO', 'Converted to Work Order'],
	['CLOSE', 'Closed'],
];
