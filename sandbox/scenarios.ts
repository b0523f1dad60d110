import type { Scenario } from './types';

// Fault injection per connection. Defaults are a healthy connection.
export const HEALTHY: Scenario = {
	latencyMs: 0,
	rateLimitPerMinute: 0,
	errorRate: 0,
	errorStatuses: [500, 502, 503],
	resetRate: 0,
	truncateRate: 0,
	lostResponseRate: 0,
	reauthorizationRequired: false,
	slowMs: 0,
};

const RATES: Array<keyof Scenario> = ['errorRate', 'resetRate', 'truncateRate', 'lostResponseRate'];
const NON_NEGATIVE: Array<keyof Scenario> = ['latencyMs', 'rateLimitPerMinute', 'slowMs'];

/** Checks a partial scenario from a caller; returns the problems by field (empty when valid). */
export function scenarioProblems(input: Record<string, unknown>): Record<string, string> {
	const problems: Record<string, string> = {};
	for (const [field, value] of Object.entries(input)) {
		if (RATES.includes(field as keyof Scenario)) {
			if (typeof value !== 'number' || value < 0 || value > 1) problems[field] = 'must be a number from 0 to 1';
		} else if (NON_NEGATIVE.includes(field as keyof Scenario)) {
			if (typeof value !== 'number' || value < 0 || !Number.isFinite(value)) problems[field] = 'must be a number >= 0';
		} else if (field === 'errorStatuses') {
			if (!Array.isArray(value) || !value.length || value.some((s) => !Number.isInteger(s) || s < 400 || s > 599)) {
				problems[field] = 'must be a non-empty list of HTTP status codes 400-599';
			}
		} else if (field === 'reauthorizationRequired') {
			if (typeof value !== 'boolean') problems[field] = 'must be a boolean';
		} else {
			problems[field] = 'unknown scenario field';
		}
	}
	return problems;
}
