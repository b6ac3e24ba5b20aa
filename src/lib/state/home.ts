/**
 * What Home shows, from one of two sources with the same shape: the live workbook, or a small
 * summary of it saved on this device after every change. On a cold start Home paints from the
 * summary at once, then switches to the live workbook when it has loaded, so Home opens in the
 * same time however many years of conversations the workbook holds. The summary is derived
 * data, never a source of truth: it is rewritten from the document after changes and on
 * leaving the page (summaries.ts, loaded once the workbook is open, so Home's first paint does
 * not carry the writing), and ignored when it is missing, malformed or too old.
 */
import { SCHEMA_VERSION } from '../doc';
import { daysBetween, isIsoDate, isoDateIn } from '../model/dates';
import { topObstacles, type RankedObstacle } from '../model/diagnosis';
import { GOAL_KEYS } from '../model/goal';
import type { WorkbookProgress } from '../model/progress';
import type { Action, IsoDate, Slot } from '../model/records';
import { thisWeek, type FollowUpDue, type ThisWeek } from '../model/week';
import { TextAnswer } from './fields.svelte';
import { ProgressState } from './progress.svelte';
import type { WorkbookSession } from './session.svelte';
import { ScalarAnswers, StartedState, ThisWeekState, workbookHasContent } from './workbook.svelte';

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

export const HOME_SUMMARY_KEY = 'village:home';
/** Where People's summary is kept (see peopleSaved.ts). */
export const PEOPLE_SUMMARY_KEY = 'village:people';
/** Bumped when the summary's shape changes; an older summary is ignored. */
export const SUMMARY_VERSION = 1;
/**
 * Follow-ups are saved this many days ahead; a summary older than that minus a week is unused
 * (opened after a fortnight away, Home simply waits for the workbook). Kept short because the
 * summary is read before first paint: with thousands of contacts every day ahead costs bytes.
 */
export const FOLLOW_UP_DAYS_AHEAD = 21;

export interface HomeSummary {
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
	const raw = storage.getItem(HOME_SUMMARY_KEY);
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

/** Forgets the summaries saved on this device (Home's and People's). */
export function clearSummaries(storage: Storage = localStorage): void {
	for (const key of [HOME_SUMMARY_KEY, PEOPLE_SUMMARY_KEY]) storage.removeItem(key);
}

/**
 * Keeps the summaries written while the workbook is open for writing (summaries.ts). The writer
 * is loaded only when there is something to write: at once when the workbook has content and a
 * summary is missing or too old, otherwise on the first change. Returns a function that stops.
 */
export function keepSummaries(
	session: WorkbookSession,
	storage: Storage = localStorage
): () => void {
	const doc = session.doc;
	let stop: (() => void) | null = null;
	let stopped = false;
	const load = () => {
		doc.off('afterTransaction', load);
		void import('./summaries').then((m) => {
			if (!stopped) stop = m.keepSummariesSaved(session, storage);
		});
	};
	const missing =
		savedHome(new Date(), storage) === null || storage.getItem(PEOPLE_SUMMARY_KEY) === null;
	if (missing && workbookHasContent(doc)) load();
	else doc.on('afterTransaction', load);
	return () => {
		stopped = true;
		doc.off('afterTransaction', load);
		stop?.();
	};
}
