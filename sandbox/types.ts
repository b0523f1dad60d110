// Public types of the sandbox (fixed in the team's shared interface; tests and benchmarks code against them).
export interface SandboxOptions {
	port?: number; // 0 = ephemeral (tests); CLI default 4010
	seed?: number; // deterministic data, default 42
	assets?: number; // CCN connection's asset count, default 40
	control?: boolean; // enable /__sandbox/* control endpoints
	timeScale?: number; // webhook retry schedule multiplier (0.001 makes 30 s -> 30 ms)
	settings?: Partial<Settings>; // the starting API behaviour (see Settings); changeable later
}

/** How the API behaves, server-wide: startup options, `configure()` or PUT /__sandbox/settings. */
export interface Settings {
	strict: boolean; // query forms the contract does not document are not understood (default); false = tolerant
	maxPerPage: number; // per_page cap (default 500)
	errorForm: 'error' | 'status'; // {error:{code,type,message,request_id}} (default) or {status, errors:[...]}
	recordShape: 'key' | 'v4'; // published key shape (default) or v4 id/_updatedAt
	maxUploadBytes: number; // largest multipart body POST /api/eam/documents accepts (default 10 MiB), else 413
}

export interface SandboxConnection {
	id: string;
	name: string;
	provider: string;
	token: string;
	webhookSecret: string;
}

export interface Scenario {
	latencyMs: number;
	rateLimitPerMinute: number;
	errorRate: number;
	errorStatuses: number[];
	resetRate: number;
	truncateRate: number;
	lostResponseRate: number;
	reauthorizationRequired: boolean;
	slowMs: number;
}

export interface Delivery {
	id: string;
	connectionId: string;
	url: string;
	event: string;
	attempt: number;
	status: number | null;
	at: string;
	payload: unknown;
}

export interface Subscription {
	url: string;
	secret?: string;
	events?: string[];
}

export interface Stats {
	requests: number;
	faults: number;
	byStatus: Record<string, number>;
}

export interface Sandbox {
	url: string;
	port: number;
	connections: { ccn: SandboxConnection; cmms: SandboxConnection };
	setScenario(connectionId: string, scenario: Partial<Scenario>): void;
	resetScenarios(): void;
	subscribe(connectionId: string, sub: Subscription): void;
	emit(connectionId: string, event: string, body?: unknown): Promise<void>;
	deliveries(): Delivery[];
	records(connectionId: string, entity: string): Array<Record<string, unknown>>;
	stats(connectionId?: string): Stats;
	close(): Promise<void>;
}

export type DataRecord = Record<string, unknown> & { key: string };
