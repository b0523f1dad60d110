// A small client for n8n's internal REST API (/rest/*), the one its editor uses: owner setup, login
// with a session cookie, credentials, workflows, activation, manual runs and executions.
import { parse as parseFlatted } from 'flatted';

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export interface WorkflowJson {
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface StoredWorkflow extends WorkflowJson {
	id: string;
	active: boolean;
	versionId: string;
}

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	startedAt: string;
	stoppedAt?: string;
}

export type NodeItems = Array<{ json: Record<string, unknown>; binary?: Record<string, unknown> }>;

export interface ExecutionDetail extends ExecutionSummary {
	/** items per node name, first output of the node's last run */
	output: Record<string, NodeItems>;
	error?: { message: string; description?: string; node?: string };
}

export class N8nRestError extends Error {
	constructor(
		readonly status: number,
		readonly path: string,
		readonly body: string,
	) {
		super(`n8n ${path} answered ${status}: ${body.slice(0, 500)}`);
	}
}

export class N8nRest {
	private cookie = '';

	constructor(readonly url: string) {}

	async request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const res = await fetch(`${this.url}/rest${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				accept: 'application/json',
				...(this.cookie ? { cookie: this.cookie } : {}),
				'browser-id': 'makini-demo', // n8n ties the session cookie to a browser id
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = res.headers.getSetCookie?.() ?? [];
		const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
		const text = await res.text();
		if (!res.ok) throw new N8nRestError(res.status, path, text);
		const parsed = text ? (JSON.parse(text) as { data?: T }) : {};
		return (parsed.data ?? parsed) as T;
	}

	/** Creates the owner on a fresh instance, or just logs in when one already exists. */
	async ensureOwner(owner: Owner): Promise<void> {
		const settings = await this.request<{ userManagement?: { showSetupOnFirstLoad?: boolean } }>('GET', '/settings');
		if (settings.userManagement?.showSetupOnFirstLoad !== false) {
			await this.request('POST', '/owner/setup', owner);
		}
		await this.login(owner);
	}

	async login(owner: Pick<Owner, 'email' | 'password'>): Promise<void> {
		await this.request('POST', '/login', { emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password });
	}

	async listCredentials(): Promise<Array<{ id: string; name: string; type: string }>> {
		return this.request('GET', '/credentials');
	}

	/** Creates the credential, or overwrites the data of an existing one with the same name and type. */
	async upsertCredential(name: string, type: string, data: Record<string, unknown>): Promise<string> {
		const existing = (await this.listCredentials()).find((c) => c.name === name && c.type === type);
		if (existing) {
			await this.request('PATCH', `/credentials/${existing.id}`, { name, type, data });
			return existing.id;
		}
		const created = await this.request<{ id: string }>('POST', '/credentials', { name, type, data });
		return created.id;
	}

	/** Runs the credential type's own test in n8n (what the editor does on save), on a stored credential. */
	async testCredential(id: string, name: string, type: string, data: Record<string, unknown>): Promise<{ status: string; message: string }> {
		return this.request('POST', '/credentials/test', { credentials: { id, name, type, data } });
	}

	async nodeTypes(): Promise<Array<{ name: string; displayName: string; credentials?: Array<{ name: string }> }>> {
		return this.types('/types/nodes.json');
	}

	async credentialTypes(): Promise<Array<{ name: string; displayName: string }>> {
		return this.types('/types/credentials.json');
	}

	/** The editor's static type lists. A GET is safe to repeat, so one retry covers n8n closing an idle
	 * kept-alive socket just as fetch reuses it ("other side closed", seen on n8n 2.x). */
	private async types<T>(path: string): Promise<T> {
		const get = () => fetch(`${this.url}${path}`, { headers: { cookie: this.cookie } });
		const res = await get().catch(get);
		if (!res.ok) throw new N8nRestError(res.status, path, await res.text());
		return (await res.json()) as T;
	}

	async listWorkflows(): Promise<StoredWorkflow[]> {
		return this.request('GET', '/workflows');
	}

	async getWorkflow(id: string): Promise<StoredWorkflow> {
		return this.request('GET', `/workflows/${id}`);
	}

	async createWorkflow(workflow: WorkflowJson): Promise<StoredWorkflow> {
		const { id: _id, active: _active, versionId: _versionId, ...rest } = workflow as WorkflowJson & Record<string, unknown>;
		return this.request('POST', '/workflows', { ...rest, active: false });
	}

	async updateWorkflow(id: string, patch: Partial<WorkflowJson> & { versionId: string }): Promise<StoredWorkflow> {
		return this.request('PATCH', `/workflows/${id}`, patch);
	}

	/** Activates (registers its triggers, webhooks and polls) or deactivates a workflow. */
	async setActive(id: string, active: boolean): Promise<StoredWorkflow> {
		if (!active) return this.request('POST', `/workflows/${id}/deactivate`);
		const current = await this.getWorkflow(id);
		return this.request('POST', `/workflows/${id}/activate`, { versionId: current.versionId });
	}

	/** Deactivates, archives and deletes a workflow (n8n deletes only archived workflows). */
	async deleteWorkflow(id: string): Promise<void> {
		const current = await this.getWorkflow(id);
		if (current.active) await this.setActive(id, false);
		await this.request('POST', `/workflows/${id}/archive`);
		await this.request('DELETE', `/workflows/${id}`);
	}

	/** Starts a manual run from the named trigger, as the editor's "Execute workflow" button does. */
	async runManually(workflow: StoredWorkflow, triggerName: string): Promise<string> {
		const started = await this.request<{ executionId?: string; waitingForWebhook?: boolean }>('POST', `/workflows/${workflow.id}/run`, {
			workflowData: workflow,
			triggerToStartFrom: { name: triggerName },
		});
		if (!started.executionId) throw new Error(`n8n did not start "${workflow.name}" (${JSON.stringify(started)})`);
		return started.executionId;
	}

	async listExecutions(workflowId?: string): Promise<ExecutionSummary[]> {
		const filter = workflowId ? `?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}` : '';
		const page = await this.request<{ results: ExecutionSummary[] }>('GET', `/executions${filter}`);
		return page.results;
	}

	async getExecution(id: string): Promise<ExecutionDetail> {
		const raw = await this.request<ExecutionSummary & { data: string }>('GET', `/executions/${id}`);
		const data = parseFlatted(raw.data) as {
			resultData: { runData: Record<string, Array<{ data?: { main?: Array<NodeItems | null> } }>>; error?: ExecutionDetail['error'] };
		};
		const output: Record<string, NodeItems> = {};
		for (const [node, runs] of Object.entries(data.resultData.runData ?? {})) {
			output[node] = runs[runs.length - 1]?.data?.main?.[0] ?? [];
		}
		return { ...raw, output, error: data.resultData.error };
	}

	/** Polls until the execution has finished (any final status) and returns it with its data. */
	async waitForExecution(id: string, timeoutMs = 60_000): Promise<ExecutionDetail> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const detail = await this.getExecution(id).catch(() => undefined);
			if (detail && !['new', 'running', 'waiting'].includes(detail.status)) return detail;
			if (Date.now() > deadline) throw new Error(`execution ${id} did not finish within ${timeoutMs / 1000} s`);
			await new Promise((r) => setTimeout(r, 300));
		}
	}
}
