// PostgreSQL and Redis for n8n's queue mode, from Debian's packages (`.ci/run` apt-installs them), each on a
// free port with its data in a temp folder, started and stopped by the scale test itself.
import { ChildProcess, execFileSync, spawn } from 'child_process';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'fs';
import { join } from 'path';
import { freePort } from '../../demo/n8n/process';

export interface Service {
	port: number;
	stop(): Promise<void>;
}

/** Debian keeps the server binaries of PostgreSQL <major> in /usr/lib/postgresql/<major>/bin. */
function postgresBin(name: string): string {
	const root = '/usr/lib/postgresql';
	const majors = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
	const bin = majors.map((m) => join(root, m, 'bin', name)).find(existsSync);
	if (!bin) throw new Error(`PostgreSQL's ${name} not found under ${root}: apt-get install postgresql (as .ci/run does)`);
	return bin;
}

/** PostgreSQL refuses to run as root: then it runs as Debian's `postgres` user, owning the data folder. */
function asPostgresUser(cmd: string, args: string[]): [string, string[]] {
	return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

function runPg(name: string, args: string[]): void {
	const [cmd, argv] = asPostgresUser(postgresBin(name), args);
	execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A fresh cluster (trust auth, user `postgres`, database `postgres`) in `dir`/pg on 127.0.0.1. */
export async function startPostgres(dir: string): Promise<Service> {
	const data = join(dir, 'pg');
	mkdirSync(data, { recursive: true });
	if (process.getuid?.() === 0) {
		const pw = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
		chownSync(dir, Number(pw), gid);
		chownSync(data, Number(pw), gid);
	}
	runPg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
	const port = await freePort();
	// fsync off: throwaway data; the socket goes into the data folder, not the system's /run/postgresql
	const options = `-p ${port} -k ${data} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
	runPg('pg_ctl', ['-D', data, '-o', options, '-l', join(data, 'server.log'), '-w', 'start']);
	return {
		port,
		stop: async () => runPg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
	};
}

/** redis-server in the foreground (a child we can stop), no persistence. */
export async function startRedis(dir: string): Promise<Service> {
	const port = await freePort();
	const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
		stdio: 'ignore',
	});
	const deadline = Date.now() + 15_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
		try {
			if (execFileSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() === 'PONG') break;
		} catch {
			// not up yet
		}
		if (Date.now() > deadline) throw new Error('redis-server did not answer PING within 15 s');
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		port,
		stop: () =>
			new Promise<void>((done) => {
				if (child.exitCode !== null) return done();
				child.once('exit', () => done());
				child.kill('SIGTERM');
			}),
	};
}

/** Runs SQL against the test cluster through psql; returns rows as arrays of strings. */
export function psql(port: number, sql: string): string[][] {
	const out = execFileSync(postgresBin('psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-At', '-F', '\t', '-c', sql], {
		encoding: 'utf8',
	});
	return out
		.split('\n')
		.filter(Boolean)
		.map((line) => line.split('\t'));
}
