// Markdown table of one or more bench:n8n result files (the same figures side by side, one ratio per run),
// for docs/performance.md: ts-node --transpile-only bench/n8n/table.ts run1.json run2.json
import { readFileSync } from 'fs';

import type { Figure } from './figures';

type Line = Figure & { machine: { loadAverage: { start: number[]; end: number[] } } };

const runs = process.argv.slice(2).map((file) =>
	readFileSync(file, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((text) => JSON.parse(text) as Line),
);

const side = (f: Figure, name: string, memory: boolean) => {
	const s = f.sides[name];
	return memory ? `${s.medianPeakRssMb} MB` : `${Math.round(s.medianMs)} ms (${Math.round(s.minMs)}-${Math.round(s.maxMs)})`;
};

console.log(`| Figure | n8n | Package | Baseline | Ratio (${runs.map((_, i) => `run ${i + 1}`).join(' / ')}) | Target | Met |`);
console.log('|---|---|---|---|---|---|---|');
for (const [index, first] of runs[0].entries()) {
	const memory = first.name.startsWith('Peak RSS');
	const same = runs.map((lines) => lines.find((l) => l.name === first.name && l.n8n === first.n8n) ?? lines[index]);
	const sides = same.map((f) => `${side(f, f.package, memory)}`).join(' / ');
	const bases = same.map((f) => `${side(f, f.baseline, memory)}`).join(' / ');
	console.log(
		`| ${first.name} | ${first.n8n} | ${first.package}: ${sides} | ${first.baseline}: ${bases} | ${same.map((f) => f.ratio).join(' / ')} | ${first.target} | ${same.map((f) => (f.met ? 'yes' : 'no')).join(' / ')} |`,
	);
}
for (const [i, lines] of runs.entries()) {
	const load = lines[0]?.machine.loadAverage;
	console.log(`\nRun ${i + 1}: load average ${load?.start.join(' ')} at the start, ${load?.end.join(' ')} at the end.`);
}
