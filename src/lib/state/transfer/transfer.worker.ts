/// <reference lib="webworker" />
/** The transfer worker: parses files and checks backups off the page's main thread. */
import type { WorkerRequest } from './protocol';
import { runJob } from './jobs';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
	const reply = runJob(event.data, (done) => scope.postMessage({ kind: 'progress', done }));
	scope.postMessage(reply);
};
