import { mkdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** Where each run leaves its measured figures (one JSON file per scenario), for the README's Reliability section. */
export const FIGURES_DIR = process.env.MAKINI_RELIABILITY_FIGURES ?? join(tmpdir(), 'makini-reliability-figures');

export function recordFigures(scenario: string, figures: Record<string, unknown>): void {
	mkdirSync(FIGURES_DIR, { recursive: true });
	writeFileSync(join(FIGURES_DIR, `${scenario}.json`), `${JSON.stringify(figures, null, 2)}\n`);
	process.stdout.write(`[reliability] ${scenario}: ${JSON.stringify(figures)}\n`);
}
