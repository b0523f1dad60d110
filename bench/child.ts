// A benchmark side in its own process (see lib/worker.ts): runs the tasks the parent sends over IPC.
import { baselineCreate, nodeCreate } from './tasks/create';
import { baselineList, nodeList } from './tasks/list';
import { baselinePoll, nodePoll } from './tasks/poll';
import { baselineWebhook, nodeWebhook, weighMemory } from './tasks/webhook';

const tasks: Record<string, (args: never) => Promise<unknown>> = {
	baselineList,
	nodeList,
	baselineCreate,
	nodeCreate,
	baselinePoll,
	nodePoll,
	baselineWebhook,
	nodeWebhook,
	weighMemory,
};

process.on('message', (message: { id: number; task: string; args: never }) => {
	const task = tasks[message.task];
	const run = task ? task(message.args) : Promise.reject(new Error(`unknown task ${message.task}`));
	run.then(
		(result) => process.send?.({ id: message.id, result }),
		(error: Error) => process.send?.({ id: message.id, error: error.stack ?? String(error) }),
	);
});
// Keep-alive sockets must not hold a finished side open.
process.on('disconnect', () => process.exit(0));
