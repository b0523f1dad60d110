// Status lists (code, name) served at statuses/work-orders, service-requests, purchase-orders and return-orders.
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

export const PURCHASE_ORDER_STATUSES: Array<[string, string]> = [
	['DRAFT', 'Draft'],
	['PENDING', 'Pending Approval'],
	['APPR', 'Approved'],
	['ORDERED', 'Ordered'],
	['PARTIAL', 'Partially Received'],
	['RECEIVED', 'Received'],
	['CLOSED', 'Closed'],
	['CAN', 'Cancelled'],
];

export const RETURN_ORDER_STATUSES: Array<[string, string]> = [
	['DRAFT', 'Draft'],
	['SUBMITTED', 'Submitted'],
	['SHIPPED', 'Shipped to Vendor'],
	['CREDITED', 'Credited'],
	['CLOSED', 'Closed'],
];
