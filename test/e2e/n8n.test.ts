// End-to-end: the built package inside a real, pinned n8n (installed into .cache/ on first use) against
// the Makini sandbox. One n8n serves every suite, to keep the run short.
import type { Stack } from '../../demo/n8n/stack';
import { startE2eStack } from './helpers';
import { documentExampleSuite } from './suites/documentExample';
import { duplicatesSuite } from './suites/duplicates';
import { editorSuite } from './suites/editor';
import { lowStockExampleSuite } from './suites/lowStockExample';
import { pollingSuite } from './suites/polling';
import { registrationSuite } from './suites/registration';
import { scheduledExamplesSuite } from './suites/scheduledExamples';
import { webhookCredentialsSuite } from './suites/webhookCredentials';
import { webhookExampleSuite } from './suites/webhookExample';

jest.setTimeout(120_000);

let stack: Stack | undefined;
let cleanup: (() => Promise<void>) | undefined;
const getStack = (): Stack => {
	if (!stack) throw new Error('the e2e stack did not start (see the beforeAll error)');
	return stack;
};

beforeAll(async () => {
	({ stack, cleanup } = await startE2eStack());
}, 15 * 60_000); // first run on a fresh machine installs n8n (about 4-5 minutes)

afterAll(async () => {
	await cleanup?.();
}, 60_000);

registrationSuite(getStack);
editorSuite(getStack);
scheduledExamplesSuite(getStack);
lowStockExampleSuite(getStack);
webhookExampleSuite(getStack);
pollingSuite(getStack);
duplicatesSuite(getStack);
webhookCredentialsSuite(getStack);
documentExampleSuite(getStack);
