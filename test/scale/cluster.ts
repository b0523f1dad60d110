// n8n in queue mode as a self-hosted user scales it out: one main process (editor, REST, triggers that are
// not webhooks), `n8n worker` processes running the executions and `n8n webhook` processors taking the
// production webhooks, sharing PostgreSQL, Redis and the encryption key. Each process has its own user
// folder with the package installed from the `npm pack` tarball, as each container of a deployment would:
// a shared folder breaks queue mode, because every n8n keeps a crash journal there, and a process that
// starts while another runs takes it for a crash and marks every queued execution `crashed`.
import { randomBytes } from 'crypto';
import { join } from 'path';
import { ensureN8nInstalled } from '../../demo/n8n/install';
import { N8nCommand, N8nInstance, startN8n } from '../../demo/n8n/process';
import type { Service } from './services';

export interface Cluster {
	main: N8nInstance;
	webhooks: N8nInstance[];
	workers: N8nInstance[]; // running workers, in start order
	startWorker(): Promise<N8nInstance>;
	stopWorkers(): Promise<void>;
	stop(): Promise<void>;
}

export interface ClusterOptions {
	version: string;
	folder: string; // user folders go here, one per process
	postgres: Service;
	redis: Service;
	webhookProcessors: number;
	log: (line: string) => void;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
	const bin = await ensureN8nInstalled(options.log, options.version);
	const env: Record<string, string> = {
		N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(options.postgres.port),
		DB_POSTGRESDB_DATABASE: 'postgres',
		DB_POSTGRESDB_USER: 'postgres',
		DB_POSTGRESDB_PASSWORD: '',
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(options.redis.port),
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true', // manual runs go to workers too
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true', // production webhooks only on the webhook processors
	};
	let started = 0;
	const start = (command: N8nCommand) =>
		startN8n({ bin, version: options.version, command, userFolder: join(options.folder, `${command}-${++started}`), env, log: options.log });

	const running: N8nInstance[] = [];
	const workers: N8nInstance[] = [];
	const stopAll = () => Promise.all(running.splice(0).map((p) => p.stop()));
	try {
		const main = await start('start'); // first: runs the database migrations
		running.push(main);
		const webhooks = await Promise.all(Array.from({ length: options.webhookProcessors }, () => start('webhook')));
		running.push(...webhooks);
		return {
			main,
			webhooks,
			workers,
			startWorker: async () => {
				const worker = await start('worker');
				running.push(worker);
				workers.push(worker);
				return worker;
			},
			stopWorkers: async () => {
				for (const worker of workers.splice(0)) {
					await worker.stop();
					running.splice(running.indexOf(worker), 1);
				}
			},
			stop: async () => {
				await stopAll();
			},
		};
	} catch (error) {
		await stopAll();
		throw error;
	}
}
