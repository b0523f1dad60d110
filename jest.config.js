// Four suites: unit (nodes + sandbox over real HTTP, pure helpers, the packed package), reliability (faults and
// abuse), e2e (real n8n), scale (n8n in queue mode with PostgreSQL and Redis; not part of npm test).
// n8n-core pulls two ESM-only packages (through @langchain/core); Node 20 requires them natively, jest needs them
// transpiled to CommonJS.
const esmOnly = ['p-retry', 'is-network-error'];
const tsJest = {
	'^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.test.json' }],
	[`node_modules/(${esmOnly.join('|')})/.+\\.js$`]: ['ts-jest', { isolatedModules: true, tsconfig: { allowJs: true, module: 'commonjs' } }],
};
const common = {
	testEnvironment: 'node',
	transform: tsJest,
	transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
	moduleFileExtensions: ['ts', 'js', 'json'],
	// the build copies package.json into dist/
	modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

module.exports = {
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/{sandbox,nodes,triggers,package,pure}/**/*.test.ts'] },
		{ ...common, displayName: 'reliability', testMatch: ['<rootDir>/test/reliability/**/*.test.ts'] },
		{ ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
		{ ...common, displayName: 'scale', testMatch: ['<rootDir>/test/scale/**/*.test.ts'] },
	],
};
