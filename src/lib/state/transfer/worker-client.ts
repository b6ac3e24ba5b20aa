import type { DraftStatus } from '../../io/import-plan';
import type { ParseResult } from '../../io/types';
import type { WorkerReply, WorkerRequest } from './protocol';

/** How long a file may take to read before the worker is stopped (a hostile file may spin). */
export const WORKER_TIME_LIMIT_MS = 20_000;

export class WorkerTimeout extends Error {}

/**
 * Runs a job in a fresh worker, which is ended when the job is done or the time limit passes,
 * so a file that makes a parser spin or eat memory costs the worker, never the page.
 */
export function runInWorker(
	request: WorkerRequest,
	onProgress: (done: number) => void = () => {},
	timeLimitMs = WORKER_TIME_LIMIT_MS
): Promise<WorkerReply> {
	// Without workers (unit tests), the same job runs here; loaded only then, so the page's own
	// bundle never carries the parsers.
	if (typeof Worker === 'undefined')
		return import('./jobs').then(({ runJob }) => runJob(request, onProgress));
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./transfer.worker.ts', import.meta.url), {
			type: 'module'
		});
		const timer = setTimeout(() => {
			worker.terminate();
			reject(new WorkerTimeout('took too long'));
		}, timeLimitMs);
		const items: ParseResult['items'] = [];
		const statuses: DraftStatus[] = [];
		worker.onmessage = (event: MessageEvent<WorkerReply>) => {
			const reply = event.data;
			if (reply.kind === 'progress') {
				onProgress(reply.done);
				return;
			}
			if (reply.kind === 'part') {
				items.push(...reply.items);
				statuses.push(...reply.statuses);
				return;
			}
			clearTimeout(timer);
			worker.terminate();
			if (reply.kind === 'parsed') {
				items.push(...reply.result.items);
				statuses.push(...reply.statuses);
				resolve({ kind: 'parsed', result: { items, errors: reply.result.errors }, statuses });
			} else resolve(reply);
		};
		worker.onerror = (event) => {
			clearTimeout(timer);
			worker.terminate();
			reject(new Error(event.message || 'the file reader stopped'));
		};
		worker.postMessage(request, [request.bytes.buffer as ArrayBuffer]);
	});
}
