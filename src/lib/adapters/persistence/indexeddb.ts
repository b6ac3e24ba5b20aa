import * as Y from 'yjs';
import {
	WriteStatus,
	type PersistenceAdapter,
	type StorageStats,
	type WriteStateListener
} from './types';
export { COMPACT_AFTER_ROWS } from './types';

/**
 * y-indexeddb's layout, kept so that every workbook it wrote opens unchanged: a database named
 * after the document, an `updates` store of raw Yjs updates under auto-increment keys (applied
 * in key order), and a `custom` store (unused by Village, created as y-indexeddb does).
 */
const UPDATES = 'updates';
const CUSTOM = 'custom';

/** Waits between retries of a failed write, the last one repeated. */
const RETRY_MS = [200, 1000, 5000, 15000];

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

function done(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
		tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
	});
}

/** Sends the transaction to disk now, rather than whenever the browser gets round to it. */
function commit(tx: IDBTransaction): void {
	// Absent before Chrome 76, Firefox 74, Safari 15: there the browser commits on its own.
	if (typeof tx.commit === 'function') tx.commit();
}

const hasStores = (db: IDBDatabase) =>
	db.objectStoreNames.contains(UPDATES) && db.objectStoreNames.contains(CUSTOM);

async function openDatabase(name: string, version?: number): Promise<IDBDatabase> {
	const req = indexedDB.open(name, version);
	req.onupgradeneeded = () => {
		const db = req.result;
		if (!db.objectStoreNames.contains(UPDATES)) {
			db.createObjectStore(UPDATES, { autoIncrement: true });
		}
		if (!db.objectStoreNames.contains(CUSTOM)) db.createObjectStore(CUSTOM);
	};
	const db = await request(req);
	if (hasStores(db)) return db;
	// Opened once without its stores (by a bare `indexedDB.open`): add them in a new version.
	db.close();
	return openDatabase(name, db.version + 1);
}

export interface IndexedDbOptions {
	/** Waits between retries of a failed write (tests make them short). */
	retryMs?: number[];
}

/**
 * Keeps a Y.Doc in IndexedDB. Every update made in one task goes into one read-write
 * transaction, opened in a microtask of that same task and committed explicitly, so it reaches
 * storage even when the page goes away at the end of the task (a navigation, a closed tab).
 * Left to commit on its own, a transaction commits only after a round trip to the storage
 * process, and a page that unloads first loses it. A failed write keeps its updates in memory,
 * says so through `onWriteState`, and is retried.
 */
export class IndexedDbPersistence implements PersistenceAdapter {
	#db: IDBDatabase | null = null;
	#doc: Y.Doc | null = null;
	/** Updates not yet handed to a transaction, oldest first. */
	#queue: Uint8Array[] = [];
	#scheduled = false;
	/** Transactions sent and not yet complete. */
	#inFlight = new Set<Promise<void>>();
	#status = new WriteStatus();
	#retry: ReturnType<typeof setTimeout> | null = null;
	#failures = 0;
	/** Rows from this key on may have been written by another tab since this one read them. */
	#dbref = 0;
	#retryMs: number[];

	constructor(
		readonly name: string,
		options: IndexedDbOptions = {}
	) {
		this.#retryMs = options.retryMs ?? RETRY_MS;
	}

	#onUpdate = (update: Uint8Array, origin: unknown) => {
		if (origin === this) return;
		this.#queue.push(update);
		if (this.#status.state === 'saved') this.#status.set('saving');
		if (this.#scheduled) return;
		this.#scheduled = true;
		// A microtask still belongs to this task: it runs before the page can unload.
		queueMicrotask(() => {
			this.#scheduled = false;
			this.#write();
		});
	};

	async load(doc: Y.Doc): Promise<void> {
		const db = await openDatabase(this.name);
		// Another tab deleting this database must not be blocked by this connection.
		db.onversionchange = () => {
			db.close();
			if (this.#db === db) this.#db = null;
		};
		this.#db = db;
		this.#doc = doc;
		const store = db.transaction(UPDATES, 'readonly').objectStore(UPDATES);
		const [rows, keys] = await Promise.all([
			request(store.getAll()) as Promise<Uint8Array[]>,
			request(store.getAllKeys())
		]);
		Y.transact(doc, () => rows.forEach((u) => Y.applyUpdate(doc, u)), this, false);
		this.#dbref = keys.length ? (keys[keys.length - 1] as number) + 1 : 0;
		doc.on('update', this.#onUpdate);
	}

	/** Hands everything queued to one transaction and commits it. */
	#write(): void {
		if (this.#queue.length === 0) return;
		const batch = this.#queue;
		this.#queue = [];
		let written: Promise<void>;
		try {
			if (!this.#db) throw new Error('the storage was closed');
			const tx = this.#db.transaction(UPDATES, 'readwrite');
			const store = tx.objectStore(UPDATES);
			for (const update of batch) store.add(update);
			written = done(tx);
			commit(tx);
		} catch (error) {
			written = Promise.reject(error);
		}
		const tracked: Promise<void> = written.then(
			() => {
				this.#inFlight.delete(tracked);
				this.#failures = 0;
				this.#settle();
			},
			(error) => {
				this.#inFlight.delete(tracked);
				// Back to the front of the queue, ahead of anything made since, and try again.
				this.#queue = [...batch, ...this.#queue];
				this.#fail(error);
				throw error;
			}
		);
		// flush() reports the failure; nobody else needs to hear of it twice.
		tracked.catch(() => {});
		this.#inFlight.add(tracked);
	}

	#settle(): void {
		if (this.#queue.length === 0 && this.#inFlight.size === 0) this.#status.set('saved');
	}

	#fail(error: unknown): void {
		this.#status.set('failed', error);
		if (this.#retry || !this.#doc) return;
		const wait = this.#retryMs[Math.min(this.#failures, this.#retryMs.length - 1)];
		this.#failures++;
		this.#retry = setTimeout(() => {
			this.#retry = null;
			this.#write();
		}, wait);
	}

	onWriteState(listener: WriteStateListener): () => void {
		return this.#status.listen(listener);
	}

	/** Writes what is queued at once (for pagehide), and waits until all of it is committed. */
	async flush(): Promise<void> {
		this.#write();
		await Promise.all(this.#inFlight);
		if (this.#queue.length) throw this.#status.error ?? new Error('Not everything was saved');
	}

	/**
	 * In two transactions, so that no write waits behind a long one: a read-only one merges
	 * what other tabs wrote since this one last read, then one read-write transaction, sent and
	 * committed at once, adds the whole state and deletes the rows that state includes. Rows
	 * written in between have later keys and stay, to be merged next time.
	 */
	async compact(): Promise<void> {
		const db = this.#db;
		const doc = this.#doc;
		if (!db || !doc) return;
		const read = db.transaction(UPDATES, 'readonly').objectStore(UPDATES);
		const [newer, keys] = await Promise.all([
			request(read.getAll(IDBKeyRange.lowerBound(this.#dbref))) as Promise<Uint8Array[]>,
			request(read.getAllKeys())
		]);
		if (this.#doc !== doc || this.#db !== db) return;
		Y.transact(doc, () => newer.forEach((u) => Y.applyUpdate(doc, u)), this, false);
		const last = keys.length ? (keys[keys.length - 1] as number) : -1;
		const tx = db.transaction(UPDATES, 'readwrite');
		const store = tx.objectStore(UPDATES);
		store.add(Y.encodeStateAsUpdate(doc));
		if (last >= 0) store.delete(IDBKeyRange.upperBound(last));
		const written = done(tx);
		commit(tx);
		await written;
		this.#dbref = last + 1;
	}

	async stats(): Promise<StorageStats> {
		if (!this.#db) return { rows: 0, bytes: 0 };
		const store = this.#db.transaction(UPDATES, 'readonly').objectStore(UPDATES);
		const rows = (await request(store.getAll())) as Uint8Array[];
		return { rows: rows.length, bytes: rows.reduce((sum, r) => sum + r.byteLength, 0) };
	}

	#stop(): void {
		this.#doc?.off('update', this.#onUpdate);
		this.#doc = null;
		if (this.#retry) clearTimeout(this.#retry);
		this.#retry = null;
	}

	async close(): Promise<void> {
		await this.flush().catch(() => {});
		this.#stop();
		this.#db?.close();
		this.#db = null;
	}

	async destroy(): Promise<void> {
		this.#stop();
		this.#queue = [];
		await Promise.allSettled(this.#inFlight);
		this.#db?.close();
		this.#db = null;
		await request(indexedDB.deleteDatabase(this.name));
		this.#status.set('saved');
	}
}

/** Rows stored now, without opening a document (for Settings and benchmarks). */
export async function storedRowCount(name: string): Promise<number> {
	const db = await request(indexedDB.open(name));
	try {
		if (!db.objectStoreNames.contains(UPDATES)) return 0;
		return await request(db.transaction(UPDATES, 'readonly').objectStore(UPDATES).count());
	} finally {
		db.close();
	}
}
