/**
 * Half-finished forms kept on this device, so leaving a page mid-sentence loses nothing. A
 * draft is scratch: it is not part of the workbook, never synced, and read back only when it
 * still has the expected shape.
 *
 * Drafts are kept the way the workbook is: a small Y.Doc in its own IndexedDB database, written
 * by the same committing writer, so a draft typed just before the page goes away is kept too.
 * The store is opened with the workbook (before any screen reads a draft) and read from memory.
 */
import * as Y from 'yjs';
import { IndexedDbPersistence } from '../adapters/persistence/indexeddb';
import { COMPACT_AFTER_ROWS, type PersistenceAdapter } from '../adapters/persistence/types';

/** The IndexedDB database that holds this device's drafts. */
export const DRAFTS_STORE = 'village-drafts';

/** Where drafts were kept before (localStorage keys); moved into the store when it opens. */
const LEGACY_PREFIX = 'village:draft:';

/** Drafts by name, each kept as its JSON text. */
export class DraftStore {
	readonly doc = new Y.Doc();
	#drafts = this.doc.getMap<string>('drafts');
	#opened: Promise<void> | null = null;

	constructor(readonly persistence: PersistenceAdapter) {}

	/**
	 * Loads what is stored (once; later calls wait for the same load) and moves any drafts left
	 * in `legacy` storage by an earlier Village. If storage cannot be opened, drafts still work
	 * for this visit, in memory.
	 */
	open(legacy: Storage | null = null): Promise<void> {
		this.#opened ??= this.#open(legacy);
		return this.#opened;
	}

	async #open(legacy: Storage | null) {
		try {
			await this.persistence.load(this.doc);
			if ((await this.persistence.stats()).rows > COMPACT_AFTER_ROWS) {
				await this.persistence.compact();
			}
		} catch {
			// A draft is a convenience: the form still works without storage.
		}
		if (legacy) this.#moveFrom(legacy);
	}

	#moveFrom(legacy: Storage) {
		try {
			for (let i = legacy.length - 1; i >= 0; i--) {
				const key = legacy.key(i);
				if (!key?.startsWith(LEGACY_PREFIX)) continue;
				const name = key.slice(LEGACY_PREFIX.length);
				const raw = legacy.getItem(key);
				if (raw !== null && !this.#drafts.has(name)) this.#drafts.set(name, raw);
				legacy.removeItem(key);
			}
		} catch {
			// Storage blocked: nothing to move.
		}
	}

	get(name: string): unknown {
		const raw = this.#drafts.get(name);
		if (raw === undefined) return null;
		try {
			return JSON.parse(raw);
		} catch {
			return null;
		}
	}

	set(name: string, value: unknown): void {
		const raw = JSON.stringify(value);
		if (this.#drafts.get(name) !== raw) this.#drafts.set(name, raw);
	}

	delete(name: string): void {
		if (this.#drafts.has(name)) this.#drafts.delete(name);
	}

	clear(): void {
		this.doc.transact(() => [...this.#drafts.keys()].forEach((k) => this.#drafts.delete(k)));
	}

	/** Commits what is pending (when the page is hidden or left). */
	flush(): Promise<void> {
		return this.persistence.flush();
	}
}

let device: DraftStore | null = null;

/** This device's drafts, in IndexedDB. Not opened: see open(). */
export function deviceDrafts(): DraftStore {
	device ??= new DraftStore(new IndexedDbPersistence(DRAFTS_STORE));
	return device;
}

export function loadDraft<T>(
	name: string,
	valid: (value: unknown) => value is T,
	store: DraftStore = deviceDrafts()
): T | null {
	const value = store.get(name);
	return valid(value) ? value : null;
}

export function saveDraft(name: string, value: unknown, store: DraftStore = deviceDrafts()): void {
	store.set(name, value);
}

export function clearDraft(name: string, store: DraftStore = deviceDrafts()): void {
	store.delete(name);
}

/** Every draft on this device (for "Delete everything"). */
export function clearAllDrafts(store: DraftStore = deviceDrafts()): void {
	store.clear();
}
