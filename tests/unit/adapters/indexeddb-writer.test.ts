import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { IndexedDbPersistence } from '../../../src/lib/adapters/persistence/indexeddb';
import type { WriteState } from '../../../src/lib/adapters/persistence/types';

let n = 0;
const fresh = () => `writer-${Date.now()}-${n++}`;
const open: IndexedDbPersistence[] = [];

async function openDoc(name: string, options = {}) {
	const doc = new Y.Doc();
	const store = new IndexedDbPersistence(name, options);
	open.push(store);
	await store.load(doc);
	return { doc, store };
}

/** Every row of the updates store, in key order. */
async function rows(name: string): Promise<Uint8Array[]> {
	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		const req = indexedDB.open(name);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
	const all = await new Promise<Uint8Array[]>((resolve) => {
		const req = db.transaction('updates').objectStore('updates').getAll();
		req.onsuccess = () => resolve(req.result);
	});
	db.close();
	return all;
}

afterEach(async () => {
	vi.restoreAllMocks();
	await Promise.all(open.splice(0).map((s) => s.close()));
});

describe('the IndexedDB writer', () => {
	it("puts one task's updates in one committed transaction, in order", async () => {
		const name = fresh();
		const { doc, store } = await openDoc(name);
		const made: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => made.push(u));
		const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
		const commit = vi.spyOn(IDBTransaction.prototype, 'commit');

		const answers = doc.getMap('answers');
		answers.set('a', 1);
		answers.set('b', 2);
		answers.set('c', 3);
		// Nothing is written in the middle of the task: the transaction opens in its microtask.
		expect(transaction).not.toHaveBeenCalled();
		await Promise.resolve();
		const writes = () => transaction.mock.calls.filter(([, mode]) => mode === 'readwrite');
		expect(writes()).toHaveLength(1);
		expect(commit).toHaveBeenCalledTimes(1);

		await store.flush();
		answers.set('d', 4);
		answers.set('e', 5);
		await store.flush();
		expect(writes()).toHaveLength(2);
		expect(commit).toHaveBeenCalledTimes(2);
		expect(await rows(name)).toEqual(made);
	});

	it('says saving until the transaction has committed, then saved', async () => {
		const { doc, store } = await openDoc(fresh());
		const states: WriteState[] = [];
		store.onWriteState((s) => states.push(s));
		doc.getMap('answers').set('a', 1);
		expect(states).toEqual(['saving']);
		await store.flush();
		expect(states).toEqual(['saving', 'saved']);
	});

	it('keeps a failed write in memory, says so, and retries until it is stored', async () => {
		const name = fresh();
		const { doc, store } = await openDoc(name, { retryMs: [5] });
		const states: WriteState[] = [];
		const errors: unknown[] = [];
		store.onWriteState((s, e) => (states.push(s), errors.push(e)));
		const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementationOnce(() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		});
		doc.getMap('answers').set('kept', true);
		await expect(store.flush()).rejects.toThrow(/quota/);
		expect(states).toEqual(['saving', 'failed']);
		expect(String(errors[1])).toMatch(/quota/);
		expect(doc.getMap('answers').get('kept')).toBe(true);

		await vi.waitFor(() => expect(states.at(-1)).toBe('saved'));
		expect(add).toHaveBeenCalledTimes(2);
		await store.close();
		const again = await openDoc(name);
		expect(again.doc.getMap('answers').get('kept')).toBe(true);
	});

	it('commits what is pending when the owner flushes (pagehide), without waiting for a task', async () => {
		const name = fresh();
		const { doc, store } = await openDoc(name);
		const commit = vi.spyOn(IDBTransaction.prototype, 'commit');
		doc.getMap('answers').set('last', 'keystroke');
		const flushed = store.flush();
		// Committed synchronously, inside flush(), not in a later microtask.
		expect(commit).toHaveBeenCalledTimes(1);
		await flushed;
		expect(await rows(name)).toHaveLength(1);
	});

	it('reads and writes the layout y-indexeddb uses, so existing workbooks open unchanged', async () => {
		const name = fresh();
		const old = new Y.Doc();
		const legacy = new IndexeddbPersistence(name, old);
		await legacy.whenSynced;
		old.getText('text:goal.statement').insert(0, 'Written by y-indexeddb');
		await legacy.destroy();

		const { doc, store } = await openDoc(name);
		expect(doc.getText('text:goal.statement').toString()).toBe('Written by y-indexeddb');
		doc.getText('text:goal.statement').insert(0, 'And by Village. ');
		await store.close();

		const back = new Y.Doc();
		const reader = new IndexeddbPersistence(name, back);
		await reader.whenSynced;
		expect(back.getText('text:goal.statement').toString()).toBe(
			'And by Village. Written by y-indexeddb'
		);
		await reader.destroy();
	});

	it('keeps documents under different names apart', async () => {
		const a = await openDoc(fresh());
		const b = await openDoc(fresh());
		a.doc.getMap('m').set('where', 'a');
		b.doc.getMap('m').set('where', 'b');
		await Promise.all([a.store.flush(), b.store.flush()]);
		await Promise.all([a.store.close(), b.store.close()]);
		expect((await openDoc(a.store.name)).doc.getMap('m').get('where')).toBe('a');
		expect((await openDoc(b.store.name)).doc.getMap('m').get('where')).toBe('b');
	});
});
