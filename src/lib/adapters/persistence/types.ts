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
 * Where a workbook document is kept on this device. Implementations: IndexedDB (the app) and
 * memory (unit tests). The session calls `load` once, before anything is written to the doc.
 */
export interface PersistenceAdapter {
	/** Applies everything stored to `doc`, then keeps storing every later update of it. */
	load(doc: Y.Doc): Promise<void>;
	/** Resolves once every update so far is committed to storage. */
	flush(): Promise<void>;
	/** Rewrites storage as one row holding the whole state, so it never grows without bound. */
	compact(): Promise<void>;
	stats(): Promise<StorageStats>;
	/** Stops storing; the data stays. */
	close(): Promise<void>;
	/** Stops storing and deletes the data. */
	destroy(): Promise<void>;
}
