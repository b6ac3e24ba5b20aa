import type * as Y from 'yjs';
import { collectionMap, contactSpec, countRecords, listRecords, readAllAnswers } from '../doc';
import { workbookProgress, type ProgressInput, type WorkbookProgress } from '../model/progress';
import type { Contact } from '../model/records';
import { onDoc, onTypes, YView } from './reactive.svelte';
import { collectionOf } from './records';
import type { WorkbookSession } from './session.svelte';

/** Collections whose size alone is what progress needs. */
const COUNTED = ['conversations', 'targets', 'slots', 'actions', 'offers'] as const;
type Counts = Record<(typeof COUNTED)[number], number>;

/** Records that are records (see countRecords), per counted collection. */
function countAll(doc: Y.Doc): Counts {
	const out = {} as Counts;
	for (const name of COUNTED) out[name] = countRecords(doc, name);
	return out;
}

/** What progress needs from the contacts, read through their validators. */
function contactCounts(contacts: Iterable<Contact>) {
	let count = 0;
	let contactsWithRoles = 0;
	let champions = 0;
	for (const c of contacts) {
		count++;
		if (c.roles.length > 0) contactsWithRoles++;
		if (c.stage === 'ally' || c.stage === 'champion') champions++;
	}
	return { contacts: count, contactsWithRoles, champions };
}

/** Everything progress is computed from, read once from the document (validated records). */
export function readProgressInput(doc: Y.Doc): ProgressInput {
	return {
		answers: readAllAnswers(doc),
		...contactCounts(listRecords(doc, contactSpec)),
		...countAll(doc)
	};
}

/**
 * Which steps are done, live. A keystroke in an answer re-reads the answers only: the contacts
 * are counted again only when the shared contact store changed, and the other collections only
 * when one of them did, so typing stays cheap with 2,000 contacts and 10,000 conversations.
 */
export class ProgressState {
	#view: YView<WorkbookProgress>;

	constructor(session: WorkbookSession) {
		const doc = session.doc;
		const contacts = collectionOf(session, contactSpec);
		const counts = new YView(onTypes(COUNTED.map((name) => collectionMap(doc, name))), () =>
			countAll(doc)
		);
		let seen = -1;
		let people = contactCounts([]);
		this.#view = new YView(onDoc(doc), () => {
			if (contacts.version !== seen) {
				seen = contacts.version;
				people = contactCounts(contacts.byId.values());
			}
			return workbookProgress({ answers: readAllAnswers(doc), ...people, ...counts.current });
		});
	}

	get current(): WorkbookProgress {
		return this.#view.current;
	}
}
