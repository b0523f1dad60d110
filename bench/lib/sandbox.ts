import { startSandbox } from '../../sandbox';
import type { RunningSandbox } from '../../sandbox';
import { cpuMsSince } from './measure';
import type { Target } from '../tasks/common';

/** A sandbox of its own for one benchmark, in this (the parent) process; the sides run in child processes. */
export async function benchSandbox(assets: number): Promise<{ sandbox: RunningSandbox; target: Target; connectionId: string }> {
	const sandbox = await startSandbox({ port: 0, assets, control: true });
	const ccn = sandbox.connections.ccn;
	return { sandbox, target: { url: sandbox.url, token: ccn.token }, connectionId: ccn.id };
}

/**
 * Requests and answers by status that the sandbox counted while `run` ran, and the CPU time the sandbox (this
 * process, otherwise idle while a side runs in its child) spent serving them.
 */
export async function counted<T>(
	sandbox: RunningSandbox,
	connectionId: string,
	run: () => Promise<T>,
): Promise<{ value: T; requests: number; byStatus: Record<string, number>; sandboxCpuMs: number }> {
	const before = sandbox.stats(connectionId);
	const requestsBefore = before.requests;
	const statusBefore = { ...before.byStatus };
	const cpu = process.cpuUsage();
	const value = await run();
	const sandboxCpuMs = cpuMsSince(cpu);
	const after = sandbox.stats(connectionId);
	const byStatus: Record<string, number> = {};
	for (const [status, count] of Object.entries(after.byStatus)) {
		const delta = count - (statusBefore[status] ?? 0);
		if (delta) byStatus[status] = delta;
	}
	return { value, requests: after.requests - requestsBefore, byStatus, sandboxCpuMs };
}
