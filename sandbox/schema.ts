// Entity catalogue: the entities the sandbox serves, their key prefixes, and their record fields, taken from the
// published OpenAPI components (contract.ts). Serving another EAM entity is one line here plus its seed data.
import { componentSchema, operation, recordComponent } from './contract';

export interface EntityDef {
	path: string;
	code: string; // two digits leading every key, so keys are opaque, fixed-width and sort in creation order
	component: string; // the published schema of its records (`assets` → `Asset`)
	fields: string[]; // that schema's properties, in published order
	requiredOnCreate: string[]; // what the connected system rejects a create without (the files publish no `required`)
	create: boolean; // POST /api/eam/<path> is published
	update: boolean; // PUT /api/eam/<path>/{key} is published
}

function entity(path: string, code: string, requiredOnCreate: string[] = []): EntityDef {
	const component = recordComponent(path);
	return {
		path,
		code,
		component,
		fields: Object.keys(componentSchema(component).properties),
		requiredOnCreate,
		create: operation('POST', `/api/eam/${path}`) !== undefined,
		update: operation('PUT', `/api/eam/${path}/{key}`) !== undefined,
	};
}

export const ENTITIES: EntityDef[] = [
	entity('sites', '01'),
	entity('locations', '02'),
	entity('assets', '03', ['name']),
	entity('assets-downtime', '04'),
	entity('meters', '05'),
	entity('meter-readings', '06'),
	entity('work-orders', '07', ['title']),
	entity('service-requests', '08', ['title']),
	entity('pm', '09'),
	entity('users', '10'),
	entity('teams', '11'),
	entity('asset-templates', '12'),
	entity('statuses/work-orders', '13'),
	entity('statuses/service-requests', '14'),
	entity('organizations', '15'),
	entity('accounts', '16'),
	entity('uom', '17'),
	entity('companies', '18'),
	entity('vendors', '19'),
	entity('customers', '20', ['name']),
	entity('labors', '21'),
	entity('storerooms', '22'),
	entity('materials', '23', ['name']),
	entity('inventories', '24'),
	entity('stocks', '25', ['materialKey']),
	entity('purchase-orders.line-items', '26'),
	entity('purchase-orders', '27', ['title']),
	entity('return-orders', '28'),
	entity('documents', '29'),
	entity('statuses/purchase-orders', '30'),
	entity('statuses/return-orders', '31'),
];

export const ENTITY_BY_PATH = new Map(ENTITIES.map((e) => [e.path, e]));

/**
 * Material lines (the published `MaterialItem`: a material with its quantities on a work order, PM plan, asset template or
 * assembly). No list path publishes them as its own entity; they are served under `work-orders/{key}/materials`,
 * `work-orders/materials`, `pm/{key}/materials` and `asset-templates/{key}/materials`.
 */
export const MATERIAL_ITEMS: EntityDef = {
	path: 'material-items',
	code: '32',
	component: 'MaterialItem',
	fields: Object.keys(componentSchema('MaterialItem').properties),
	requiredOnCreate: [],
	create: false,
	update: false,
};

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
	organizationKey: 'organizations',
	accountKey: 'accounts',
	companyKey: 'companies',
	vendorKey: 'vendors',
	storeroomKey: 'storerooms',
	materialKey: 'materials',
	uomKey: 'uom',
	poKey: 'purchase-orders',
};
