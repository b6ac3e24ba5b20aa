import type * as Y from 'yjs';

/**
 * Compact on open once this many rows have piled up. y-indexeddb trims only after 500 updates
 * in one session, and every open adds a row (its issue #31), so without this a workbook opened
 * daily and edited a little grows forever.
 */
export const COMPACT_AFTER_ROWS = 20;

export interface StorageStats {
	/** Stored update rows. */
	rows: number;
	/** Bytes of stored updates. */
	bytes: number;
}

/**
 * Where the document's changes are: all committed to storage (`saved`), some still being
 * written (`saving`), or the last write failed (`failed`): the changes are still in memory and
 * the write is retried.
 */
export type WriteState = 'saved' | 'saving' | 'failed';

export type WriteStateListener = (state: WriteState, error: unknown) => void;

/**
 * Where a document is kept on this device. Implementations: IndexedDB (the app) and memory
 * (unit tests). The owner calls `load` once, before anything is written to the doc. Any
 * document the app stores (the workbook, drafts, a shared space) uses one of these.
 */
export interface PersistenceAdapter {
	/** Applies everything stored to `doc`, then keeps storing every later update of it. */
	load(doc: Y.Doc): Promise<void>;
	/** Resolves once every update so far is committed to storage; rejects if a write failed. */
	flush(): Promise<void>;
	/** Rewrites storage as one row holding the whole state, so it never grows without bound. */
	compact(): Promise<void>;
	stats(): Promise<StorageStats>;
	/** Calls `listener` whenever the write state changes; returns the function that stops it. */
	onWriteState(listener: WriteStateListener): () => void;
	/** Stops storing (after committing what is pending); the data stays. */
	close(): Promise<void>;
	/** Stops storing and deletes the data. */
	destroy(): Promise<void>;
}

/** The write state and its listeners, shared by the adapters. */
export class WriteStatus {
	state: WriteState = 'saved';
	error: unknown = null;
	#listeners = new Set<WriteStateListener>();

	set(state: WriteState, error: unknown = null): void {
		if (state === this.state && error === this.error) return;
		this.state = state;
		this.error = error;
		for (const listener of this.#listeners) listener(state, error);
	}

	listen(listener: WriteStateListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}
}
