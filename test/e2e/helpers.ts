// Shared by the end-to-end suites: one stack (sandbox + real n8n) per run, control-endpoint calls, waiting.
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { loadExamples, bindCredentials } from '../../demo/n8n/provision';
import type { StoredWorkflow } from '../../demo/n8n/rest';
import { Stack, startStack } from '../../demo/n8n/stack';

export const OWNER = { email: 'e2e@makini.local', password: 'MakiniE2e1', firstName: 'End', lastName: 'ToEnd' };
export const PACKAGE = 'n8n-nodes-makini';

export async function startE2eStack(): Promise<{ stack: Stack; cleanup: () => Promise<void> }> {
	const userFolder = mkdtempSync(join(tmpdir(), 'makini-e2e-n8n-'));
	let stack: Stack;
	try {
		stack = await startStack({ userFolder, owner: OWNER, log: (line) => process.stdout.write(`[e2e] ${line}\n`) });
	} catch (error) {
		rmSync(userFolder, { recursive: true, force: true });
		throw error;
	}
	return {
		stack,
		cleanup: async () => {
			await stack.stop();
			rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

/** Calls a sandbox control endpoint (/__sandbox/...) over HTTP, as an out-of-process user would. */
export async function control<T = unknown>(stack: Stack, method: string, path: string, body?: unknown): Promise<T> {
	const res = await fetch(`${stack.sandbox.url}/__sandbox${path}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	if (!res.ok) throw new Error(`sandbox ${method} ${path} answered ${res.status}: ${text}`);
	return (JSON.parse(text) as { data: T }).data;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 500): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((r) => setTimeout(r, intervalMs));
	}
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Imports one example (by file name prefix) into the stack's n8n, bound to its credentials. */
export async function importExample(stack: Stack, filePrefix: string, edit?: (wf: StoredWorkflow) => void): Promise<StoredWorkflow> {
	const example = loadExamples().find((e) => e.file.startsWith(filePrefix));
	if (!example) throw new Error(`no example ${filePrefix}*.json`);
	const workflow = bindCredentials(example.workflow, { ...stack.credentials, ...stack.systemCredentials }) as StoredWorkflow;
	edit?.(workflow);
	return stack.rest.createWorkflow(workflow);
}

export function triggerName(workflow: StoredWorkflow): string {
	const trigger = workflow.nodes.find((n) => /trigger/i.test(String(n.type)) && String(n.type) !== 'n8n-nodes-base.stickyNote');
	if (!trigger) throw new Error(`"${workflow.name}" has no trigger node`);
	return String(trigger.name);
}

/** Runs a workflow manually from its trigger and returns the finished execution. */
export async function runExample(stack: Stack, workflow: StoredWorkflow, timeoutMs = 60_000) {
	const id = await stack.rest.runManually(workflow, triggerName(workflow));
	return stack.rest.waitForExecution(id, timeoutMs);
}
