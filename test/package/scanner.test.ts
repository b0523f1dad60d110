import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// n8n's verification scanner lints the attested source and the published tarball; both legs run here with
// the scanner's own analyzePackage, the tarball being what `npm pack` produces from a fresh build.
const root = join(__dirname, '..', '..');

type Analysis = { passed: boolean; message?: string; details?: string };

/** The scanner is an ES module; a child process imports it and prints the result of one leg. */
function analyze(dir: string, patterns: 'source' | 'tarball'): Analysis {
	const script = `
		import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';
		const patterns = ${JSON.stringify(patterns)} === 'source' ? SOURCE_FILE_PATTERNS : ['**/*.js', 'package.json'];
		const { passed, message, details } = await analyzePackage(${JSON.stringify(dir)}, patterns);
		process.stdout.write(JSON.stringify({ passed, message, details }));
	`;
	// eslint-plugin-n8n-nodes-base pretends every file is Test.node.ts under NODE_ENV=test, which jest sets.
	const env = { ...process.env, NODE_ENV: 'production' };
	const out = execFileSync('node', ['--input-type=module', '-e', script], {
		cwd: root,
		encoding: 'utf8',
		env,
	});
	return JSON.parse(out) as Analysis;
}

let work: string;
let unpacked: string;

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'makini-pack-'));
	execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
	execFileSync('npm', ['pack', '--pack-destination', work], { cwd: root, stdio: 'pipe' });
	const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
	if (!tarball) throw new Error(`npm pack wrote no tarball into ${work}`);
	unpacked = join(work, 'package');
	execFileSync('tar', ['-xzf', tarball], { cwd: work });
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the scanner passes the sources', () => {
	const result = analyze(root, 'source');
	expect(result.details ?? result.message ?? '').toBe('');
	expect(result.passed).toBe(true);
}, 120_000);

test('the scanner passes the packed tarball', () => {
	const result = analyze(unpacked, 'tarball');
	expect(result.details ?? result.message ?? '').toBe('');
	expect(result.passed).toBe(true);
}, 120_000);

test('the tarball holds every node, credential and icon package.json names, and nothing but dist', () => {
	const pkg = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	const files = execFileSync('find', ['.', '-type', 'f'], { cwd: unpacked, encoding: 'utf8' })
		.split('\n')
		.filter(Boolean)
		.map((file) => file.slice(2));
	for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(entry);
	expect(files).toEqual(
		expect.arrayContaining(['dist/nodes/Makini/makini.svg', 'dist/nodes/Makini/makini.dark.svg']),
	);
	const outsideDist = files.filter((file) => !file.startsWith('dist/'));
	expect(outsideDist).toContain('package.json');
	expect(
		outsideDist.filter((file) => !['LICENSE', 'README.md', 'package.json'].includes(file)),
	).toEqual([]);
});
