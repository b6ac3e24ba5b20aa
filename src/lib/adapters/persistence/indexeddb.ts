import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { PersistenceAdapter, StorageStats } from './types';
export { COMPACT_AFTER_ROWS } from './types';

/** y-indexeddb's object store of updates. */
const UPDATES = 'updates';

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

export class IndexedDbPersistence implements PersistenceAdapter {
	#provider: IndexeddbPersistence | null = null;
	#doc: Y.Doc | null = null;

	constructor(readonly name: string) {}

	async load(doc: Y.Doc): Promise<void> {
		this.#doc = doc;
		const provider = new IndexeddbPersistence(this.name, doc);
		this.#provider = provider;
		// y-indexeddb listens for updates from the moment it is created. While it applies what is
		// stored, that listener makes Yjs encode the whole document once more, only to be told
		// the update came from storage: tens of milliseconds and megabytes of garbage on a large
		// workbook. Listen once loading is done; nothing else writes to the doc before then.
		doc.off('update', provider._storeUpdate);
		await provider.whenSynced;
		doc.on('update', provider._storeUpdate);
	}

	#db(): IDBDatabase {
		const db = this.#provider?.db;
		if (!db) throw new Error('The workbook storage is not open');
		return db;
	}

	async flush(): Promise<void> {
		if (!this.#provider?.db) return;
		// Read-write transactions on one store run in order: when this empty one completes,
		// every update queued before it is on disk.
		await done(this.#db().transaction(UPDATES, 'readwrite'));
	}

	async compact(): Promise<void> {
		const provider = this.#provider;
		const doc = this.#doc;
		if (!provider?.db || !doc) return;
		const tx = provider.db.transaction(UPDATES, 'readwrite');
		const store = tx.objectStore(UPDATES);
		// Other tabs may have written rows since this one loaded: merge them before replacing
		// everything, all inside one transaction so no tab can write in between.
		const since = IDBKeyRange.lowerBound(provider._dbref, false);
		const newer = (await request(store.getAll(since))) as Uint8Array[];
		Y.transact(doc, () => newer.forEach((u) => Y.applyUpdate(doc, u)), provider, false);
		const keys = await request(store.getAllKeys());
		const last = keys.length ? (keys[keys.length - 1] as number) : -1;
		const key = await request(store.add(Y.encodeStateAsUpdate(doc)));
		if (last >= 0) store.delete(IDBKeyRange.upperBound(last));
		await done(tx);
		provider._dbref = (key as number) + 1;
		provider._dbsize = 1;
	}

	async stats(): Promise<StorageStats> {
		if (!this.#provider?.db) return { rows: 0, bytes: 0 };
		const store = this.#db().transaction(UPDATES, 'readonly').objectStore(UPDATES);
		const rows = (await request(store.getAll())) as Uint8Array[];
		return { rows: rows.length, bytes: rows.reduce((sum, r) => sum + r.byteLength, 0) };
	}

	async close(): Promise<void> {
		await this.#provider?.destroy();
		this.#provider = null;
	}

	async destroy(): Promise<void> {
		await this.close();
		await request(indexedDB.deleteDatabase(this.name));
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
