import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';

// The package ships no runtime dependencies, so there is nothing for `npm audit` to find in production.
const root = join(__dirname, '..', '..');

test('package.json declares no runtime dependencies', () => {
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
	expect(pkg.dependencies ?? {}).toEqual({});
	expect(pkg.optionalDependencies ?? {}).toEqual({});
	expect(Object.keys((pkg.peerDependencies ?? {}) as object)).toEqual(['n8n-workflow']);
});

test('npm audit --omit=dev finds nothing', () => {
	const report = JSON.parse(execFileSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8' })) as {
		metadata: { vulnerabilities: Record<string, number>; dependencies: { prod: number } };
	};
	expect(report.metadata.vulnerabilities.total).toBe(0);
	expect(report.metadata.dependencies.prod).toBeLessThanOrEqual(1); // the package itself
}, 60_000);
