/** Long changes written a slice at a time, so the page stays responsive while they run. */
import type * as Y from 'yjs';
import { ORIGIN, type Origin } from '../doc/origins';
import type { WorkbookSession } from './session.svelte';

/**
 * Applies a long change item by item, as several transactions each taking about `sliceMs` with
 * what follows them, yielding to the page between them (a 10,000-contact import is one 800 ms
 * task otherwise). Undo takes the whole of it back as one step; while it runs, only its own
 * transactions are captured for undo. Resolves true once every item is written, false when the
 * workbook is not (or stops being) open for writing.
 */
export async function writeInSlices<T>(
	session: WorkbookSession,
	items: readonly T[],
	apply: (doc: Y.Doc, item: T, index: number) => void,
	{
		origin = ORIGIN.local,
		sliceMs = 30,
		onProgress
	}: { origin?: Origin; sliceMs?: number; onProgress?: (done: number) => void } = {}
): Promise<boolean> {
	if (!session.writable) return false;
	session.stopCapturing(origin);
	try {
		// How many items go in a slice: starts at one and follows what a slice really costs,
		// measured up to the next slice so the observers, storage and screen updates that follow
		// each transaction count too.
		let batch = 1;
		let i = 0;
		while (i < items.length) {
			const start = performance.now();
			const end = Math.min(items.length, i + batch);
			const wrote = session.write((doc) => {
				for (; i < end; i++) apply(doc, items[i]!, i);
			}, origin);
			if (!wrote) return false;
			onProgress?.(i / items.length);
			// Yield after the last slice too, so what the screen does next is a task of its own.
			await new Promise((resolve) => setTimeout(resolve, 0));
			const took = Math.max(1, performance.now() - start);
			batch = Math.max(1, Math.min(batch * 2, Math.floor((batch * sliceMs) / took)));
		}
		return true;
	} finally {
		session.stopCapturing();
	}
}
