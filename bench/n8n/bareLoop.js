// The physical limit of a read: a plain Node script (no n8n) paging through the same list with fetch,
// collecting the records. Run with the same Node binary as n8n; prints {ms, count, unique} as JSON.
// Usage: node bareLoop.js <baseUrl> <token> <path> <perPage>
const [baseUrl, token, path, perPage] = process.argv.slice(2);

async function main() {
	const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
	const started = performance.now();
	const records = [];
	for (let page = 1; ; page++) {
		const response = await fetch(`${baseUrl}${path}?page=${page}&per_page=${perPage}`, { headers });
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		const body = await response.json();
		for (const record of body.data) records.push(record);
		if (body.data.length === 0 || body.meta.current_page >= body.meta.last_page) break;
	}
	const ms = performance.now() - started;
	const unique = new Set(records.map((r) => r.key)).size;
	process.stdout.write(JSON.stringify({ ms, count: records.length, unique }));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
