// The server-wide API behaviour (types.ts Settings): defaults and the checks shared by startup and the control endpoint.
import type { Settings } from './types';

export const DEFAULT_SETTINGS: Settings = { strict: true, maxPerPage: 500, errorForm: 'error', recordShape: 'key', maxUploadBytes: 10 * 1024 * 1024 };

/** Problems per field of a partial settings object (empty when valid). */
export function settingsProblems(input: Record<string, unknown>): Record<string, string> {
	const problems: Record<string, string> = {};
	for (const [field, value] of Object.entries(input)) {
		if (field === 'strict') {
			if (typeof value !== 'boolean') problems[field] = 'must be a boolean';
		} else if (field === 'maxPerPage') {
			if (!Number.isInteger(value) || (value as number) < 1) problems[field] = 'must be a positive integer';
		} else if (field === 'errorForm') {
			if (value !== 'error' && value !== 'status') problems[field] = "must be 'error' or 'status'";
		} else if (field === 'maxUploadBytes') {
			if (!Number.isInteger(value) || (value as number) < 1) problems[field] = 'must be a positive integer';
		} else if (field === 'recordShape') {
			if (value !== 'key' && value !== 'v4') problems[field] = "must be 'key' or 'v4'";
		} else problems[field] = 'is not a setting';
	}
	return problems;
}
