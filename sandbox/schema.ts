// Entity catalogue: record fields (from openapi-eam.json), key prefixes, and what each entity accepts on write.
export type FieldType = 'string' | 'boolean' | 'number' | 'array' | 'object';

export interface WriteSpec {
	fields: Record<string, FieldType>;
	requiredOnCreate: string[];
	update: boolean;
}

export interface EntityDef {
	path: string;
	code: string; // two digits leading every key, so keys are opaque, fixed-width and sort in creation order
	fields: string[];
	write?: WriteSpec;
}

const stamps = ['createdAt', 'updatedAt', 'deletedAt'];
const str = (names: string[]): Record<string, FieldType> =>
	Object.fromEntries(names.map((n) => [n, 'string' as FieldType]));

const assetWrite = {
	...str([
		'siteKey', 'parentKey', 'vendorKey', 'modelKey', 'assetTemplateKey', 'teamKey', 'locationKey', 'accountKey',
		'name', 'description', 'notes', 'categoryName', 'criticality', 'manufacturerName', 'makeName', 'modelName',
		'serialNumber', 'activatedAt', 'deactivatedAt',
	]),
	isActive: 'boolean' as FieldType,
};

const workOrderWrite = {
	...str([
		'title', 'statusKey', 'scheduledAt', 'siteKey', 'locationKey', 'storeroomKey', 'assetKey', 'assetDowntimeKey',
		'serviceRequestKey', 'pmKey', 'teamKey', 'laborAssignedKey', 'accountKey', 'userApprovedKey', 'code',
		'instructions', 'severity', 'estimatedTime', 'actualTime', 'roleName', 'categoryName', 'notes', 'approvedAt',
		'dueAt', 'completedAt', 'completionRemarks',
	]),
	documents: 'array' as FieldType,
	tasks: 'array' as FieldType,
};

export const ENTITIES: EntityDef[] = [
	{
		path: 'sites',
		code: '01',
		fields: ['key', 'organizationKey', 'name', 'code', 'description', 'contact', 'customerKey', 'lat', 'lng', 'address', 'billingAddress', 'properties', 'notes', ...stamps],
	},
	{
		path: 'locations',
		code: '02',
		fields: ['key', 'siteKey', 'parentKey', 'teamKey', 'organizationKey', 'name', 'userManagerKey', 'description', 'code', 'type', 'address', 'isActive', 'contact', 'isDefault', ...stamps],
	},
	{
		path: 'assets',
		code: '03',
		fields: ['key', 'siteKey', 'parentKey', 'vendorKey', 'teamKey', 'documents', 'locationKey', 'customerKey', 'accountKeys', 'name', 'description', 'makeCompanyKey', 'assetTemplateKey', 'isPhysical', 'notes', 'categoryName', 'criticality', 'isActive', 'makeName', 'modelName', 'serialNumber', 'activatedAt', 'deactivatedAt', ...stamps],
		write: { fields: assetWrite, requiredOnCreate: ['name'], update: true },
	},
	{
		path: 'assets-downtime',
		code: '04',
		fields: ['key', 'assetKey', 'description', 'startedAt', 'endedAt', 'categoryName', 'severity', 'notes', 'createdAt', 'updatedAt'],
	},
	{
		path: 'meters',
		code: '05',
		fields: ['key', 'siteKey', 'assetKey', 'assetKeys', 'name', 'type', 'unit', 'uomName', 'uomKey', 'lastReading', 'lastReadingAt', ...stamps],
	},
	{
		path: 'meter-readings',
		code: '06',
		fields: ['key', 'assetKey', 'meterKey', 'reading', 'createdAt', 'updatedAt'],
	},
	{
		path: 'work-orders',
		code: '07',
		fields: ['key', 'parentKey', 'locationKey', 'siteKey', 'assetKey', 'accountKey', 'title', 'serviceRequestKey', 'code', 'pmKey', 'teamKey', 'laborAssignedKey', 'userApprovedKey', 'assetDowntimeKey', 'organizationKey', 'instructions', 'status', 'statusKey', 'severity', 'estimatedTime', 'roleName', 'categoryName', 'storeroomKey', 'notes', 'approvedAt', 'dueAt', 'scheduledAt', 'actualTime', 'completedAt', 'completionRemarks', 'tasks', 'documents', 'resources', 'materialCount', ...stamps],
		write: { fields: workOrderWrite, requiredOnCreate: ['title'], update: true },
	},
	{
		path: 'service-requests',
		code: '08',
		fields: ['key', 'siteKey', 'locationKey', 'storeroomKey', 'assetKey', 'workOrderKey', 'teamKey', 'userRequestedKey', 'userApprovedKey', 'laborAssignedKey', 'documents', 'title', 'description', 'statusKey', 'severity', 'estimatedTime', 'roleName', 'categoryName', 'notes', 'approvedAt', 'dueAt', ...stamps],
		write: {
			fields: str(['userRequestedKey', 'title', 'assetKey', 'description', 'siteKey', 'locationKey', 'statusKey', 'severity', 'categoryName', 'notes', 'dueAt']),
			requiredOnCreate: ['title'],
			update: false,
		},
	},
	{
		path: 'pm',
		code: '09',
		fields: ['key', 'assetKeys', 'teamKey', 'siteKey', 'accountKey', 'title', 'description', 'status', 'severity', 'laborAssignedKey', 'estimatedTime', 'roleName', 'categoryName', 'documents', 'assetTemplateKeys', 'statusKey', 'notes', 'dueAt', 'categoryCode', 'requiresMaterials', 'triggers', 'tasks', 'resources', ...stamps],
	},
	{
		path: 'users',
		code: '10',
		fields: ['key', 'organizationKey', 'siteKeys', 'locationKeys', 'name', 'roleName', 'description', 'notes', 'isActive', ...stamps],
	},
	{
		path: 'teams',
		code: '11',
		fields: ['key', 'accountKey', 'code', 'name', 'description', 'organizationKey', ...stamps],
	},
	{
		path: 'asset-templates',
		code: '12',
		fields: ['key', 'siteKey', 'documents', 'name', 'manufacturerName', ...stamps],
	},
	{
		path: 'statuses/work-orders',
		code: '13',
		fields: ['key', 'organizationKey', 'parentKey', 'name', 'code', 'subCode', 'scope', 'isActive', ...stamps],
	},
	{
		path: 'statuses/service-requests',
		code: '14',
		fields: ['key', 'organizationKey', 'parentKey', 'name', 'code', 'subCode', 'scope', 'isActive', ...stamps],
	},
];

export const ENTITY_BY_PATH = new Map(ENTITIES.map((e) => [e.path, e]));

/** Foreign keys checked on writes: field -> entity it must exist in. */
export const FOREIGN_KEYS: Record<string, string> = {
	siteKey: 'sites',
	locationKey: 'locations',
	assetKey: 'assets',
	teamKey: 'teams',
	assetTemplateKey: 'asset-templates',
	userRequestedKey: 'users',
	laborAssignedKey: 'users',
	userApprovedKey: 'users',
	assetDowntimeKey: 'assets-downtime',
	serviceRequestKey: 'service-requests',
	pmKey: 'pm',
};
