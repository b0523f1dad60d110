// README's Operations table is the one `npm run docs:operations` generates from the node descriptions: adding,
// renaming or removing a resource, operation, webhook event or polled entity without regenerating it fails here.
import { readFileSync } from 'fs';

import { Makini } from '../../nodes/Makini/Makini.node';
import { MakiniSystem } from '../../nodes/Makini/MakiniSystem.node';
import { MakiniPollingTrigger } from '../../nodes/Makini/MakiniPollingTrigger.node';
import { EVENT_OPTIONS } from '../../nodes/Makini/trigger/events';
import { END, README, START, operationsTable, withTable } from '../../scripts/operationsTable';

const readme = readFileSync(README, 'utf8');
const section = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END));
const rows = section
	.trim()
	.split('\n')
	.slice(2)
	.map((line) => line.split(' | ').map((c) => c.replace(/^\| |\s\|$/g, '')));

test('README.md carries the generated Operations table (run `npm run docs:operations` when this fails)', () => {
	expect(readme.indexOf(START)).toBeGreaterThan(readme.indexOf('## Operations'));
	expect(section.trim()).toEqual(operationsTable());
	expect(withTable(readme)).toEqual(readme);
});

test.each([
	['Makini', new Makini(), 28],
	['Makini System', new MakiniSystem(), 3],
] as const)('the table names every resource and operation of the %s node', (name, node, atLeast) => {
	const resources = node.description.properties.find((p) => p.name === 'resource')!.options as Array<{ name: string; value: string }>;
	expect(resources.length).toBeGreaterThanOrEqual(atLeast);
	expect(rows.filter(([n]) => n === name)).toHaveLength(resources.length);
	for (const resource of resources) {
		const row = rows.find(([n, r]) => n === name && r === resource.name);
		expect(row).toBeDefined();
		const operations = node.description.properties
			.filter((p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[]).includes(resource.value))
			.flatMap((p) => (p.options as Array<{ name: string }>).map((o) => o.name));
		expect(operations.length).toBeGreaterThan(0);
		expect(row![2].split(', ')).toEqual(operations);
	}
});

test('the table names every webhook event and every polled entity', () => {
	const events = rows.find(([n]) => n === 'Makini Trigger')![2];
	for (const event of EVENT_OPTIONS) expect(events).toContain(`(\`${String(event.value)}\`)`);
	const polled = rows.find(([n, r]) => n === 'Makini Polling Trigger' && r === 'Record Created or Updated')![2].split(', ');
	const offered = new MakiniPollingTrigger().description.properties.find((p) => p.name === 'resource')!.options as Array<{ name: string }>;
	expect(polled).toEqual(offered.map((o) => o.name));
	expect(rows.some(([n, r]) => n === 'Makini Polling Trigger' && r === 'Sync Status Changed')).toBe(true);
});
