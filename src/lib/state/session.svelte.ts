import * as Y from 'yjs';
import {
	COMPACT_AFTER_ROWS,
	type PersistenceAdapter,
	type StorageStats
} from '../adapters/persistence/types';
import type { SyncConnection } from '../adapters/sync/types';
import {
	createUndoManager,
	metaMap,
	migrate,
	ORIGIN,
	SCHEMA_VERSION,
	UNDO_CAPTURE_MS,
	storedSchemaVersion,
	type Origin
} from '../doc';

export type SessionStatus = 'loading' | 'ready' | 'read-only' | 'failed';
export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export interface SessionOptions {
	persistence: PersistenceAdapter;
	/** Connects the open document to this device's other tabs; null in tests. */
	connectTabs?: ((doc: Y.Doc) => SyncConnection) | null;
	/** The browser's storage manager (absent in tests and old browsers). */
	storage?: StorageManager | null;
	/** Runs work when the page is idle, after Home has shown. */
	whenIdle?: (work: () => void) => void;
	/**
	 * Other stores of this device opened with the workbook (before any screen shows) and
	 * flushed with it, e.g. drafts. Their open() must not reject.
	 */
	alongside?: Companion[];
}

export interface Companion {
	open(): Promise<void>;
	flush(): Promise<void>;
}

/**
 * One open workbook: `new Y.Doc` → load from storage → migrate → ready. Nothing is written to
 * the document before the load has finished (writing earlier would let an empty document's
 * defaults win over what is stored). Disposable: `close()` releases everything.
 */
export class WorkbookSession {
	readonly doc = new Y.Doc();
	status = $state<SessionStatus>('loading');
	/** Why the workbook is read-only or failed to open, in words for the user. */
	problem = $state<string | null>(null);
	saveState = $state<SaveState>('idle');
	canUndo = $state(false);
	canRedo = $state(false);
	/** Whether the browser promised to keep the data (null: not asked or not supported). */
	persisted = $state<boolean | null>(null);

	#options: SessionOptions;
	#undo: Y.UndoManager | null = null;
	#tabs: SyncConnection | null = null;
	#askedForPersistence = false;
	#stopWatching = () => {};
	#closed = false;

	constructor(options: SessionOptions) {
		this.#options = options;
	}

	get persistence(): PersistenceAdapter {
		return this.#options.persistence;
	}

	get writable(): boolean {
		return this.status === 'ready';
	}

	async open(): Promise<this> {
		// Marks for benchmarks and the browser's performance panel: where opening spends time.
		performance.mark('village:open');
		try {
			await Promise.all([
				this.#options.persistence.load(this.doc),
				...(this.#options.alongside ?? []).map((c) => c.open())
			]);
			performance.mark('village:loaded');
		} catch (error) {
			this.status = 'failed';
			this.problem = `Village could not open the workbook stored in this browser (${describe(error)}). Nothing was changed.`;
			return this;
		}
		if (this.#closed) return this;
		const result = migrate(this.doc);
		if (result.status === 'newer') {
			this.#becomeReadOnly(result.version);
			return this;
		}
		this.#undo = createUndoManager(this.doc);
		const refresh = () => {
			this.canUndo = (this.#undo?.undoStack.length ?? 0) > 0;
			this.canRedo = (this.#undo?.redoStack.length ?? 0) > 0;
		};
		this.#undo.on('stack-item-added', refresh);
		this.#undo.on('stack-item-popped', refresh);
		this.#undo.on('stack-cleared', refresh);
		// A tab of a newer Village may upgrade the shared document while this one is open.
		metaMap(this.doc).observe(() => {
			const version = storedSchemaVersion(this.doc);
			if (version > SCHEMA_VERSION && this.status === 'ready') this.#becomeReadOnly(version);
		});
		this.#watchWrites();
		this.#tabs = this.#options.connectTabs?.(this.doc) ?? null;
		this.status = 'ready';
		performance.mark('village:ready');
		this.#options.storage?.persisted?.().then(
			(p) => (this.persisted = p),
			() => {}
		);
		(this.#options.whenIdle ?? ((work) => setTimeout(work, 0)))(() => void this.compactIfNeeded());
		return this;
	}

	#becomeReadOnly(version: number) {
		this.status = 'read-only';
		this.problem = `This workbook was saved by a newer version of Village (format ${version}; this one reads up to ${SCHEMA_VERSION}). You can read it here, but changes are switched off so nothing newer is overwritten. Reload the page to get the newer version.`;
		this.#tabs?.close();
		this.#tabs = null;
	}

	/**
	 * Applies a change as one transaction. Returns false (and changes nothing) when the workbook
	 * is not open for writing. Local edits are what undo tracks; imports use their own origin.
	 */
	write(change: (doc: Y.Doc) => void, origin: Origin = ORIGIN.local): boolean {
		if (!this.writable) return false;
		this.doc.transact(() => change(this.doc), origin);
		if (!this.#askedForPersistence) {
			this.#askedForPersistence = true;
			void this.requestPersistence();
		}
		return true;
	}

	/** What the status in the bar says: "Saved" only once storage has committed the change. */
	#watchWrites() {
		const problem = (error: unknown) =>
			`Your last change is not saved on this device yet (${describe(error).replace(/\.+$/, '')}). Village keeps it and keeps trying; leaving this page now would lose it.`;
		let shown: string | null = null;
		this.#stopWatching = this.#options.persistence.onWriteState((state, error) => {
			this.saveState = state;
			if (state === 'failed') {
				shown = problem(error);
				this.problem = shown;
			} else if (state === 'saved' && shown !== null && this.problem === shown) {
				this.problem = null;
				shown = null;
			}
		});
	}

	/** Waits until every change so far is committed to storage (for pagehide and tests). */
	async flush(): Promise<void> {
		await Promise.all([
			this.#options.persistence.flush(),
			...(this.#options.alongside ?? []).map((c) => c.flush())
		]);
	}

	async requestPersistence(): Promise<boolean | null> {
		const storage = this.#options.storage;
		if (!storage?.persist) return null;
		try {
			this.persisted = (await storage.persisted()) || (await storage.persist());
		} catch {
			this.persisted = false;
		}
		return this.persisted;
	}

	undo(): void {
		if (this.writable) this.#undo?.undo();
	}

	redo(): void {
		if (this.writable) this.#undo?.redo();
	}

	/**
	 * Stops merging the next keystroke into the previous undo step. Given an origin, undo then
	 * captures only changes with it, all as one step, until called again without one: for a long
	 * change written in slices (state/slices.ts).
	 */
	stopCapturing(only?: Origin): void {
		const undo = this.#undo;
		if (!undo) return;
		undo.stopCapturing();
		undo.captureTimeout = only ? Infinity : UNDO_CAPTURE_MS;
		undo.captureTransaction = (tr) => !only || tr.origin === only;
	}

	async stats(): Promise<StorageStats> {
		return this.#options.persistence.stats();
	}

	async compactIfNeeded(): Promise<boolean> {
		if (!this.writable) return false;
		const { rows } = await this.#options.persistence.stats();
		if (rows <= COMPACT_AFTER_ROWS) return false;
		await this.#options.persistence.compact();
		return true;
	}

	async close(): Promise<void> {
		this.#closed = true;
		this.#stopWatching();
		this.#tabs?.close();
		this.#undo?.destroy();
		await this.#options.persistence.close();
		this.doc.destroy();
	}

	/** Deletes this workbook from the device. The session is closed afterwards. */
	async deleteEverything(): Promise<void> {
		this.#closed = true;
		this.status = 'loading';
		this.#stopWatching();
		this.#tabs?.close();
		this.#undo?.destroy();
		await this.#options.persistence.destroy();
		this.doc.destroy();
	}
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
