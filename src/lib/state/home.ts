/**
 * What Home shows, from one of two sources with the same shape: the live workbook, or a small
 * summary of it saved on this device after every change. On a cold start Home paints from the
 * summary at once, then switches to the live workbook when it has loaded, so Home opens in the
 * same time however many years of conversations the workbook holds. The summary is derived
 * data, never a source of truth: it is rewritten from the document after changes and on
 * leaving the page, and ignored when it is missing, malformed or too old.
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
import { addDays, daysBetween, isIsoDate, isoDateIn } from '../model/dates';
import { topObstacles, type RankedObstacle } from '../model/diagnosis';
import { GOAL_KEYS } from '../model/goal';
import { cadenceDefaults } from '../model/cadenceDefaults';
import { workbookProgress, type WorkbookProgress } from '../model/progress';
import type { Action, IsoDate, Slot } from '../model/records';
import { thisWeek, type FollowUpDue, type ThisWeek } from '../model/week';
import { TextAnswer } from './fields.svelte';
import { ProgressState, readProgressInput } from './progress.svelte';
import type { WorkbookSession } from './session.svelte';
import {
	deviceTimeZone,
	ScalarAnswers,
	StartedState,
	ThisWeekState,
	workbookHasContent
} from './workbook.svelte';

export interface HomeData {
	/** Anything written yet (until then Home welcomes). */
	readonly started: boolean;
	readonly progress: WorkbookProgress;
	readonly goal: string;
	readonly top: RankedObstacle[];
	weekAt(now: Date): ThisWeek;
}

/** Home from the open workbook, live. */
export class LiveHome implements HomeData {
	#progress: ProgressState;
	#goal: TextAnswer;
	#started: StartedState;
	#answers: ScalarAnswers;
	#week: ThisWeekState;

	constructor(session: WorkbookSession) {
		this.#progress = new ProgressState(session);
		this.#goal = new TextAnswer(session, GOAL_KEYS.statement);
		this.#started = new StartedState(session);
		this.#answers = new ScalarAnswers(session);
		this.#week = new ThisWeekState(session);
	}

	get started() {
		return this.#started.current;
	}
	get progress() {
		return this.#progress.current;
	}
	get goal() {
		return this.#goal.value;
	}
	get top() {
		return topObstacles(this.#answers.current);
	}
	weekAt(now: Date) {
		return this.#week.at(now);
	}
}

const STORAGE_KEY = 'village:home';
/** Bumped when the summary's shape changes; an older summary is ignored. */
const SUMMARY_VERSION = 1;
/**
 * Follow-ups are saved this many days ahead; a summary older than that minus a week is unused
 * (opened after a fortnight away, Home simply waits for the workbook). Kept short because the
 * summary is read before first paint: with thousands of contacts every day ahead costs bytes.
 */
const FOLLOW_UP_DAYS_AHEAD = 21;
/** Changes settle for this long before the summary is rewritten (typing stays smooth). */
const SAVE_AFTER_MS = 1500;

interface HomeSummary {
	v: typeof SUMMARY_VERSION;
	schema: number;
	savedOn: IsoDate;
	timeZone: string | null;
	started: boolean;
	progress: WorkbookProgress;
	goal: string;
	top: RankedObstacle[];
	slots: Slot[];
	actions: Action[];
	followUps: FollowUpDue[];
}

/** The summary as it would be saved now, read straight from the document. */
export function summarise(doc: Y.Doc, now: Date, timeZone = deviceTimeZone()): HomeSummary {
	const today = isoDateIn(now, timeZone);
	const answers = readAllAnswers(doc);
	const due = followUpsDue(
		listRecords(doc, contactSpec),
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

function isSummary(value: unknown): value is HomeSummary {
	if (typeof value !== 'object' || value === null) return false;
	const s = value as Record<string, unknown>;
	return (
		s.v === SUMMARY_VERSION &&
		s.schema === SCHEMA_VERSION &&
		isIsoDate(s.savedOn) &&
		typeof s.started === 'boolean' &&
		typeof s.goal === 'string' &&
		typeof s.progress === 'object' &&
		s.progress !== null &&
		Array.isArray((s.progress as WorkbookProgress).done) &&
		[s.top, s.slots, s.actions, s.followUps].every(Array.isArray)
	);
}

let lastRaw: string | null = null;
let lastParsed: unknown = null;

/** The stored summary, parsed once however many times it is asked for before it changes. */
function readSummary(storage: Storage): unknown {
	const raw = storage.getItem(STORAGE_KEY);
	if (raw !== lastRaw) {
		lastRaw = raw;
		try {
			lastParsed = JSON.parse(raw ?? 'null');
		} catch {
			lastParsed = null;
		}
	}
	return lastParsed;
}

/** Home from the summary saved on this device, or null when there is none worth showing. */
export function savedHome(now: Date, storage: Storage = localStorage): HomeData | null {
	const summary = readSummary(storage);
	if (!isSummary(summary)) return null;
	const timeZone = summary.timeZone ?? undefined;
	const age = daysBetween(summary.savedOn, isoDateIn(now, timeZone));
	if (age < 0 || age > FOLLOW_UP_DAYS_AHEAD - 7) return null;
	const s = summary;
	return {
		started: s.started,
		progress: s.progress,
		goal: s.goal,
		top: s.top,
		weekAt: (at) =>
			thisWeek({
				now: at,
				timeZone,
				slots: s.slots,
				actions: s.actions,
				followUps: s.followUps
			})
	};
}

export function clearSavedHome(storage: Storage = localStorage): void {
	storage.removeItem(STORAGE_KEY);
}

/**
 * Keeps the saved summary up to date while the workbook is open for writing: after changes
 * have settled, when the page is hidden, and once right away. Returns a function that stops.
 */
export function keepHomeSaved(
	session: WorkbookSession,
	storage: Storage = localStorage
): () => void {
	let timer: ReturnType<typeof setTimeout> | null = null;
	const save = () => {
		if (timer) clearTimeout(timer);
		timer = null;
		if (!session.writable) return;
		try {
			storage.setItem(STORAGE_KEY, JSON.stringify(summarise(session.doc, new Date())));
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
