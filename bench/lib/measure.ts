import { readFileSync, writeFileSync } from 'fs';

/** What one measured run cost in its own process. */
export interface Measured<T> {
	value: T;
	elapsedMs: number;
	/** RSS right before the run (after full GCs). */
	rssBefore: number;
	/** The process's peak RSS during the run, as the kernel counted it. */
	peakRss: number;
	/** peakRss - rssBefore: what the run itself added at its peak. */
	rssGrowth: number;
	/** CPU time (user + system) this process spent on the run. */
	cpuMs: number;
}

function collectGarbage(): void {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (!gc) throw new Error('run with --expose-gc');
	gc();
	gc();
}

/** VmRSS or VmHWM (peak) of this process, in bytes. */
function status(field: 'VmRSS' | 'VmHWM'): number {
	const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'));
	if (!match) throw new Error(`no ${field} in /proc/self/status`);
	return Number(match[1]) * 1024;
}

/**
 * Times `run` and reads the peak RSS during it. The peak is the kernel's high-water mark (VmHWM), reset to
 * the current RSS right before the run (Linux: `5` into /proc/self/clear_refs), so module loading before the
 * run does not count, and no short peak inside a synchronous JSON.parse is missed the way sampling
 * process.memoryUsage() would miss it. It is per process, which is why every side runs in its own process.
 */
export async function measure<T>(run: () => Promise<T>): Promise<Measured<T>> {
	collectGarbage();
	writeFileSync('/proc/self/clear_refs', '5');
	const rssBefore = status('VmRSS');
	const cpu = process.cpuUsage();
	const start = process.hrtime.bigint();
	const value = await run();
	const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
	const cpuMs = cpuMsSince(cpu);
	const peakRss = status('VmHWM');
	return { value, elapsedMs, rssBefore, peakRss, rssGrowth: peakRss - rssBefore, cpuMs };
}

/** CPU time (user + system) of this process since `start`, in ms. */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000;
}

/** Time only, for runs whose memory is not the question. */
export async function timed<T>(run: () => Promise<T>): Promise<{ value: T; elapsedMs: number; cpuMs: number }> {
	const cpu = process.cpuUsage();
	const start = process.hrtime.bigint();
	const value = await run();
	return { value, elapsedMs: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: cpuMsSince(cpu) };
}
