import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthState } from './auth';
import type { ConnectionState } from './connections';
import { countRequest, createConnection, emptyStats } from './connections';
import { ApiError, validationError } from './errors';
import type { Ctx, Reply } from './http';
import { errorReply, ok, send } from './http';
import { Prng } from './prng';
import type { ControlPowers } from './routes/control';
import { handleControl } from './routes/control';
import { connectionRequest } from './routes/connection';
import type { RequestMeta, TrafficDeps } from './routes/connection';
import { authorize, token } from './routes/link';
import { handlePassthrough, handleRaw } from './routes/raw';
import { handleSystem } from './routes/system';
import { HEALTHY, scenarioProblems } from './scenarios';
import { DEFAULT_SETTINGS, settingsProblems } from './settings';
import type { Sandbox, SandboxOptions, Scenario, Settings, Stats } from './types';
import { recordProblems } from './validator';
import { WebhookSender } from './webhooks';
import { attachFiles, FILE_PATH, serveFile } from './files';

export interface RunningSandbox extends Sandbox {
	/** The Makini Link OAuth client the sandbox accepts (authorize + /link/token, and client credentials). */
	oauthClient: { clientId: string; clientSecret: string };
	/** The API behaviour now in force. */
	settings(): Settings;
	/** Changes the API behaviour from now on (fields left out keep their value); invalid values throw. */
	configure(settings: Partial<Settings>): Settings;
	/** Back to the settings the sandbox started with. */
	resetSettings(): Settings;
}

const DATA_EVENT = /^[a-z-]+\.(inserted|updated)$/;

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
	const seed = options.seed ?? 42;
	const timeScale = options.timeScale ?? 1;
	const checkSettings = (partial: Partial<Settings>) => {
		const problems = Object.entries(settingsProblems(partial as Record<string, unknown>));
		if (problems.length) throw new Error(`Invalid settings: ${problems.map(([field, problem]) => `${field} ${problem}`).join('; ')}`);
	};
	checkSettings(options.settings ?? {});
	const startSettings: Settings = { ...DEFAULT_SETTINGS, ...options.settings };
	let settings: Settings = { ...startSettings };
	const configure = (partial: Partial<Settings>): Settings => {
		checkSettings(partial);
		settings = { ...settings, ...partial };
		return { ...settings };
	};
	const resetSettings = (): Settings => {
		settings = { ...startSettings };
		return { ...settings };
	};
	const secrets = new Prng(seed ^ 0xc11e);
	const auth = new AuthState({ clientId: 'makini-sandbox-client', clientSecret: `sbx_cs_${secrets.hex(32)}` });
	const connections = new Map<string, ConnectionState>();
	const ccn = createConnection({
		id: 'ccn',
		name: 'Carrier CCN - Harbor Point portfolio',
		provider: 'carrier-ccn',
		email: 'bms@harborpoint.example',
		code: '01',
		seed,
		portfolio: { assets: options.assets ?? 40, assetsPerSite: 40, firstSite: 0, workOrdersPerAsset: 0.2, serviceRequestsPerAsset: 0.08 },
	});
	const cmms = createConnection({
		id: 'cmms',
		name: 'Riverside Medical Center CMMS',
		provider: 'maintainx',
		email: 'facilities@riverside.example',
		code: '02',
		seed: seed + 1,
		portfolio: { assets: 16, assetsPerSite: 16, firstSite: 18, workOrdersPerAsset: 1.5, serviceRequestsPerAsset: 0.5 },
	});
	connections.set(ccn.info.id, ccn);
	connections.set(cmms.info.id, cmms);
	const webhooks = new WebhookSender(timeScale);
	const globalStats = emptyStats();
	const sleeps = new Set<() => void>();
	let url = '';

	const sleep = (ms: number) =>
		new Promise<void>((resolve) => {
			const done = () => {
				clearTimeout(timer);
				sleeps.delete(done);
				resolve();
			};
			const timer = setTimeout(done, ms);
			sleeps.add(done);
		});

	const connectionOf = (id: string): ConnectionState => {
		const c = connections.get(id);
		if (!c) throw new Error(`Unknown sandbox connection '${id}'`);
		return c;
	};

	const notify = (conn: ConnectionState, event: string, keys: string[]) => {
		void webhooks.publish(conn.info.id, conn.subscriptions, conn.info.webhookSecret, { event, body: keys });
	};

	const setScenario = (id: string, scenario: Partial<Scenario>) => {
		const c = connectionOf(id);
		const problems = Object.entries(scenarioProblems(scenario as Record<string, unknown>));
		if (problems.length) throw new Error(`Invalid scenario: ${problems.map(([field, problem]) => `${field} ${problem}`).join('; ')}`);
		// Each call replaces the scenario: fields left out are healthy.
		c.scenario = { ...HEALTHY, ...scenario };
		c.faultRng = new Prng(c.faultSeed);
		c.rateWindow = [];
	};

	const emit = async (id: string, event: string, body?: unknown) => {
		const c = connectionOf(id);
		const payload =
			DATA_EVENT.test(event) && Array.isArray(body)
				? { event, body }
				: { event, id: `evt_${randomBytes(8).toString('hex')}`, timestamp: new Date().toISOString(), connection_id: c.info.id, body: body ?? {} };
		await webhooks.publish(c.info.id, c.subscriptions, c.info.webhookSecret, payload);
	};

	const stats = (id?: string): Stats => {
		const s = id === undefined ? globalStats : connectionOf(id).stats;
		return { requests: s.requests, faults: s.faults, byStatus: { ...s.byStatus } };
	};

	const applyChange = (id: string, entity: string, key: string | undefined, patch: Record<string, unknown>) => {
		const c = connectionOf(id);
		const store = c.stores[entity];
		if (!store) throw new ApiError(404, `No entity '${entity}'`);
		// A change from the source system is still a published record: unknown fields or wrong types are refused.
		const problems = recordProblems(store.def.component, patch);
		if (Object.keys(problems).length) throw validationError(problems, 400);
		// updatedAt (where the entity has one) is bumped to now unless the patch sets it (to stage ties on purpose).
		const now = new Date().toISOString();
		const stamp = (field: string) => (store.def.fields.includes(field) ? { [field]: now } : {});
		if (key !== undefined && store.get(key)) {
			const record = store.patch(key, { ...stamp('updatedAt'), ...patch })!;
			notify(c, `${entity}.updated`, [record.key]);
			return record;
		}
		const record = store.add({ ...stamp('createdAt'), ...stamp('updatedAt'), ...patch, key });
		notify(c, `${entity}.inserted`, [record.key]);
		return record;
	};

	let created = 0;
	const addConnection = (name: string, email: string, provider: string) => {
		created += 1;
		const c = createConnection({ id: `conn_${created}`, name, provider, email, code: String(2 + created).padStart(2, '0'), seed: seed + 100 + created });
		connections.set(c.info.id, c);
		return c;
	};

	const powers: ControlPowers = {
		setScenario,
		subscribe: (id, sub) => {
			connectionOf(id).subscriptions.push({ ...sub });
		},
		emit,
		deliveries: () => webhooks.log.slice(),
		stats,
		listConnections: () => [...connections.values()].map((c) => ({ ...c.info, scenario: c.scenario })),
		oauthClient: auth.client,
		hasConnection: (id) => connections.has(id),
		resetScenario: (id) => setScenario(id, {}),
		clearSubscriptions: (id) => {
			connectionOf(id).subscriptions.length = 0;
		},
		applyChange,
		expireTokens: (id) => auth.expireAccessTokens(id),
		expireAdminTokens: () => auth.expireAdminTokens(),
		settings: () => ({ ...settings }),
		configure,
		resetSettings,
	};

	const traffic: TrafficDeps = { auth, connections, sleep, notify };

	async function route(ctx: Ctx, meta: RequestMeta): Promise<Reply | undefined> {
		const path = ctx.url.pathname;
		const method = ctx.req.method;
		if (path.startsWith('/api/eam/')) return connectionRequest(ctx, meta, path.slice('/api/eam/'.length), traffic);
		if (path.startsWith(FILE_PATH) && method === 'GET') {
			meta.connection = serveFile(ctx, auth, connections, path.slice(FILE_PATH.length));
			return undefined;
		}
		if (path === '/api/integrations/current' && method === 'GET') return connectionRequest(ctx, meta, undefined, traffic);
		if (path === '/api/integrations/current' && method === 'DELETE') {
			// The connection is gone: every token of it (static, Link or system-issued) is refused from now on.
			return connectionRequest(ctx, meta, (conn) => {
				connections.delete(conn.info.id);
				return ok({});
			}, traffic);
		}
		if (path === '/api/passthrough') return connectionRequest(ctx, meta, (conn) => handlePassthrough(ctx, conn), traffic);
		if (path.startsWith('/api/raw/')) return connectionRequest(ctx, meta, (conn) => handleRaw(ctx, conn, path.slice('/api/raw/'.length)), traffic);
		if (path.startsWith('/api/system/')) return handleSystem(ctx, path.slice('/api/system/'.length), auth, connections, addConnection);
		if (path === '/link/token' && method === 'POST') return token(ctx, auth, connections);
		if (path === '/oauth/authorize' && method === 'GET') return authorize(ctx, auth, connections);
		if (options.control && path.startsWith('/__sandbox/')) return handleControl(ctx, path.slice('/__sandbox/'.length), powers);
		throw new ApiError(404, `No such endpoint: ${method} ${path}`);
	}

	const server = createServer((req, res) => {
		const requestId = `req_${randomBytes(8).toString('hex')}`;
		res.setHeader('X-Request-Id', requestId);
		const ctx: Ctx = { req, res, url: new URL(req.url ?? '/', 'http://127.0.0.1'), requestId, baseUrl: url, settings };
		const meta: RequestMeta = { fault: false };
		res.on('close', () => {
			const status = res.headersSent ? res.statusCode : 'reset';
			countRequest(globalStats, status, meta.fault);
			if (meta.connection) countRequest(meta.connection.stats, status, meta.fault);
		});
		route(ctx, meta)
			.then((reply) => reply && send(ctx, reply))
			.catch((error: unknown) => {
				const apiError = error instanceof ApiError ? error : new ApiError(500, 'Internal sandbox error');
				send(ctx, errorReply(ctx, apiError));
			});
	});
	// Idle keep-alive sockets outlive the clients' own idle timeouts, so a client never reuses a socket the
	// server is closing at that moment (a spurious ECONNRESET that would look like an injected fault).
	server.keepAliveTimeout = 65_000;
	server.headersTimeout = 66_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	url = `http://127.0.0.1:${port}`;
	for (const c of connections.values()) attachFiles(c, url);

	return {
		url,
		port,
		connections: { ccn: ccn.info, cmms: cmms.info },
		oauthClient: { ...auth.client },
		settings: powers.settings,
		configure,
		resetSettings,
		setScenario,
		resetScenarios: () => {
			for (const id of connections.keys()) setScenario(id, {});
		},
		subscribe: powers.subscribe,
		emit,
		deliveries: powers.deliveries,
		records: (id, entity) => {
			const store = connectionOf(id).stores[entity];
			if (!store) throw new Error(`Unknown sandbox entity '${entity}'`);
			return store.records.slice();
		},
		stats,
		close: async () => {
			webhooks.close();
			for (const wake of [...sleeps]) wake();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
