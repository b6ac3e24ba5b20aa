/**
 * Writes the small summaries that let Home and People paint before the workbook has loaded
 * (home.ts, peopleSaved.ts): after changes have settled, when the page is hidden, and once soon
 * after opening. The root layout loads this once the workbook is open for writing, and only when
 * there is something to write (a change, or a workbook with content whose summaries are missing),
 * so none of it is in the JavaScript a cold start needs.
 */
import type * as Y from 'yjs';
import {
	actionSpec,
	contactSpec,
	listRecords,
	readAllAnswers,
	readText,
	slotSpec,
	SCHEMA_VERSION
} from '../doc';
import { followUpsDue } from '../model/cadence';
import { cadenceDefaults } from '../model/cadenceDefaults';
import { addDays, isoDateIn } from '../model/dates';
import { topObstacles } from '../model/diagnosis';
import { GOAL_KEYS } from '../model/goal';
import { workbookProgress } from '../model/progress';
import type { Contact, Tier } from '../model/records';
import {
	FOLLOW_UP_DAYS_AHEAD,
	HOME_SUMMARY_KEY,
	PEOPLE_SUMMARY_KEY,
	SUMMARY_VERSION,
	type HomeSummary
} from './home';
import { summarisePeople } from './peopleSaved';
import { collectionOf } from './records';
import { readProgressInput } from './progress.svelte';
import type { WorkbookSession } from './session.svelte';
import { deviceTimeZone, workbookHasContent } from './workbook.svelte';

/** Changes settle for this long before the summaries are rewritten (typing stays smooth). */
const SAVE_AFTER_MS = 1500;

/** What a summary is made from, when the caller has already read it. */
interface Read {
	/** The session's live contacts. */
	contacts?: readonly Contact[];
	answers?: ReturnType<typeof readAllAnswers>;
}

/**
 * Home's summary as it would be saved now, read from the document except for what `read`
 * already holds.
 */
export function summarise(
	doc: Y.Doc,
	now: Date,
	timeZone = deviceTimeZone(),
	read: Read = {}
): HomeSummary {
	const today = isoDateIn(now, timeZone);
	const answers = read.answers ?? readAllAnswers(doc);
	const contacts = read.contacts ?? listRecords(doc, contactSpec);
	const due = followUpsDue(
		contacts,
		addDays(today, FOLLOW_UP_DAYS_AHEAD),
		cadenceDefaults(answers),
		{ timeZone }
	);
	return {
		v: SUMMARY_VERSION,
		schema: SCHEMA_VERSION,
		savedOn: today,
		timeZone: timeZone ?? null,
		started: workbookHasContent(doc),
		progress: workbookProgress(readProgressInput(doc)),
		goal: readText(doc, GOAL_KEYS.statement),
		top: topObstacles(answers),
		slots: listRecords(doc, slotSpec),
		actions: listRecords(doc, actionSpec).filter((a) => !a.done),
		followUps: due.map(({ contactId, name, due }) => ({ contactId, name, due }))
	};
}

/**
 * Keeps both summaries up to date while the workbook is open for writing. Returns a function
 * that stops.
 */
export function keepSummariesSaved(
	session: WorkbookSession,
	storage: Storage = localStorage
): () => void {
	let timer: ReturnType<typeof setTimeout> | null = null;
	// People's summary sorts every name: redone only when a contact or a cadence has changed.
	let last: { contacts: readonly Contact[]; defaults: string; json: string } | null = null;
	const peopleJson = (contacts: readonly Contact[], defaults: Record<Tier, number>) => {
		const key = JSON.stringify(defaults);
		if (last?.contacts !== contacts || last.defaults !== key) {
			last = { contacts, defaults: key, json: JSON.stringify(summarisePeople(contacts, defaults)) };
		}
		return last.json;
	};
	const save = () => {
		if (timer) clearTimeout(timer);
		timer = null;
		if (!session.writable) return;
		try {
			// The session's live contacts: read once, then kept up to date record by record.
			const contacts = collectionOf(session, contactSpec).all;
			const answers = readAllAnswers(session.doc);
			const home = summarise(session.doc, new Date(), undefined, { contacts, answers });
			storage.setItem(HOME_SUMMARY_KEY, JSON.stringify(home));
			storage.setItem(PEOPLE_SUMMARY_KEY, peopleJson(contacts, cadenceDefaults(answers)));
		} catch {
			// Full or blocked storage only costs the fast first paint; the workbook is unaffected.
		}
	};
	const later = () => {
		if (timer) clearTimeout(timer);
		timer = setTimeout(save, SAVE_AFTER_MS);
	};
	const onHidden = () => {
		if (document.visibilityState === 'hidden') save();
	};
	session.doc.on('afterTransaction', later);
	window.addEventListener('pagehide', save);
	document.addEventListener('visibilitychange', onHidden);
	later();
	return () => {
		if (timer) clearTimeout(timer);
		session.doc.off('afterTransaction', later);
		window.removeEventListener('pagehide', save);
		document.removeEventListener('visibilitychange', onHidden);
	};
}
