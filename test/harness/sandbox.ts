import type { RunningSandbox, SandboxOptions } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import type { CredentialStore } from './credentials';

export type { RunningSandbox };

export interface SandboxFixture {
	/** The running sandbox (available inside tests and hooks). */
	readonly sandbox: RunningSandbox;
	/** `makiniApi` credentials for a connection (default the CCN one), base URL with a trailing slash on purpose. */
	tokenCredentials(connection?: 'ccn' | 'cmms', token?: string): CredentialStore;
}

/**
 * Starts one sandbox per test file (ephemeral port, control on), resets its fault scenarios after each test
 * and closes it at the end.
 */
export function useSandbox(options: SandboxOptions = {}): SandboxFixture {
	let running: RunningSandbox | undefined;
	beforeAll(async () => {
		running = await startSandbox({ port: 0, control: true, ...options });
	});
	afterEach(() => running?.resetScenarios());
	afterAll(async () => {
		await running?.close();
	});
	return {
		get sandbox() {
			if (!running) throw new Error('The sandbox is not running (use it inside tests or hooks)');
			return running;
		},
		tokenCredentials(connection = 'ccn', token) {
			const sandbox = this.sandbox;
			return { makiniApi: { baseUrl: `${sandbox.url}/`, token: token ?? sandbox.connections[connection].token } };
		},
	};
}
