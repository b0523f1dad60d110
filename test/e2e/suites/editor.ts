// The editor in a real browser (headless Chromium through playwright-core, found by ../browser.ts; no download):
// log in, new workflow, find "Makini" in the nodes panel, add the action node as Asset → Get Many, pick the
// CCN credential, run the step and see the sandbox's assets. Screenshots go to test/artifacts/.
import { mkdirSync } from 'fs';
import { join } from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../../demo/n8n/install';
import type { Stack } from '../../../demo/n8n/stack';
import { findChromium } from '../browser';
import { OWNER } from '../helpers';

export const ARTIFACTS = join(REPO_ROOT, 'test', 'artifacts');

export function editorSuite(getStack: () => Stack): void {
	describe('editor in headless chromium', () => {
		let browser: Browser;
		let page: Page;
		const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), animations: 'disabled' }); // panels slide in

		beforeAll(async () => {
			mkdirSync(ARTIFACTS, { recursive: true });
			const found = findChromium();
			process.stdout.write(`[e2e] browser: ${found.executablePath} (${found.source})\n`);
			browser = await chromium.launch({ executablePath: found.executablePath, args: found.args, env: found.env, headless: true });
			page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
			page.setDefaultTimeout(20_000);
			page.setDefaultNavigationTimeout(60_000); // the editor's first load parses megabytes of script: slow on a busy machine
		});

		afterAll(async () => {
			await browser?.close();
		});

		it('logs in', async () => {
			await page.goto(`${getStack().n8n.url}/signin`);
			await page.locator('input[type=email], input[name=emailOrLdapLoginId], input[name=email]').first().fill(OWNER.email);
			await page.locator('input[type=password]').first().fill(OWNER.password);
			await page.getByRole('button', { name: /sign in/i }).click();
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
		});

		it('finds Makini and its actions in the nodes panel of a new workflow', async () => {
			await page.goto(`${getStack().n8n.url}/workflow/new`);
			const creator = page.locator('[data-test-id="node-creator"]');
			const names = creator.locator('[data-test-id="node-creator-item-name"]');
			// An empty workflow asks for a trigger first: the Makini app offers its triggers there.
			await page.locator('[data-test-id="canvas-plus-button"]').first().click();
			await page.keyboard.type('Makini');
			await names.getByText('Makini', { exact: true }).waitFor();
			await shot('01-node-panel-triggers');
			await creator.locator('[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]').first().fill('manual');
			await names.getByText(/trigger manually|manual trigger/i).first().click();
			// Then the next step: the Makini action node and its operations.
			await page.locator('[data-test-id="canvas-handle-plus"]').first().click();
			await page.keyboard.type('Makini');
			await names.getByText('Makini', { exact: true }).click();
			await creator.getByText(/get many assets/i).first().waitFor();
			await shot('02-node-panel-actions');
			expect(await creator.innerText()).toMatch(/Get many assets[\s\S]*Get an asset snapshot|Get an asset snapshot[\s\S]*Get many assets/i);
		});

		it('adds Asset → Get Many with the CCN credential, runs it and shows the assets', async () => {
			const { credentials, sandbox } = getStack();
			const creator = page.locator('[data-test-id="node-creator"]');
			await creator.getByText(/get many assets/i).first().click();
			const ndv = page.locator('[data-test-id="ndv"]');
			await ndv.waitFor();
			await shot('03-node-settings');
			const credentialSelect = ndv.locator('[data-test-id="node-credentials-select"]');
			await credentialSelect.click();
			await page.locator('.el-select-dropdown__item, [data-test-id="credential-select-option"]').filter({ hasText: credentials.ccn.name }).first().click();
			expect(await credentialSelect.locator('input').inputValue()).toBe(credentials.ccn.name);
			await ndv.locator('[data-test-id="node-execute-button"]').first().click();
			const assets = sandbox.records(sandbox.connections.ccn.id, 'assets').length;
			const expectedCount = `${Math.min(50, assets)} items`; // the node's default Limit is 50
			try {
				await ndv.getByText(expectedCount, { exact: true }).first().waitFor();
			} finally {
				await shot('04-get-many-output');
			}
			const outputText = (await ndv.innerText()).replace(/\s+/g, ' ');
			expect(outputText).toMatch(/chiller/i);
		});

		it('shows the dark icon variant in the dark theme', async () => {
			await page.evaluate("localStorage.setItem('N8N_THEME', 'dark')");
			await page.goto(`${getStack().n8n.url}/workflow/new`);
			await page.locator('[data-test-id="canvas-plus-button"]').first().click();
			await page.keyboard.type('Makini');
			const creator = page.locator('[data-test-id="node-creator"]');
			await creator.locator('[data-test-id="node-creator-item-name"]').getByText('Makini', { exact: true }).waitFor();
			await shot('05-node-panel-dark');
			const icons = await creator.locator('img').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('src') ?? ''));
			expect(icons.filter((src) => src.includes('n8n-nodes-makini')).length).toBeGreaterThan(0);
			expect(icons.filter((src) => src.includes('n8n-nodes-makini')).every((src) => src.endsWith('.dark.svg'))).toBe(true);
			await page.evaluate("localStorage.removeItem('N8N_THEME')");
		});
	});
}
