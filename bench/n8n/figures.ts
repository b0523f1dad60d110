// One figure per comparison: the sides' figures, the ratio, the target and whether it was met.
import type { SideFigures } from './rounds';
import { load } from './rounds';
import { round } from '../lib/stats';

export interface Figure {
	name: string;
	n8n: string;
	package: string;
	baseline: string;
	/** speed ratios: baseline time ÷ package time (so > 1 = the package is faster); memory: package ÷ baseline */
	ratio: number;
	target: string;
	met: boolean;
	sides: Record<string, SideFigures>;
	load: number[];
	details?: Record<string, unknown>;
}

/** The package's speed relative to the baseline's, from median times; checks must pass on both sides. */
export function speedFigure(
	name: string,
	n8n: string,
	sides: Record<string, SideFigures>,
	pkg: string,
	baseline: string,
	atLeast: number | undefined,
): Figure {
	const ratio = round(sides[baseline].medianMs / sides[pkg].medianMs, 2);
	const clean = sides[pkg].problems.length === 0 && sides[baseline].problems.length === 0;
	return {
		name,
		n8n,
		package: pkg,
		baseline,
		ratio,
		target: atLeast === undefined ? 'reported' : `>= ${atLeast}x`,
		met: clean && (atLeast === undefined || ratio >= atLeast),
		sides: { [pkg]: sides[pkg], [baseline]: sides[baseline] },
		load: load(),
	};
}

/** Peak RSS of the package's side over the baseline's (≤ 1 = no more memory). */
export function memoryFigure(name: string, n8n: string, sides: Record<string, SideFigures>, pkg: string, baseline: string): Figure {
	const ratio = round(sides[pkg].medianPeakRssMb! / sides[baseline].medianPeakRssMb!, 2);
	return {
		name,
		n8n,
		package: pkg,
		baseline,
		ratio,
		target: '<= 1x',
		met: ratio <= 1 && sides[pkg].problems.length === 0 && sides[baseline].problems.length === 0,
		sides: { [pkg]: sides[pkg], [baseline]: sides[baseline] },
		load: load(),
	};
}

/** Requests the package's side sent over the baseline's (≤ 1 = no more requests). */
export function requestsFigure(name: string, n8n: string, sides: Record<string, SideFigures>, pkg: string, baseline: string): Figure {
	const ratio = round(sides[pkg].medianRequests! / sides[baseline].medianRequests!, 2);
	return {
		name,
		n8n,
		package: pkg,
		baseline,
		ratio,
		target: '<= 1x',
		met: ratio <= 1 && sides[pkg].problems.length === 0 && sides[baseline].problems.length === 0,
		sides: { [pkg]: sides[pkg], [baseline]: sides[baseline] },
		load: load(),
	};
}
