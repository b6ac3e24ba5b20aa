import * as Y from 'yjs';
import { collectionMap, readAllAnswers } from '../doc';
import { workbookProgress, type ProgressInput, type WorkbookProgress } from '../model/progress';
import type { StepId } from '../model/stepIds';
import { onDoc, YView } from './reactive.svelte';
import type { WorkbookSession } from './session.svelte';

/** Counts for progress, read straight from the maps without building every record. */
export function readProgressInput(doc: Y.Doc): ProgressInput {
	let contactsWithRoles = 0;
	let champions = 0;
	const contacts = collectionMap(doc, 'contacts');
	contacts.forEach((record) => {
		if (!(record instanceof Y.Map)) return;
		const roles = record.get('roles');
		if (Array.isArray(roles) && roles.length > 0) contactsWithRoles++;
		const stage = record.get('stage');
		if (stage === 'ally' || stage === 'champion') champions++;
	});
	return {
		answers: readAllAnswers(doc),
		contacts: contacts.size,
		contactsWithRoles,
		conversations: collectionMap(doc, 'conversations').size,
		champions,
		targets: collectionMap(doc, 'targets').size,
		slots: collectionMap(doc, 'slots').size,
		actions: collectionMap(doc, 'actions').size,
		offers: collectionMap(doc, 'offers').size
	};
}

/** The first step that is not done yet, where the workbook resumes (the first step when all are). */
export function resumeStep(session: WorkbookSession): StepId {
	return workbookProgress(readProgressInput(session.doc)).firstUnfinished ?? 'diagnose';
}

/** Which steps are done, live. */
export class ProgressState {
	#view: YView<WorkbookProgress>;

	constructor(session: WorkbookSession) {
		this.#view = new YView(onDoc(session.doc), () =>
			workbookProgress(readProgressInput(session.doc))
		);
	}

	get current(): WorkbookProgress {
		return this.#view.current;
	}
}
