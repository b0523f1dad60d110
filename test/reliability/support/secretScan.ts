import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { LoggerProxy } from 'n8n-workflow';

import { allText } from '../../harness/execute';

/**
 * Collects everything a test file's runs produced that a user or an operator could see: output items,
 * thrown errors (message, description, context, cause), HTTP answers of the webhook handler, and every log
 * line n8n-core or the nodes wrote (n8n's DI logger, LoggerProxy, console). `findings` then looks for secrets.
 */
export class SecretScan {
	private readonly texts: Array<{ label: string; text: string }> = [];

	private restoreConsole: Array<() => void> = [];

	add(label: string, value: unknown): void {
		this.texts.push({ label, text: typeof value === 'string' ? value : allText(value) });
	}

	/** How many things were scanned (a scan of nothing proves nothing). */
	get size(): number {
		return this.texts.length;
	}

	/** How many texts were scanned per kind (output, error, log.debug, console.warn, ...). */
	counts(): Record<string, number> {
		const counts: Record<string, number> = {};
		for (const { label } of this.texts) counts[label] = (counts[label] ?? 0) + 1;
		return counts;
	}

	/** Routes n8n's loggers and console into the scan (console output still reaches the terminal). */
	captureLogs(): void {
		const record =
			(level: string) =>
			(message: string, meta?: unknown): void =>
				this.add(`log.${level}`, { message, meta });
		const logger = {
			error: record('error'),
			warn: record('warn'),
			info: record('info'),
			debug: record('debug'),
			scoped: () => logger,
		};
		Container.set(Logger, logger as unknown as Logger);
		LoggerProxy.init(logger);
		for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			const original = console[method];
			console[method] = (...args: unknown[]) => {
				this.add(`console.${method}`, args);
				original.apply(console, args);
			};
			this.restoreConsole.push(() => (console[method] = original));
		}
	}

	releaseLogs(): void {
		for (const restore of this.restoreConsole) restore();
		this.restoreConsole = [];
	}

	/** `secret name @ label` for every occurrence of a secret (or its base64/URL-encoded form). */
	findings(secrets: Record<string, string>): string[] {
		const found: string[] = [];
		for (const [name, secret] of Object.entries(secrets)) {
			if (!secret) throw new Error(`secret "${name}" is empty: the scan would prove nothing`);
			const forms = [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')];
			for (const { label, text } of this.texts) {
				if (forms.some((form) => text.includes(form))) found.push(`${name} @ ${label}`);
			}
		}
		return found;
	}
}
