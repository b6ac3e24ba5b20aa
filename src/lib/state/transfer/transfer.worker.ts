/// <reference lib="webworker" />
/** The transfer worker: parses files and checks backups off the page's main thread. */
import { PART_SIZE, type WorkerRequest } from './protocol';
import { runJob } from './jobs';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
	const reply = runJob(event.data, (done) => scope.postMessage({ kind: 'progress', done }));
	if (reply.kind === 'parsed') {
		// A large file's contacts go in parts, each read by the page in a short task of its own.
		const { items, errors } = reply.result;
		for (let i = 0; i < items.length; i += PART_SIZE)
			scope.postMessage({
				kind: 'part',
				items: items.slice(i, i + PART_SIZE),
				statuses: reply.statuses.slice(i, i + PART_SIZE)
			});
		scope.postMessage({ kind: 'parsed', result: { items: [], errors }, statuses: [] });
		return;
	}
	scope.postMessage(reply);
};
