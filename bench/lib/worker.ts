import { fork, type ChildProcess } from 'child_process';
import { join } from 'path';

interface Reply {
	id: number;
	result?: unknown;
	error?: string;
}

/**
 * A benchmark side running in its own Node process, so that its peak RSS is its own (the sandbox and the
 * other side live in other processes) and it gets a core of its own while the sandbox serves from another.
 * Tasks are called over IPC; see bench/child.ts for the task names.
 */
export class Worker {
	private readonly child: ChildProcess;

	private nextId = 1;

	private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

	constructor(readonly label: string) {
		this.child = fork(join(__dirname, '..', 'child.ts'), [], {
			execArgv: ['--require', 'ts-node/register/transpile-only', '--expose-gc'],
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
			// n8n-core warns about the throwaway settings file of the benchmarks' user folder otherwise.
			env: { ...process.env, N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false' },
		});
		this.child.on('message', (message: Reply) => {
			const waiting = this.pending.get(message.id);
			if (!waiting) return;
			this.pending.delete(message.id);
			if (message.error !== undefined) waiting.reject(new Error(`${label}: ${message.error}`));
			else waiting.resolve(message.result);
		});
		this.child.on('exit', (code) => {
			for (const waiting of this.pending.values()) waiting.reject(new Error(`${label} exited (code ${code})`));
			this.pending.clear();
		});
	}

	async call<T>(task: string, args: unknown = {}): Promise<T> {
		const id = this.nextId++;
		return await new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			this.child.send({ id, task, args });
		});
	}

	async close(): Promise<void> {
		if (this.child.exitCode !== null) return;
		await new Promise<void>((resolve) => {
			this.child.once('exit', () => resolve());
			this.child.disconnect();
		});
	}
}

/** Runs one task in a fresh process (fresh heap and a fresh peak-RSS counter) and ends it. */
export async function inFreshProcess<T>(label: string, task: string, args: unknown): Promise<T> {
	const worker = new Worker(label);
	try {
		return await worker.call<T>(task, args);
	} finally {
		await worker.close();
	}
}
