// The Makini sandbox: a local server speaking Makini's HTTP contract with a Carrier CCN data set.
export { startSandbox } from './server';
export type { RunningSandbox } from './server';
export { retryOffsets } from './webhooks';
export type { Delivery, Sandbox, SandboxConnection, SandboxOptions, Scenario, Stats, Subscription } from './types';
