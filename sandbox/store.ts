import type { EntityDef } from './schema';
import type { DataRecord } from './types';

type Shape = (values: Record<string, unknown>) => DataRecord;

/** Builds records through one object literal per entity, so all records share a compact fixed shape (fast at 100k+). */
function compileShape(fields: string[]): Shape {
	const body = fields.map((f) => `${JSON.stringify(f)}: v[${JSON.stringify(f)}] ?? null`).join(',\n');
	return new Function('v', `return {\n${body}\n};`) as Shape;
}

/**
 * One entity's records for one connection, kept sorted by key so that unsorted list requests are a
 * filter-then-slice with no per-request sort. Keys are fixed-width digit strings, so new keys append.
 * Sorted views for `sort[...]` are cached until the next write.
 */
export class EntityStore {
	readonly records: DataRecord[] = [];
	private readonly fieldSet: Set<string>;
	private readonly shape: Shape;
	private readonly prefix: string;
	private sequence = 0;
	private explicitKeys = false;
	private readonly sortedViews = new Map<string, DataRecord[]>();

	constructor(
		readonly def: EntityDef,
		connectionCode: string,
	) {
		this.fieldSet = new Set(def.fields);
		this.shape = compileShape(def.fields);
		this.prefix = def.code + connectionCode;
	}

	nextKey(): string {
		let key: string;
		do {
			this.sequence += 1;
			key = this.prefix + String(this.sequence).padStart(10, '0');
		} while (this.explicitKeys && this.get(key));
		return key;
	}

	/** Binary search over the key-sorted records (cheaper to build than a Map at hundreds of thousands of keys). */
	get(key: string): DataRecord | undefined {
		const i = this.insertionIndex(key);
		const record = this.records[i];
		return record && record.key === key ? record : undefined;
	}

	/** Field names the published schema does not have (a record never carries one). */
	unknownFields(values: Record<string, unknown>): string[] {
		return Object.keys(values).filter((f) => !this.fieldSet.has(f) && values[f] !== undefined);
	}

	/** Completes a record with every schema field (null when absent) in schema order, then stores it. */
	add(values: Record<string, unknown>): DataRecord {
		this.assertKnown(values);
		const record = this.shape(values);
		if (record.key) this.explicitKeys = true;
		else record.key = this.nextKey();
		const last = this.records[this.records.length - 1];
		if (!last || last.key < record.key) {
			this.records.push(record);
		} else {
			const at = this.insertionIndex(record.key);
			if (this.records[at]?.key === record.key) throw new Error(`Duplicate ${this.def.path} key ${record.key}`);
			this.records.splice(at, 0, record);
		}
		this.sortedViews.clear();
		return record;
	}

	/** Replaces a record's fields in place (same object, so the key order stays valid). */
	patch(key: string, values: Record<string, unknown>): DataRecord | undefined {
		const record = this.get(key);
		if (!record) return undefined;
		this.assertKnown(values);
		for (const [field, value] of Object.entries(values)) if (field !== 'key') record[field] = value;
		this.sortedViews.clear();
		return record;
	}

	/** Full sorted views by sort spec (see selectRecords), dropped on every write. */
	readonly views = {
		cached: (spec: string): DataRecord[] | undefined => this.sortedViews.get(spec),
		build: (spec: string, compare: (a: DataRecord, b: DataRecord) => number): DataRecord[] => {
			const view = this.records.slice().sort(compare);
			this.sortedViews.set(spec, view);
			return view;
		},
	};

	private assertKnown(values: Record<string, unknown>): void {
		const unknown = this.unknownFields(values);
		if (unknown.length) throw new Error(`${this.def.component} has no field ${unknown.join(', ')}`);
	}

	private insertionIndex(key: string): number {
		let lo = 0;
		let hi = this.records.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (this.records[mid].key < key) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}
}
