// Every published endpoint has an operation, and every operation is exercised: the (method, path template) pairs of
// BOTH published OpenAPI files (sandbox/openapi/*.json) against one table of cases. Each case runs its operation
// through n8n-core's real ExecuteContext against the strict sandbox, behind a recorder, and checks the request the
// node sent: method and path, the template's parameters filled in. An endpoint without a case, a case whose
// operation the node does not have ("no operation X in node"), and an operation without a case all fail.
import { readFileSync } from 'fs';
import { join } from 'path';

import axios from 'axios';
import type { IDataObject, INodeExecutionData, INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';

import { Makini } from '../../nodes/Makini/Makini.node';
import { MakiniSystem } from '../../nodes/Makini/MakiniSystem.node';
import { runNode } from '../harness/execute';
import type { CredentialStore } from '../harness/execute';
import { startRecorder } from '../harness/recorder';
import { useSandbox } from '../harness/sandbox';

jest.setTimeout(60_000);

const fx = useSandbox();
let recorder: Awaited<ReturnType<typeof startRecorder>>;
beforeAll(async () => {
	recorder = await startRecorder(fx.sandbox.url);
});
afterAll(async () => await recorder?.close());

// ---------------------------------------------------------------------------------------------------------------
// The published pairs

const OPENAPI_FILES = ['openapi-eam.json', 'openapi-system.json'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function publishedPairs(): string[] {
	return OPENAPI_FILES.flatMap((file) => {
		const spec = JSON.parse(readFileSync(join(__dirname, '../../sandbox/openapi', file), 'utf8')) as {
			paths: Record<string, Record<string, unknown>>;
		};
		return Object.entries(spec.paths).flatMap(([path, item]) =>
			Object.keys(item)
				.filter((method) => METHODS.includes(method))
				.map((method) => `${method.toUpperCase()} ${path}`),
		);
	});
}

// ---------------------------------------------------------------------------------------------------------------
// The nodes

type NodeName = 'makini' | 'makiniSystem';

const nodes: Record<NodeName, INodeType> = { makini: new Makini(), makiniSystem: new MakiniSystem() };

const nodeOf = (name: NodeName): INodeType => nodes[name];

/** resource → operations, read from the node description's Operation dropdowns. */
function operationsOf(node: INodeType): Map<string, string[]> {
	const found = new Map<string, string[]>();
	for (const property of node.description.properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		const values = (property.options ?? []).map((option) => String((option as { value: unknown }).value));
		for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
			found.set(resource, [...(found.get(resource) ?? []), ...values]);
		}
	}
	return found;
}

/** Fails with what is missing when the node does not offer resource.operation. */
function assertOperation(name: NodeName, resource: string, operation: string): INodeType {
	const node = nodeOf(name);
	const operations = operationsOf(node).get(resource);
	if (!operations) throw new Error(`no resource "${resource}" in node ${name} (so no operation ${resource}.${operation})`);
	if (!operations.includes(operation)) {
		throw new Error(`no operation ${resource}.${operation} in node ${name} (it has: ${operations.join(', ')})`);
	}
	return node;
}

/** The parameter `name` shown for resource.operation, to pass a key the way its type takes it. */
function parameterOf(node: INodeType, resource: string, operation: string, name: string): INodeProperties | undefined {
	return node.description.properties.find((p) => {
		const show = p.displayOptions?.show;
		return (
			p.name === name &&
			(!show?.resource || (show.resource as string[]).includes(resource)) &&
			(!show?.operation || (show.operation as string[]).includes(operation))
		);
	});
}

// ---------------------------------------------------------------------------------------------------------------
// The table

interface Setup {
	parameters: INodeParameters;
	/** Values of the template's `{…}` parameters. */
	path?: Record<string, string>;
	/** For a request outside the published paths (a document's file), the exact path expected. */
	expectPath?: string;
	/** Input items (default one empty item). */
	items?: INodeExecutionData[];
}

interface Case {
	/** `METHOD /path/{template}` as published; or `GET {url}` for a request to a URL a record carries. */
	pair: string;
	node: NodeName;
	resource: string;
	operation: string;
	/** Minimal parameters (keys of existing sandbox records picked through `c`). */
	setup?: (c: Sandbox) => Setup | Promise<Setup>;
}

interface Sandbox {
	records(entity: string): IDataObject[];
	/** The key of the `index`-th record of an entity. */
	key(entity: string, index?: number): string;
}

const rl = (value: string) => ({ __rl: true, mode: 'key', value });

/** Get by key: `<resource>Key` is the record's key. */
const get = (resource: string, entity: string): Case => ({
	pair: `GET /api/eam/${entity}/{key}`,
	node: 'makini',
	resource,
	operation: 'get',
	setup: (c) => {
		const key = c.key(entity);
		return { parameters: { [`${resource}Key`]: key }, path: { key } };
	},
});
const getAll = (resource: string, entity: string, parameters: INodeParameters = {}): Case => ({
	pair: `GET /api/eam/${entity}`,
	node: 'makini',
	resource,
	operation: 'getAll',
	setup: () => ({ parameters }),
});
const reads = (resource: string, entity: string) => [getAll(resource, entity), get(resource, entity)];
const withKey =
	(entity: string, parameter: string, rest: INodeParameters = {}) =>
	(c: Sandbox): Setup => {
		const key = c.key(entity);
		return { parameters: { [parameter]: key, ...rest }, path: { key } };
	};

/** The connection's own token, for the System API cases that act on a connection. */
const CCN = 'ccn';

const CASES: Case[] = [
	// EAM: reads
	...reads('organization', 'organizations'),
	...reads('site', 'sites'),
	...reads('location', 'locations'),
	...reads('storeroom', 'storerooms'),
	...reads('account', 'accounts'),
	...reads('team', 'teams'),
	...reads('labor', 'labors'),
	...reads('user', 'users'),
	...reads('unitOfMeasure', 'uom'),
	...reads('company', 'companies'),
	...reads('vendor', 'vendors'),
	...reads('customer', 'customers'),
	...reads('stock', 'stocks'),
	...reads('purchaseOrder', 'purchase-orders'),
	...reads('purchaseOrderLineItem', 'purchase-orders.line-items'),
	...reads('material', 'materials'),
	...reads('asset', 'assets'),
	...reads('assetDowntime', 'assets-downtime'),
	...reads('assetTemplate', 'asset-templates'),
	...reads('meter', 'meters'),
	...reads('meterReading', 'meter-readings'),
	...reads('preventiveMaintenance', 'pm'),
	...reads('workOrder', 'work-orders'),
	...reads('serviceRequest', 'service-requests'),
	...reads('document', 'documents'),
	...reads('inventory', 'inventories'),
	...reads('returnOrder', 'return-orders'),
	// EAM: related lists
	{ pair: 'GET /api/eam/assets/{key}/materials', node: 'makini', resource: 'asset', operation: 'getMaterials', setup: withKey('assets', 'assetKey') },
	{ pair: 'GET /api/eam/assets/{key}', node: 'makini', resource: 'asset', operation: 'getSnapshot', setup: withKey('assets', 'assetKey') },
	{ pair: 'GET /api/eam/materials/{key}/children', node: 'makini', resource: 'material', operation: 'getChildren', setup: withKey('materials', 'materialKey') },
	{ pair: 'GET /api/eam/asset-templates/{key}/materials', node: 'makini', resource: 'assetTemplate', operation: 'getMaterials', setup: withKey('asset-templates', 'assetTemplateKey') },
	{ pair: 'GET /api/eam/pm/{key}/materials', node: 'makini', resource: 'preventiveMaintenance', operation: 'getMaterials', setup: withKey('pm', 'preventiveMaintenanceKey') },
	{ pair: 'GET /api/eam/work-orders/{key}/materials', node: 'makini', resource: 'workOrder', operation: 'getMaterials', setup: withKey('work-orders', 'workOrderKey') },
	{ pair: 'GET /api/eam/work-orders/materials', node: 'makini', resource: 'workOrder', operation: 'getAllMaterials', setup: () => ({ parameters: {} }) },
	{ pair: 'GET /api/eam/work-orders/custom-fields', node: 'makini', resource: 'workOrder', operation: 'getCustomFields', setup: () => ({ parameters: {} }) },
	// EAM: statuses
	...(
		[
			['workOrders', 'work-orders'],
			['serviceRequests', 'service-requests'],
			['purchaseOrders', 'purchase-orders'],
			['returnOrders', 'return-orders'],
		] as const
	).map(([kind, path]): Case => ({ pair: `GET /api/eam/statuses/${path}`, node: 'makini', resource: 'status', operation: 'getAll', setup: () => ({ parameters: { kind } }) })),
	// EAM: writes
	{ pair: 'POST /api/eam/assets', node: 'makini', resource: 'asset', operation: 'create', setup: () => ({ parameters: { name: 'CH-9 30XA air-cooled chiller' } }) },
	{ pair: 'PUT /api/eam/assets/{key}', node: 'makini', resource: 'asset', operation: 'update', setup: withKey('assets', 'assetKey', { updateFields: { notes: 'coverage' } }) },
	{ pair: 'POST /api/eam/work-orders', node: 'makini', resource: 'workOrder', operation: 'create', setup: () => ({ parameters: { title: 'CH-1: 2,000 run hours service' } }) },
	{ pair: 'PUT /api/eam/work-orders/{key}', node: 'makini', resource: 'workOrder', operation: 'update', setup: withKey('work-orders', 'workOrderKey', { updateFields: { instructions: 'coverage' } }) },
	{
		pair: 'PUT /api/eam/work-orders/{key}/status',
		node: 'makini',
		resource: 'workOrder',
		operation: 'updateStatus',
		setup: (c) => withKey('work-orders', 'workOrderKey', { statusKey: c.key('statuses/work-orders', 1) })(c),
	},
	{
		pair: 'POST /api/eam/work-orders/{key}/materials',
		node: 'makini',
		resource: 'workOrder',
		operation: 'addMaterial',
		setup: (c) => {
			// A work order without material lines yet, so the part is new on it.
			const lines = c.records('material-items');
			const key = String(c.records('work-orders').find((w) => !lines.some((l) => l.workOrderKey === w.key))!.key);
			return {
				parameters: { workOrderKey: key, materialKey: c.key('materials'), storeroomKey: c.key('storerooms'), requiredQuantity: 1, usedQuantity: 0 },
				path: { key },
			};
		},
	},
	{
		pair: 'PUT /api/eam/work-orders/{key}/materials/{materialKey}',
		node: 'makini',
		resource: 'workOrder',
		operation: 'updateMaterial',
		setup: (c) => {
			// A part already on a work order (seeded material line).
			const line = c.records('material-items').find((l) => l.workOrderKey != null)!;
			const key = String(line.workOrderKey);
			const materialKey = String(line.materialKey);
			return { parameters: { workOrderKey: key, materialKey, requiredQuantity: 1, usedQuantity: 1 }, path: { key, materialKey } };
		},
	},
	{ pair: 'POST /api/eam/service-requests', node: 'makini', resource: 'serviceRequest', operation: 'create', setup: () => ({ parameters: { title: 'AHU-3 supply air temperature alarm' } }) },
	{ pair: 'POST /api/eam/customers', node: 'makini', resource: 'customer', operation: 'create', setup: () => ({ parameters: { name: 'Lakeshore Office Park LLC' } }) },
	{ pair: 'POST /api/eam/stocks', node: 'makini', resource: 'stock', operation: 'create', setup: (c) => ({ parameters: { materialKey: c.key('materials') } }) },
	{ pair: 'PUT /api/eam/stocks/{key}', node: 'makini', resource: 'stock', operation: 'update', setup: withKey('stocks', 'stockKey', { updateFields: { quantity: 3 } }) },
	{ pair: 'POST /api/eam/purchase-orders', node: 'makini', resource: 'purchaseOrder', operation: 'create', setup: () => ({ parameters: { title: '19XR oil filters' } }) },
	{ pair: 'PUT /api/eam/purchase-orders/{key}', node: 'makini', resource: 'purchaseOrder', operation: 'update', setup: withKey('purchase-orders', 'purchaseOrderKey', { updateFields: { notes: 'coverage' } }) },
	{
		pair: 'PUT /api/eam/purchase-orders/{key}/status',
		node: 'makini',
		resource: 'purchaseOrder',
		operation: 'updateStatus',
		setup: (c) => withKey('purchase-orders', 'purchaseOrderKey', { status: c.key('statuses/purchase-orders', 1) })(c),
	},
	{ pair: 'POST /api/eam/materials', node: 'makini', resource: 'material', operation: 'create', setup: () => ({ parameters: { name: '19XRV VFD cooling fan' } }) },
	{ pair: 'PUT /api/eam/materials/{key}', node: 'makini', resource: 'material', operation: 'update', setup: withKey('materials', 'materialKey', { updateFields: { criticality: 'high' } }) },
	{ pair: 'PUT /api/eam/materials/{key}/inventory', node: 'makini', resource: 'material', operation: 'setInventory', setup: withKey('materials', 'materialKey', { quantity: 5 }) },
	{ pair: 'PUT /api/eam/inventories/{key}', node: 'makini', resource: 'inventory', operation: 'update', setup: withKey('inventories', 'inventoryKey', { updateFields: { quantity: 17 } }) },
	{ pair: 'POST /api/eam/return-orders', node: 'makini', resource: 'returnOrder', operation: 'create', setup: () => ({ parameters: { description: 'Wrong filter drier core shipped' } }) },
	{ pair: 'PUT /api/eam/return-orders/{key}', node: 'makini', resource: 'returnOrder', operation: 'update', setup: withKey('return-orders', 'returnOrderKey', { updateFields: { notes: 'coverage' } }) },
	{
		pair: 'POST /api/eam/documents',
		node: 'makini',
		resource: 'document',
		operation: 'upload',
		setup: () => ({
			parameters: { binaryPropertyName: 'data' },
			items: [{ json: {}, binary: { data: { data: Buffer.from('%PDF-1.4 coverage').toString('base64'), mimeType: 'application/pdf', fileName: 'coverage.pdf' } } }],
		}),
	},
	{
		pair: 'GET {url}',
		node: 'makini',
		resource: 'document',
		operation: 'download',
		setup: async (c) => {
			// The record's url, pointed through the recorder (same origin as the credential's Base URL) to see the request.
			const key = c.key('documents');
			const path = new URL(String(c.records('documents')[0].url)).pathname;
			await axios.post(`${fx.sandbox.url}/__sandbox/connections/ccn/changes`, { entity: 'documents', key, patch: { url: `${recorder.url}${path}` } });
			return { parameters: { documentKey: key }, expectPath: path };
		},
	},
	// Raw tables, passthrough, the connection
	{ pair: 'GET /api/raw/tables', node: 'makini', resource: 'rawTable', operation: 'getAll', setup: () => ({ parameters: {} }) },
	{
		pair: 'GET /api/raw/tables/{table}/data',
		node: 'makini',
		resource: 'rawTable',
		operation: 'getRows',
		setup: () => ({ parameters: { table: 'ccn_points' }, path: { table: 'ccn_points' } }),
	},
	{ pair: 'POST /api/passthrough', node: 'makini', resource: 'passthrough', operation: 'send', setup: () => ({ parameters: { mode: 'request', method: 'get', path: 'dataservice' } }) },
	{ pair: 'GET /api/integrations/current', node: 'makini', resource: 'connection', operation: 'getSyncStatus', setup: () => ({ parameters: {} }) },
	// System API (admin credential)
	{ pair: 'GET /api/system/platforms', node: 'makiniSystem', resource: 'platform', operation: 'getAll', setup: () => ({ parameters: {} }) },
	{ pair: 'GET /api/system/client', node: 'makiniSystem', resource: 'client', operation: 'get', setup: () => ({ parameters: {} }) },
	{ pair: 'GET /api/system/connections', node: 'makiniSystem', resource: 'connection', operation: 'getAll', setup: () => ({ parameters: {} }) },
	{
		pair: 'POST /api/system/connections',
		node: 'makiniSystem',
		resource: 'connection',
		operation: 'create',
		setup: () => ({ parameters: { name: 'Coverage site', email: 'facilities@example.com', provider: 'carrier-ccn' } }),
	},
	{ pair: 'GET /api/system/connections/{id}/metadata', node: 'makiniSystem', resource: 'connection', operation: 'getMetadata', setup: () => ({ parameters: { connectionKey: CCN }, path: { id: CCN } }) },
	{
		pair: 'POST /api/system/connections/{id}/metadata',
		node: 'makiniSystem',
		resource: 'connection',
		operation: 'setMetadata',
		setup: () => ({ parameters: { connectionKey: CCN, metadata: { entries: [{ key: 'site', value: 'Harbor Point' }] } }, path: { id: CCN } }),
	},
	{ pair: 'POST /api/system/connections/{id}/token', node: 'makiniSystem', resource: 'connection', operation: 'createToken', setup: () => ({ parameters: { connectionKey: CCN }, path: { id: CCN } }) },
	{ pair: 'DELETE /api/system/connections/{id}', node: 'makiniSystem', resource: 'connection', operation: 'delete', setup: () => ({ parameters: { connectionKey: 'cmms' }, path: { id: 'cmms' } }) },
	// Last: disconnects the CCN connection.
	{ pair: 'DELETE /api/integrations/current', node: 'makini', resource: 'connection', operation: 'disconnect', setup: () => ({ parameters: {} }) },
];

const label = (c: Case) => `${c.pair} → ${c.node} ${c.resource}.${c.operation}`;

// ---------------------------------------------------------------------------------------------------------------
// Running a case

async function credentialsFor(name: NodeName): Promise<CredentialStore> {
	if (name === 'makini') return { makiniApi: { baseUrl: recorder.url, token: fx.sandbox.connections.ccn.token } };
	const client = fx.sandbox.oauthClient;
	// The admin token comes from the credential's preAuthentication (client credentials at <Base URL>/link/token).
	return { makiniSystemApi: { baseUrl: recorder.url, clientId: client.clientId, clientSecret: client.clientSecret } };
}

/** Parameters as the description takes them: a key given as text becomes a resource locator where one is asked. */
function asDescribed(node: INodeType, c: Case, parameters: INodeParameters): INodeParameters {
	return Object.fromEntries(
		Object.entries(parameters).map(([name, value]) => {
			const type = parameterOf(node, c.resource, c.operation, name)?.type;
			return [name, type === 'resourceLocator' && typeof value === 'string' ? rl(value) : value];
		}),
	) as INodeParameters;
}

const sandboxView: Sandbox = {
	records: (entity) => fx.sandbox.records('ccn', entity) as IDataObject[],
	key(entity, index = 0) {
		const record = this.records(entity)[index];
		if (!record) throw new Error(`the sandbox has no ${entity} record #${index}`);
		return String(record.key);
	},
};

function expectedPath(c: Case, setup: Setup): string {
	if (setup.expectPath) return setup.expectPath;
	const template = c.pair.split(' ')[1];
	return template.replace(/\{(\w+)\}/g, (_, name: string) => {
		const value = setup.path?.[name];
		if (value === undefined) throw new Error(`${label(c)}: the case gives no value for {${name}}`);
		return encodeURIComponent(value);
	});
}

// ---------------------------------------------------------------------------------------------------------------
// The tests

describe('API coverage: the published endpoints and the node operations', () => {
	const casePairs = new Set(CASES.map((c) => c.pair));

	test('every published (method, path) pair has an operation in the table', () => {
		const missing = publishedPairs().filter((pair) => !casePairs.has(pair));
		expect(missing).toEqual([]);
	});

	test('every pair in the table is published (or is a record URL)', () => {
		const published = new Set([...publishedPairs(), 'GET {url}']);
		expect([...casePairs].filter((pair) => !published.has(pair))).toEqual([]);
	});

	test.each(['makini', 'makiniSystem'] as const)('every operation of the %s node has a case in the table', (name) => {
		const node = nodeOf(name);
		const covered = new Set(CASES.filter((c) => c.node === name).map((c) => `${c.resource}.${c.operation}`));
		const offered = [...operationsOf(node)].flatMap(([resource, operations]) => operations.map((op) => `${resource}.${op}`));
		expect(offered.length).toBeGreaterThan(0);
		expect(offered.filter((op) => !covered.has(op))).toEqual([]);
	});

	test.each(CASES.map((c) => [label(c), c] as const))('%s', async (_name, c) => {
		const node = assertOperation(c.node, c.resource, c.operation);
		const setup = (await c.setup?.(sandboxView)) ?? { parameters: {} };
		const expected = expectedPath(c, setup);
		const method = c.pair.split(' ')[0];
		recorder.sent.splice(0);
		let failure: Error | undefined;
		try {
			await runNode({
				node,
				parameters: { resource: c.resource, operation: c.operation, ...asDescribed(node, c, setup.parameters) },
				credentials: await credentialsFor(c.node),
				items: setup.items,
			});
		} catch (error) {
			failure = error as Error;
		}
		const sent = recorder.sent.map((s) => `${s.method} ${s.path}`);
		if (!sent.includes(`${method} ${expected}`)) {
			throw new Error(
				`${label(c)}: expected the node to send ${method} ${expected}; it sent ${sent.length ? sent.join(', ') : 'nothing'}` +
					(failure ? ` and failed: ${failure.message}` : ''),
			);
		}
		if (failure) throw new Error(`${label(c)}: sent ${method} ${expected} but failed: ${failure.message}`);
	});
});
