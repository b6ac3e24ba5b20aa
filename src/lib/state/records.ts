import {
	collectionMap,
	deleteRecord,
	insertRecord,
	listRecords,
	getRecord,
	updateRecord,
	type RecordSpec
} from '../doc';
import { onTypes, YView } from './reactive.svelte';
import type { WorkbookSession } from './session.svelte';

/**
 * A live list of one kind of record, and the commands that change it. Every change goes through
 * the session, so it is undoable, saved, and refused when the workbook is read-only.
 */
export class RecordList<T extends { id: string }> {
	#view: YView<T[]>;

	constructor(
		private session: WorkbookSession,
		readonly spec: RecordSpec<T>
	) {
		const map = collectionMap(session.doc, spec.collection);
		this.#view = new YView(onTypes([map], true), () => listRecords(session.doc, spec));
	}

	/** Every record, oldest first. */
	get all(): T[] {
		return this.#view.current;
	}

	get(id: string): T | null {
		return this.all.find((r) => r.id === id) ?? getRecord(this.session.doc, this.spec, id);
	}

	/** Adds a record; returns its id, or null when the workbook is read-only. */
	add(values: Partial<T> = {}): string | null {
		let id: string | null = null;
		this.session.write((doc) => {
			id = insertRecord(doc, this.spec, values);
		});
		return id;
	}

	update(id: string, patch: Partial<Omit<T, 'id'>>): void {
		this.session.write((doc) => updateRecord(doc, this.spec, id, patch));
	}

	remove(id: string): void {
		this.session.write((doc) => deleteRecord(doc, this.spec, id));
	}
}
