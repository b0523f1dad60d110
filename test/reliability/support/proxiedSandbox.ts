import type { SandboxOptions } from '../../../sandbox';
import type { SandboxFixture } from '../../harness/sandbox';
import { useSandbox } from '../../harness/sandbox';
import { HookProxy } from './hookProxy';
import { SecretScan } from './secretScan';

export interface ProxiedSandbox {
	fx: SandboxFixture;
	scan: SecretScan;
	/** The proxy between node and sandbox (available inside tests and hooks); its log and hook reset per test. */
	readonly proxy: HookProxy;
}

/** The reliability suites' common set-up: a sandbox, a hook proxy in front of it, and log capture for the secret scan. */
export function useProxiedSandbox(options: SandboxOptions = {}): ProxiedSandbox {
	const fx = useSandbox(options);
	const scan = new SecretScan();
	let running: HookProxy | undefined;
	beforeAll(async () => {
		scan.captureLogs();
		running = await HookProxy.start(fx.sandbox.url);
	});
	beforeEach(() => {
		if (!running) return;
		running.seen.length = 0;
		running.before = undefined;
	});
	afterAll(async () => {
		scan.releaseLogs();
		await running?.close();
	});
	return {
		fx,
		scan,
		get proxy() {
			if (!running) throw new Error('The proxy is not running (use it inside tests or hooks)');
			return running;
		},
	};
}
