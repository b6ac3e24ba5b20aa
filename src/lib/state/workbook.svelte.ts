/**
 * Live views the workbook screens and Home share: every scalar answer at once (ratings, dates,
 * cadences), whether the workbook has anything in it yet, and the This-week summary.
 */
import {
	actionSpec,
	answersMap,
	collectionMap,
	COLLECTIONS,
	contactSpec,
	readScalar,
	writeScalar,
	slotSpec,
	TEXT_PREFIX,
	type ScalarAnswer
} from '../doc';
import { followUpsDue } from '../model/cadence';
import { isoDateIn } from '../model/dates';
import { cadenceDefaults } from '../model/cadenceDefaults';
import type { Action, Contact, Slot } from '../model/records';
import { thisWeek, type ThisWeek } from '../model/week';
import { onDoc, onTypes, YView } from './reactive.svelte';
import { collectionOf, type LiveRecords } from './records';
import type { WorkbookSession } from './session.svelte';
import type * as Y from 'yjs';

/** Every scalar answer (ratings, dates, numbers, yes/no) as a plain object, live. */
export class ScalarAnswers {
	#view: YView<Record<string, ScalarAnswer>>;

	constructor(private session: WorkbookSession) {
		const map = answersMap(session.doc);
		this.#view = new YView(onTypes([map]), () => {
			const out: Record<string, ScalarAnswer> = {};
			for (const key of map.keys()) {
				const value = readScalar(session.doc, key);
				if (value !== undefined) out[key] = value;
			}
			return out;
		});
	}

	get current(): Record<string, ScalarAnswer> {
		return this.#view.current;
	}

	/** Answers one question (undefined clears it). */
	set(key: string, value: ScalarAnswer | undefined): void {
		this.session.write((doc) => writeScalar(doc, key, value));
	}
}

/** Whether anything at all has been written: an answer, a text, or a record of any kind. */
export function workbookHasContent(doc: Y.Doc): boolean {
	if (answersMap(doc).size > 0) return true;
	if (COLLECTIONS.some((name) => collectionMap(doc, name).size > 0)) return true;
	for (const name of doc.share.keys()) {
		if (name.startsWith(TEXT_PREFIX) && doc.getText(name).length > 0) return true;
	}
	return false;
}

/** Live `workbookHasContent`: Home shows the welcome until this turns true. */
export class StartedState {
	#view: YView<boolean>;

	constructor(session: WorkbookSession) {
		this.#view = new YView(onDoc(session.doc), () => workbookHasContent(session.doc));
	}

	get current(): boolean {
		return this.#view.current;
	}
}

/** The device's own time zone, so "today" and slot times match the user's clock. */
export function deviceTimeZone(): string | undefined {
	try {
		return Intl.DateTimeFormat().resolvedOptions().timeZone;
	} catch {
		return undefined;
	}
}

/**
 * What needs the user in the next seven days: slots, actions due or overdue, and follow-ups from
 * each contact's keep-in-touch cadence (the plan step's defaults per tier).
 */
export class ThisWeekState {
	#slots: LiveRecords<Slot>;
	#actions: LiveRecords<Action>;
	#contacts: LiveRecords<Contact>;
	#answers: ScalarAnswers;
	readonly timeZone: string | undefined;

	constructor(session: WorkbookSession, timeZone: string | undefined = deviceTimeZone()) {
		this.#slots = collectionOf(session, slotSpec);
		this.#actions = collectionOf(session, actionSpec);
		this.#contacts = collectionOf(session, contactSpec);
		this.#answers = new ScalarAnswers(session);
		this.timeZone = timeZone;
	}

	at(now: Date): ThisWeek {
		const today = isoDateIn(now, this.timeZone);
		const due = followUpsDue(this.#contacts.all, today, cadenceDefaults(this.#answers.current), {
			timeZone: this.timeZone
		});
		return thisWeek({
			now,
			timeZone: this.timeZone,
			slots: this.#slots.all,
			actions: this.#actions.all,
			followUps: due.map(({ contactId, name, due }) => ({ contactId, name, due }))
		});
	}
}
