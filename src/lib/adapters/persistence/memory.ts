import * as Y from 'yjs';
import type { PersistenceAdapter, StorageStats } from './types';

/** Keeps updates in an array: the same contract as IndexedDB, for unit tests. */
export class MemoryPersistence implements PersistenceAdapter {
	#doc: Y.Doc | null = null;
	#onUpdate = (update: Uint8Array, origin: unknown) => {
		if (origin !== this) this.updates.push(update);
	};

	constructor(readonly updates: Uint8Array[] = []) {}

	async load(doc: Y.Doc): Promise<void> {
		this.#doc = doc;
		Y.transact(doc, () => this.updates.forEach((u) => Y.applyUpdate(doc, u)), this, false);
		doc.on('update', this.#onUpdate);
	}

	async flush(): Promise<void> {}

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
		this.#doc?.off('update', this.#onUpdate);
		this.#doc = null;
	}

	async destroy(): Promise<void> {
		await this.close();
		this.updates.length = 0;
	}
}
