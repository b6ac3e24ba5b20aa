import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import {
	collectionMap,
	deleteRecord,
	insertRecord,
	readStored,
	updateRecord,
	type RecordSpec
} from '../doc';
import type { Id } from '../model/records';
import type { WorkbookSession } from './session.svelte';

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

/**
 * A live collection and the plain commands that change it. Every change goes through the
 * session, so it is undoable, saved, and refused when the workbook is read-only. Commands with
 * more meaning (a contact's name is trimmed, removing a contact removes their ties) live in the
 * screen's state class and call these.
 */
export class Collection<T extends { id: string }> extends LiveRecords<T> {
	constructor(
		private session: WorkbookSession,
		spec: RecordSpec<T>
	) {
		super(session.doc, spec);
	}

	/** Adds a record; returns its id, or null when the workbook is read-only. */
	add(values: Partial<T> = {}): Id | null {
		let id: Id | null = null;
		this.session.write((doc) => {
			id = insertRecord(doc, this.spec, values);
		});
		return id;
	}

	update(id: Id, patch: Partial<Omit<T, 'id'>>): void {
		this.session.write((doc) => updateRecord(doc, this.spec, id, patch));
	}

	remove(id: Id): void {
		this.session.write((doc) => deleteRecord(doc, this.spec, id));
	}
}

const stores = new WeakMap<WorkbookSession, Map<string, Collection<{ id: string }>>>();

/**
 * The one store of a collection for an open session: every screen that shows contacts (or slots,
 * or asks…) shares it, so each collection is read once and then kept up to date record by record.
 */
export function collectionOf<T extends { id: string }>(
	session: WorkbookSession,
	spec: RecordSpec<T>
): Collection<T> {
	let byName = stores.get(session);
	if (!byName) stores.set(session, (byName = new Map()));
	let store = byName.get(spec.collection) as Collection<T> | undefined;
	if (!store) {
		store = new Collection(session, spec);
		byName.set(spec.collection, store as unknown as Collection<{ id: string }>);
	}
	return store;
}
