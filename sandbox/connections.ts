import { generatePortfolio } from './data/portfolio';
import type { PortfolioProfile } from './data/portfolio';
import { PURCHASE_ORDER_STATUSES, RETURN_ORDER_STATUSES, SERVICE_REQUEST_STATUSES, WORK_ORDER_STATUSES } from './data/statuses';
import { Prng } from './prng';
import { HEALTHY } from './scenarios';
import { ENTITIES, MATERIAL_ITEMS } from './schema';
import { EntityStore } from './store';
import type { SandboxConnection, Scenario, Stats, Subscription } from './types';

export interface ConnectionState {
	info: SandboxConnection;
	email: string;
	createdAt: string;
	stores: Record<string, EntityStore>;
	scenario: Scenario;
	faultRng: Prng; // reseeded with the scenario, so a scenario's fault sequence is reproducible
	faultSeed: number;
	rateWindow: number[]; // times of requests admitted in the last minute
	stats: Stats;
	subscriptions: Subscription[];
	syncUpdatedAt: string;
	/** Integrator metadata (POST /api/system/connections/{id}/metadata), served as `user_metadata` (a JSON string). */
	metadata: Record<string, string>;
	files: Map<string, Buffer>; // document key → the bytes its url serves
}

export const emptyStats = (): Stats => ({ requests: 0, faults: 0, byStatus: {} });

export interface ConnectionSpec {
	id: string;
	name: string;
	provider: string;
	email: string;
	code: string; // two digits inside every key of this connection's records
	seed: number;
	portfolio?: Omit<PortfolioProfile, 'seed'>;
}

export function createConnection(spec: ConnectionSpec): ConnectionState {
	const secrets = new Prng(spec.seed ^ 0x5eed);
	const stores: Record<string, EntityStore> = {};
	for (const def of [...ENTITIES, MATERIAL_ITEMS]) stores[def.path] = new EntityStore(def, spec.code);
	const now = new Date().toISOString();
	if (spec.portfolio) {
		generatePortfolio(stores, { seed: spec.seed, ...spec.portfolio });
	} else {
		// A connection created through the system API starts empty apart from its status lists.
		for (const [code, name] of WORK_ORDER_STATUSES) stores['statuses/work-orders'].add({ name, code, scope: 'work-orders', isActive: true, createdAt: now, updatedAt: now });
		for (const [code, name] of SERVICE_REQUEST_STATUSES) stores['statuses/service-requests'].add({ name, code, scope: 'service-requests', isActive: true, createdAt: now, updatedAt: now });
		for (const [code, name] of PURCHASE_ORDER_STATUSES) stores['statuses/purchase-orders'].add({ name, code, scope: 'purchase-orders', isActive: true, createdAt: now, updatedAt: now });
		for (const [code, name] of RETURN_ORDER_STATUSES) stores['statuses/return-orders'].add({ name, code, scope: 'return-orders', isActive: true, createdAt: now, updatedAt: now });
	}
	return {
		info: {
			id: spec.id,
			name: spec.name,
			provider: spec.provider,
			token: `mk_sbx_${spec.id}_${secrets.hex(32)}`,
			webhookSecret: `whsec_${secrets.hex(32)}`,
		},
		email: spec.email,
		createdAt: now,
		stores,
		scenario: { ...HEALTHY },
		faultRng: new Prng(spec.seed ^ 0xfa17),
		faultSeed: spec.seed ^ 0xfa17,
		rateWindow: [],
		stats: emptyStats(),
		subscriptions: [],
		syncUpdatedAt: now,
		metadata: {},
		files: new Map(),
	};
}

export function countRequest(stats: Stats, status: number | string, fault: boolean): void {
	stats.requests += 1;
	if (fault) stats.faults += 1;
	stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
}
