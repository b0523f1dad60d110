/**
 * Runs `task` over `count` indexes with at most `limit` running at once; results keep index order.
 * After a failure no new task starts, and the first error is rethrown.
 */
export async function mapWithConcurrency<T>(
	count: number,
	limit: number,
	task: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	let failed = false;
	const worker = async () => {
		while (!failed && next < count) {
			const index = next++;
			let done = false;
			try {
				results[index] = await task(index);
				done = true;
			} finally {
				failed ||= !done;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
	return results;
}
