import { DataDeduplicationService } from 'n8n-core';
import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
	IDeduplicationOutput,
} from 'n8n-workflow';

/**
 * n8n's deduplication store (packages/cli/src/deduplication) in memory, for mode "entries": one row of
 * recorded items per workflow and node, read, changed and written back with a database round trip in
 * between and no lock, as n8n does, so unserialised concurrent checks lose each other's items here too.
 */
class ProcessedData implements IDataDeduplicator {
	readonly rows = new Map<string, string[]>();
	private writesToLose = 0;

	/** The next `count` writes are overwritten at once, as by a check in another n8n process that read before them. */
	loseWrites(count: number): void {
		this.writesToLose = count;
	}

	private key(scope: DeduplicationScope, { workflow, node }: ICheckProcessedContextData): string {
		return `${workflow.id}|${scope === 'node' ? `n:${node?.id}` : ''}`;
	}

	async checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		context: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<IDeduplicationOutput> {
		if (options.mode !== 'entries') throw new Error(`mode ${options.mode} is not modelled`);
		const key = this.key(scope, context);
		const stored = [...(this.rows.get(key) ?? [])];
		await new Promise((resolve) => setImmediate(resolve)); // the read's round trip
		const seen = new Set(stored);
		const output: IDeduplicationOutput = { new: [], processed: [] };
		for (const item of items) {
			if (seen.has(String(item))) output.processed.push(item);
			else {
				output.new.push(item);
				stored.push(String(item));
			}
		}
		if (options.maxEntries) stored.splice(0, stored.length - options.maxEntries);
		if (this.writesToLose > 0) this.writesToLose--;
		else this.rows.set(key, stored);
		return output;
	}

	async removeProcessed(): Promise<void> {
		throw new Error('not used by this package');
	}

	async clearAllProcessedItems(scope: DeduplicationScope, context: ICheckProcessedContextData): Promise<void> {
		this.rows.delete(this.key(scope, context));
	}

	async getProcessedDataCount(scope: DeduplicationScope, context: ICheckProcessedContextData): Promise<number> {
		return this.rows.get(this.key(scope, context))?.length ?? 0;
	}
}

/** The store every execution context of this test process uses (n8n initialises one per process). */
export const processedData = new ProcessedData();
void DataDeduplicationService.init(processedData);
