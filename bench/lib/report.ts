import { mkdirSync, writeFileSync } from 'fs';
import { dirname } from 'path';

/** One machine-readable line of bench/results/latest.json. `ratio` is always package ÷ baseline. */
export interface BenchLine {
	name: string;
	package: number;
	baseline: number;
	ratio: number;
	unit: string;
	target: string;
	met: boolean;
	/** Figures behind the line (rounds, counts, checks) for whoever reads the JSON. */
	details?: Record<string, unknown>;
}

const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));

const show = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2));

export function printTable(lines: BenchLine[]): void {
	const rows = [
		['benchmark', 'package', 'baseline', 'ratio', 'unit', 'target', 'met'],
		...lines.map((l) => [l.name, show(l.package), show(l.baseline), l.ratio.toFixed(2), l.unit, l.target, l.met ? 'yes' : 'NO']),
	];
	const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
	for (const [index, row] of rows.entries()) {
		console.log(row.map((cell, column) => pad(cell, widths[column])).join('  '));
		if (index === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	}
}

/** One JSON object per line, per benchmark figure. */
export function writeResults(file: string, lines: BenchLine[], machine: Record<string, unknown>): void {
	mkdirSync(dirname(file), { recursive: true });
	const text = lines.map((line) => JSON.stringify({ ...line, machine })).join('\n');
	writeFileSync(file, `${text}\n`);
}
