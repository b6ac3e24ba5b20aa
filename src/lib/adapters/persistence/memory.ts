import * as Y from 'yjs';
import {
	WriteStatus,
	type PersistenceAdapter,
	type StorageStats,
	type WriteStateListener
} from './types';

/**
 * Keeps updates in an array: the same contract as IndexedDB, for unit tests. Like the IndexedDB
 * writer, it stores each task's updates together in a microtask. Set `failWith` to make writes
 * fail (the updates stay queued) and clear it to let the next `flush()` store them.
 */
export class MemoryPersistence implements PersistenceAdapter {
	#doc: Y.Doc | null = null;
	#queue: Uint8Array[] = [];
	#scheduled = false;
	#status = new WriteStatus();
	failWith: Error | null = null;

	#onUpdate = (update: Uint8Array, origin: unknown) => {
		if (origin === this) return;
		this.#queue.push(update);
		if (this.#status.state === 'saved') this.#status.set('saving');
		if (this.#scheduled) return;
		this.#scheduled = true;
		queueMicrotask(() => {
			this.#scheduled = false;
			this.#write();
		});
	};

	constructor(readonly updates: Uint8Array[] = []) {}

	async load(doc: Y.Doc): Promise<void> {
		this.#doc = doc;
		Y.transact(doc, () => this.updates.forEach((u) => Y.applyUpdate(doc, u)), this, false);
		doc.on('update', this.#onUpdate);
	}

	#write(): void {
		if (this.failWith) {
			this.#status.set('failed', this.failWith);
			return;
		}
		this.updates.push(...this.#queue.splice(0));
		this.#status.set('saved');
	}

	onWriteState(listener: WriteStateListener): () => void {
		return this.#status.listen(listener);
	}

	async flush(): Promise<void> {
		this.#write();
		if (this.failWith) throw this.failWith;
	}

	async compact(): Promise<void> {
		if (!this.#doc) return;
		this.updates.splice(0, this.updates.length, Y.encodeStateAsUpdate(this.#doc));
	}

	async stats(): Promise<StorageStats> {
		return {
			rows: this.updates.length,
			bytes: this.updates.reduce((s, u) => s + u.byteLength, 0)
		};
	}

	async close(): Promise<void> {
		await this.flush().catch(() => {});
		this.#doc?.off('update', this.#onUpdate);
		this.#doc = null;
	}

	async destroy(): Promise<void> {
		this.#doc?.off('update', this.#onUpdate);
		this.#doc = null;
		this.#queue.length = 0;
		this.updates.length = 0;
	}
}
