import { randomBytes } from 'crypto';
import type { INodeParameters } from 'n8n-workflow';

import { MakiniTrigger } from '../../nodes/Makini/MakiniTrigger.node';
import { TriggerHarness, startWebhookReceiver, type WebhookReceiver } from '../harness/trigger';
import { recordFigures } from './support/figures';
import { stopN8nTimers } from './support/n8nShutdown';
import { SecretScan } from './support/secretScan';
import { post, rawRequest, sign, type Answer } from './support/webhookClient';

// Abuse of the Makini Trigger's webhook handler over real HTTP: the handler runs in n8n-core's real
// WebhookContext (trigger harness), each accepted delivery starts a real WorkflowExecute run.
const SECRET = `whsec_${randomBytes(24).toString('hex')}`;
const OTHER_SECRET = `whsec_${randomBytes(24).toString('hex')}`;
const TOKEN = `mk_sbx_${randomBytes(24).toString('hex')}`;
const TEST_SECRET = `whsec_${randomBytes(24).toString('hex')}`;
const LEGACY_SECRET = `whsec_${randomBytes(24).toString('hex')}`;
const scan = new SecretScan();

interface Endpoint {
	harness: TriggerHarness;
	receiver: WebhookReceiver;
	answers: Answer[];
	send(body: string | Buffer, headers?: Record<string, string>): Promise<Answer>;
	/** Signed with the right secret. */
	deliver(payload: unknown): Promise<Answer>;
	/** Waits until every accepted delivery's execution finished; returns the started executions' outputs. */
	executions(): Promise<unknown[]>;
}

const open: Endpoint[] = [];

/** Version 2 (the default) on its production URL; `setup` picks the Test URL or a saved version 1 trigger. */
async function endpoint(options: INodeParameters = {}, setup: { testWebhook?: boolean; typeVersion?: number } = {}): Promise<Endpoint> {
	const harness = new TriggerHarness({
		node: new MakiniTrigger(),
		parameters: { events: ['*'], outputMode: 'delivery', resolveRecords: false, options },
		credentials: {
			makiniApi: { baseUrl: 'http://127.0.0.1:9', token: TOKEN, webhookSecret: LEGACY_SECRET },
			makiniWebhookApi: { secret: SECRET, testSecret: TEST_SECRET },
		},
		...setup,
	});
	await harness.activate();
	const receiver = await startWebhookReceiver(harness);
	const answers: Answer[] = [];
	const send = async (body: string | Buffer, headers: Record<string, string> = {}) => {
		const answer = await post(receiver.url, body, headers);
		answers.push(answer);
		scan.add(`webhook answer ${answer.status}`, answer);
		return answer;
	};
	const made: Endpoint = {
		harness,
		receiver,
		answers,
		send,
		deliver: async (payload) => {
			const body = JSON.stringify(payload);
			return await send(body, { 'x-webhook-signature': sign(SECRET, body) });
		},
		executions: async () => {
			const started = () => harness.outcomes.filter((o) => o.body.includes('Workflow was started'));
			const deadline = Date.now() + 10_000;
			while (started().some((o) => o.output === undefined && o.executionError === undefined) && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
			for (const outcome of harness.outcomes) scan.add('execution', outcome);
			return started().map((o) => {
				if (o.executionError) throw o.executionError;
				return o.output;
			});
		},
	};
	open.push(made);
	return made;
}

const payload = (n: number | string, event = 'assets.updated') => ({ event, body: [`AS01${String(n).padStart(10, '0')}`] });

beforeAll(() => scan.captureLogs());
afterAll(async () => {
	scan.releaseLogs();
	for (const e of open) await e.receiver.close();
	stopN8nTimers();
});

describe('webhook abuse through the Makini Trigger webhook handler (real HTTP, n8n-core WebhookContext)', () => {
	test('a valid delivery starts one execution; the same bytes again start nothing', async () => {
		const e = await endpoint();
		const body = JSON.stringify(payload(1));
		const headers = { 'x-webhook-signature': sign(SECRET, body) };
		expect((await e.send(body, headers)).status).toBe(200);
		const replay = await e.send(body, headers);
		expect(replay.status).toBe(200);
		expect(replay.body).toContain('duplicate');
		const outputs = await e.executions();
		expect(outputs).toHaveLength(1);
		expect(outputs[0]).toEqual([expect.objectContaining({ json: expect.objectContaining({ event: 'assets.updated', payload: payload(1) }) })]);
	});

	test('forged, foreign-secret, tampered and missing signatures are refused with 401 and start nothing', async () => {
		const e = await endpoint();
		const body = JSON.stringify(payload(2));
		const cases: Array<Record<string, string>> = [
			{},
			{ 'x-webhook-signature': '' },
			{ 'x-webhook-signature': '   ' },
			{ 'x-webhook-signature': randomBytes(32).toString('base64') },
			{ 'x-webhook-signature': sign(OTHER_SECRET, body) },
			{ 'x-webhook-signature': sign(SECRET, JSON.stringify(payload(3))) }, // valid signature of another body
			{ 'x-webhook-signature': sign(SECRET, body).slice(0, 20) }, // truncated
			{ 'x-webhook-signature': createHexSignature(SECRET, body) }, // hex instead of base64
			{ 'x-webhook-signature': `sha256=${sign(SECRET, body)}` },
			{ 'x-webhook-signature': sign('', body) },
		];
		for (const headers of cases) {
			const answer = await e.send(body, headers);
			expect({ headers, status: answer.status }).toEqual({ headers, status: 401 });
		}
		expect(await e.executions()).toHaveLength(0);
	});

	test('replays are refused within the retention window and accepted again after it (documented limit)', async () => {
		// 1.5 s window so the test can outlive it; the default is 48 h, Makini retries for 24 h.
		const e = await endpoint({ retentionHours: 1.5 / 3600 });
		const delivery = { event: 'sync.completed', id: 'evt_replay_1', timestamp: new Date().toISOString(), connection_id: 'conn_ccn', body: {} };
		expect((await e.deliver(delivery)).status).toBe(200);
		// Same event id, re-serialised differently (new timestamp): still a duplicate by id.
		const again = await e.deliver({ ...delivery, timestamp: new Date(Date.now() + 1000).toISOString() });
		expect(again.body).toContain('duplicate');
		expect(await e.executions()).toHaveLength(1);
		// n8n's deduplication store, consulted by the execution, may remember a delivery up to twice the window.
		await new Promise((resolve) => setTimeout(resolve, 3200));
		const late = await e.deliver(delivery);
		expect(late.status).toBe(200);
		expect(late.body).toContain('Workflow was started');
		const outputs = await e.executions();
		expect(outputs).toHaveLength(2);
		expect(outputs[1]).toEqual([expect.objectContaining({ json: expect.objectContaining({ payload: delivery }) })]);
	}, 15_000);

	const big = () => JSON.stringify({ event: 'assets.updated', body: Array.from({ length: 320_000 }, (_, i) => `AS01${String(i).padStart(10, '0')}`) });

	test('a forged 5 MB body is refused with 401 and starts nothing (Max Body Size raised to 8 MB)', async () => {
		const e = await endpoint({ maxBodySizeKb: 8192 });
		const body = big();
		expect(body.length).toBeGreaterThan(5_000_000);
		expect((await e.send(body, { 'x-webhook-signature': randomBytes(32).toString('base64') })).status).toBe(401);
		expect(await e.executions()).toHaveLength(0);
	});

	// Fixed (was a reported bug): Makini's deliveries carry only ids, so the trigger caps bodies (Max Body Size,
	// default 1,024 KB) before parsing or verifying; before, only n8n's own 16 MB limit answered 413.
	test('a correctly signed 5 MB body is answered 413 and starts nothing', async () => {
		const e = await endpoint();
		const body = big();
		const answer = await e.send(body, { 'x-webhook-signature': sign(SECRET, body) });
		expect({ status: answer.status, body: answer.body }).toEqual({ status: 413, body: JSON.stringify({ message: 'Body larger than 1024 KB' }) });
		expect(await e.executions()).toHaveLength(0);
	});

	// Fixed (was a reported bug): nesting too deep to re-serialise counts as "not JSON" instead of crashing webhook().
	test('deeply nested JSON is answered 400/401, never a crash or a 500', async () => {
		const e = await endpoint();
		const depth = 100_000;
		const nested = `{"event":"assets.updated","body":${'['.repeat(depth)}${']'.repeat(depth)}}`;
		const forged = (await e.send(nested, { 'x-webhook-signature': randomBytes(32).toString('base64') })).status;
		const signed = (await e.send(nested, { 'x-webhook-signature': sign(SECRET, nested) })).status;
		expect({ forged, signed }).toEqual({ forged: 401, signed: 400 });
	});

	test('moderately nested JSON (1,000 levels) is handled: 401 forged, 200 signed', async () => {
		const e = await endpoint();
		const nested = `{"event":"assets.updated","body":${'['.repeat(1000)}${']'.repeat(1000)}}`;
		expect((await e.send(nested, { 'x-webhook-signature': randomBytes(32).toString('base64') })).status).toBe(401);
		expect((await e.send(nested, { 'x-webhook-signature': sign(SECRET, nested) })).status).toBe(200);
		expect(await e.executions()).toHaveLength(1);
	});

	test('non-JSON content types, invalid UTF-8, empty bodies and non-object JSON are refused', async () => {
		const e = await endpoint();
		const signed: Array<[string, string | Buffer, string]> = [
			['form body', 'event=assets.updated&body=1', 'application/x-www-form-urlencoded'],
			['xml body', '<event>assets.updated</event>', 'application/xml'],
			['text body', 'hello', 'text/plain'],
			['invalid UTF-8 in a key', Buffer.from([0x7b, 0x22, 0x65, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), 'application/json'],
			['empty body', '', 'application/json'],
			['JSON array', '[]', 'application/json'],
			['JSON string', '"assets.updated"', 'application/json'],
			['JSON number', '42', 'application/json'],
			['JSON null', 'null', 'application/json'],
			['empty object', '{}', 'application/json'],
			['no event', '{"body":[]}', 'application/json'],
		];
		const statuses: Record<string, number> = {};
		for (const [name, body, contentType] of signed) {
			statuses[name] = (await e.send(body, { 'content-type': contentType, 'x-webhook-signature': sign(SECRET, body) })).status;
		}
		statuses['empty body, unsigned'] = (await e.send('', {})).status;
		expect(statuses).toEqual({ ...Object.fromEntries(signed.map(([name]) => [name, 400])), 'empty body, unsigned': 401 });
		expect(await e.executions()).toHaveLength(0);
	});

	// Fixed (was a reported bug): the body is decoded as strict UTF-8, so invalid bytes are refused as invalid JSON.
	test('invalid UTF-8 inside a JSON string is refused with 400', async () => {
		const e = await endpoint();
		const body = Buffer.concat([Buffer.from('{"event":"assets.updated","body":["AS'), Buffer.from([0xc3, 0x28]), Buffer.from('"]}')]);
		expect((await e.send(body, { 'x-webhook-signature': sign(SECRET, body) })).status).toBe(400);
	});

	test('a delivery whose event is not a string is refused with 400', async () => {
		const e = await endpoint();
		const statuses = [];
		for (const event of [123, null, true, ['assets.updated'], { name: 'assets.updated' }, 1.5, -0]) {
			statuses.push({ event, status: (await e.deliver({ event, body: ['AS010000000001'] })).status });
		}
		expect(statuses).toEqual(statuses.map(({ event }) => ({ event, status: 400 })));
		expect(await e.executions()).toHaveLength(0);
	});

	// Fixed (was a reported bug): an empty or blank event name is refused like a missing one.
	test('a delivery whose event is an empty or blank string is refused with 400', async () => {
		const e = await endpoint();
		expect((await e.deliver({ event: '', body: [] })).status).toBe(400);
		expect((await e.deliver({ event: '   ', body: [] })).status).toBe(400);
	});

	test('header injection attempts neither reach the answer nor get a delivery through', async () => {
		const e = await endpoint();
		// Event names with CR/LF: accepted as data (signed, valid JSON) but never reflected into headers.
		const crlf = await e.deliver({ event: 'assets.updated\r\nSet-Cookie: pwned=1\r\nX-Injected: 1', body: ['AS010000000001'] });
		expect(crlf.headers['set-cookie']).toBeUndefined();
		expect(crlf.headers['x-injected']).toBeUndefined();
		// A signature header smuggling a second header, and an obs-folded one: the HTTP layer or the check refuses.
		const body = Buffer.from(JSON.stringify(payload(7)));
		const signature = sign(SECRET, body);
		const { host } = new URL(e.receiver.url);
		const path = new URL(e.receiver.url).pathname;
		const head = (extra: string) =>
			`POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n${extra}Connection: close\r\n\r\n`;
		const smuggled = await rawRequest(e.receiver.url, head(`X-Webhook-Signature: ${signature}\rX-Evil: 1\r\n`), body);
		expect(smuggled).toMatch(/^HTTP\/1\.1 40[01]/);
		const folded = await rawRequest(e.receiver.url, head(`X-Webhook-Signature: garbage\r\n ${signature}\r\n`), body);
		expect(folded).toMatch(/^HTTP\/1\.1 40[01]/);
		const nul = await rawRequest(e.receiver.url, head(`X-Webhook-Signature: ${signature}\0\r\n`), body);
		expect(nul).toMatch(/^HTTP\/1\.1 40[01]/);
		for (const answer of [smuggled, folded, nul]) scan.add('raw answer', answer);
		// Only the CR/LF event (valid signature) started an execution, with the event name as plain data.
		const outputs = await e.executions();
		expect(outputs).toHaveLength(1);
	});

	test('1,000 concurrent deliveries: only valid unique ones start executions, memory stays bounded', async () => {
		const maxEntries = 500;
		const e = await endpoint({ maxEntries });
		const unique = 600;
		const requests: Array<Promise<Answer>> = [];
		const kinds: string[] = [];
		const heapBefore = process.memoryUsage().heapUsed;
		for (let i = 0; i < 1000; i++) {
			const n = 10_000 + (i % unique);
			const body = JSON.stringify(payload(n));
			if (i < unique) {
				kinds.push('valid');
				requests.push(e.send(body, { 'x-webhook-signature': sign(SECRET, body) }));
			} else if (i < 800) {
				kinds.push('forged');
				requests.push(e.send(body, { 'x-webhook-signature': sign(OTHER_SECRET, body) }));
			} else {
				kinds.push('duplicate');
				requests.push(e.send(body, { 'x-webhook-signature': sign(SECRET, body) }));
			}
		}
		const answers = await Promise.all(requests);
		const outputs = await e.executions();
		const started = answers.filter((a) => a.body.includes('Workflow was started')).length;
		const byKind = (kind: string) => answers.filter((_, i) => kinds[i] === kind);
		expect(byKind('forged').every((a) => a.status === 401)).toBe(true);
		expect([...byKind('valid'), ...byKind('duplicate')].every((a) => a.status === 200)).toBe(true);
		const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
		const remembered = Object.keys((e.harness.savedNodeData.seenDeliveries ?? {}) as object).length;
		recordFigures('webhook-concurrency', {
			deliveriesTried: answers.length,
			validUnique: unique,
			forged: byKind('forged').length,
			duplicates: byKind('duplicate').length,
			executionsStarted: outputs.length,
			rememberedDeliveries: remembered,
			maxEntries,
			savedStaticDataBytes: e.harness.saved.length,
			heapGrowthMb: Math.round(heapGrowthMb),
		});
		expect(started).toBe(outputs.length);
		expect(outputs.length).toBe(unique);
		expect(remembered).toBeLessThanOrEqual(maxEntries);
		expect(e.harness.saved.length).toBeLessThan(maxEntries * 200);
	}, 60_000);

	test('the same delivery arriving twice at the same moment starts one execution', async () => {
		const e = await endpoint();
		const pairs = Array.from({ length: 200 }, (_, i) => JSON.stringify(payload(50_000 + i)));
		const answers = await Promise.all(pairs.flatMap((body) => [body, body]).map(async (body) => await e.send(body, { 'x-webhook-signature': sign(SECRET, body) })));
		const outputs = await e.executions();
		recordFigures('webhook-simultaneous-redeliveries', { deliveries: answers.length, unique: pairs.length, executionsStarted: outputs.length });
		expect(answers.every((a) => a.status === 200)).toBe(true);
		expect(outputs).toHaveLength(pairs.length);
	}, 60_000);

	test('each URL and version verifies with its own secret only; every other secret gets 401', async () => {
		const setups = [
			{ setup: {}, secret: SECRET },
			{ setup: { testWebhook: true }, secret: TEST_SECRET },
			{ setup: { typeVersion: 1 }, secret: LEGACY_SECRET },
		];
		for (const { setup, secret } of setups) {
			const e = await endpoint({}, setup);
			const body = JSON.stringify(payload(`own-${secret.slice(-6)}`));
			for (const other of [SECRET, TEST_SECRET, LEGACY_SECRET, TOKEN].filter((s) => s !== secret)) {
				expect((await e.send(body, { 'x-webhook-signature': sign(other, body) })).status).toBe(401);
			}
			expect((await e.send(body, { 'x-webhook-signature': sign(secret, body) })).status).toBe(200);
			expect(await e.executions()).toHaveLength(1);
		}
	});

	test('a trigger without its secret refuses to activate; the error names the credential, never a secret', async () => {
		const cases = [
			{ typeVersion: 2, credentials: { makiniApi: { token: TOKEN, webhookSecret: LEGACY_SECRET }, makiniWebhookApi: { secret: '', testSecret: TEST_SECRET } } },
			{ typeVersion: 1, credentials: { makiniApi: { token: TOKEN }, makiniWebhookApi: { secret: SECRET } } },
		];
		for (const { typeVersion, credentials } of cases) {
			const harness = new TriggerHarness({ node: new MakiniTrigger(), parameters: { events: ['*'] }, credentials, typeVersion });
			const error = await harness.activate().then(() => undefined, (thrown: unknown) => thrown);
			expect(error).toBeInstanceOf(Error);
			expect((error as Error).message).toMatch(/credential has no Webhook Secret/);
			scan.add('activation error', error);
		}
	});

	test('no secret or token in any answer, execution output or log line', () => {
		expect(scan.size).toBeGreaterThan(1000);
		const answers = open.flatMap((e) => e.answers);
		const byStatus: Record<string, number> = {};
		for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
		recordFigures('webhook-all', {
			deliveriesTried: answers.length,
			answersByStatus: byStatus,
			executionsStarted: open.reduce((n, e) => n + e.harness.outcomes.filter((o) => o.output !== undefined).length, 0),
			scanned: scan.counts(),
		});
		expect(
			scan.findings({ webhookSecret: SECRET, testWebhookSecret: TEST_SECRET, legacyWebhookSecret: LEGACY_SECRET, otherSecret: OTHER_SECRET, token: TOKEN }),
		).toEqual([]);
	});
});

function createHexSignature(secret: string, body: string): string {
	return Buffer.from(sign(secret, body), 'base64').toString('hex');
}
