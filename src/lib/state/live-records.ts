import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import { collectionMap, readStored, type RecordSpec } from '../doc';
import type { Id } from '../model/records';

/**
 * One collection, kept as plain records and updated record by record: a change to one contact
 * re-reads that contact, not all 5,000. The cache is always live (the observer stays attached
 * for the session's life), so any screen opening later starts from it instead of a full read.
 */
export class LiveRecords<T extends { id: string }> {
	#map: Y.Map<unknown>;
	#cache = new Map<Id, T>();
	#list: T[] | null = null;
	/** Bumped on every change; readers of `version` are told through createSubscriber. */
	#version = 0;
	#subscribe: () => void;
	#notify: (() => void) | null = null;

	constructor(
		doc: Y.Doc,
		readonly spec: RecordSpec<T>
	) {
		this.#map = collectionMap(doc, spec.collection);
		this.#subscribe = createSubscriber((update) => {
			this.#notify = update;
			return () => (this.#notify = null);
		});
		this.#map.forEach((stored, id) => {
			const record = readStored(spec, id, stored);
			if (record) this.#cache.set(id, record);
		});
		this.#map.observeDeep((events) => {
			const touched = new Set<Id>();
			for (const event of events) {
				if (event.target === this.#map) {
					for (const key of (event as Y.YMapEvent<unknown>).keysChanged) touched.add(key);
				} else {
					const id = event.path[0];
					if (typeof id === 'string') touched.add(id);
				}
			}
			for (const id of touched) {
				const record = readStored(spec, id, this.#map.get(id));
				if (record) this.#cache.set(id, record);
				else this.#cache.delete(id);
			}
			this.#list = null;
			this.#version++;
			this.#notify?.();
		});
	}

	/** A number that changes whenever any record does (reading it subscribes). */
	get version(): number {
		this.#subscribe();
		return this.#version;
	}

	/** Every record in id order (the order they were added). */
	get all(): T[] {
		void this.version;
		this.#list ??= [...this.#cache.values()].sort((a, b) =>
			a.id < b.id ? -1 : a.id > b.id ? 1 : 0
		);
		return this.#list;
	}

	get size(): number {
		void this.version;
		return this.#cache.size;
	}

	get(id: Id): T | null {
		void this.version;
		return this.#cache.get(id) ?? null;
	}

	get byId(): ReadonlyMap<Id, T> {
		void this.version;
		return this.#cache;
	}
}
