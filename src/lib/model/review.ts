/**
 * The weekly review: a five-minute ritual that closes each week (log the conversations, tick the
 * actions, see who is overdue, choose next week's slots and people, one line on what went well
 * and one on what got in the way). Weeks run Monday to Sunday in the user's own calendar days;
 * a review counts for the week it was done in. Streaks count reviews done and nothing else.
 */
import { addDays, daysBetween, isoWeekday } from './dates';
import { weekOf } from './partner';
import type { Id, IsoDate } from './records';

/** ISO weekday the review is offered on when the user has not picked one: Friday. */
export const DEFAULT_REVIEW_DAY = 5;
/** People to reach next week: one or two keeps it a plan, not a list. */
export const REACH_MAX = 2;
/** Slots to choose for next week, at most. */
export const SLOTS_MAX = 5;

/** One finished review, as stored. Names and labels are kept as they were that week. */
export interface WeeklyReview {
	id: Id;
	/** Monday of the week reviewed. */
	week: IsoDate;
	doneOn: IsoDate;
	/** Conversations in the week (whether logged during the review or before it). */
	conversations: number;
	/** Actions ticked done during the review, by their text. */
	actionsDone: string[];
	/** Who was overdue for a hello when the review was done. */
	overdue: string[];
	/** Next week's slots, as the user saw them ("Tue 08:30 · Coffee"). */
	slots: string[];
	/** The one or two people to reach next week. */
	reach: Id[];
	reachNames: string[];
	wentWell: string;
	inTheWay: string;
}

/**
 * Monday of the week that holds `date`: the same week a partner check-in is filed under, so a
 * review shared as the week's check-in lands in the week it reviews.
 */
export const weekStart: (date: IsoDate) => IsoDate = weekOf;

/** Whether `day` is a usable review day (ISO weekday 1–7). */
export function isReviewDay(day: unknown): day is number {
	return typeof day === 'number' && Number.isInteger(day) && day >= 1 && day <= 7;
}

/** The weeks (Mondays) that have a review, each once. */
export function reviewedWeeks(reviews: readonly Pick<WeeklyReview, 'doneOn'>[]): Set<IsoDate> {
	return new Set(reviews.map((r) => weekStart(r.doneOn)));
}

/**
 * Weeks in a row with a review, counting back from this week, or from last week while this
 * week's review is still ahead (a streak is not broken before its week is over).
 */
export function reviewStreak(weeks: ReadonlySet<IsoDate>, today: IsoDate): number {
	let week = weekStart(today);
	if (!weeks.has(week)) week = addDays(week, -7);
	let count = 0;
	while (weeks.has(week)) {
		count++;
		week = addDays(week, -7);
	}
	return count;
}

/**
 * A gentle "missed last week": true when last week had no review, this week has none yet, and
 * there was a review before last week (someone who never started has missed nothing).
 */
export function missedLastWeek(weeks: ReadonlySet<IsoDate>, today: IsoDate): boolean {
	const thisWeek = weekStart(today);
	const lastWeek = addDays(thisWeek, -7);
	if (weeks.has(thisWeek) || weeks.has(lastWeek)) return false;
	return [...weeks].some((w) => w < lastWeek);
}

export type ReviewStatus =
	/** This week's review is done. */
	| 'done'
	/** The review day has come (or gone) this week and there is no review yet. */
	| 'due'
	/** The review day is later this week. */
	| 'upcoming';

/** Where this week's review stands, for Home's offer. */
export function reviewStatus(
	weeks: ReadonlySet<IsoDate>,
	today: IsoDate,
	reviewDay: number
): ReviewStatus {
	if (weeks.has(weekStart(today))) return 'done';
	return isoWeekday(today) >= reviewDay ? 'due' : 'upcoming';
}

/** The next day the review falls on, today included while it is still to do. */
export function nextReviewDate(today: IsoDate, reviewDay: number, doneThisWeek: boolean): IsoDate {
	const thisWeeks = addDays(weekStart(today), reviewDay - 1);
	if (!doneThisWeek && daysBetween(today, thisWeeks) >= 0) return thisWeeks;
	if (!doneThisWeek && daysBetween(today, thisWeeks) < 0) return today;
	return addDays(thisWeeks, 7);
}

/** Whether a calendar day falls in the week starting `week` (a Monday). */
export function inWeek(date: IsoDate, week: IsoDate): boolean {
	const d = daysBetween(week, date);
	return d >= 0 && d < 7;
}

/** Monday of the week after `today`: when next week's plan starts. */
export function nextWeekStart(today: IsoDate): IsoDate {
	return addDays(weekStart(today), 7);
}

/**
 * The follow-up date to set for someone chosen to reach next week: Monday of next week, unless
 * they already have an earlier one (a nearer promise stays).
 */
export function reachFollowUp(current: IsoDate | null, today: IsoDate): IsoDate {
	const monday = nextWeekStart(today);
	return current !== null && current < monday ? current : monday;
}

function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

function list(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The summary's lines: short enough to read at a glance, kept with the review. */
export interface ReviewSummary {
	/** What happened this week, one line. */
	did: string;
	/** What is next, one line. */
	next: string;
	/** What got in the way ("" when nothing was written). */
	stuck: string;
	/** What went well ("" when nothing was written). */
	well: string;
}

/**
 * The review in four lines. `did` and `next` are built from counts and names; the two lines the
 * user wrote are kept as written (trimmed). The same lines become the partner check-in.
 */
export function reviewSummary(
	r: Pick<
		WeeklyReview,
		'conversations' | 'actionsDone' | 'overdue' | 'slots' | 'reachNames' | 'wentWell' | 'inTheWay'
	>
): ReviewSummary {
	const did: string[] = [plural(r.conversations, 'conversation')];
	if (r.actionsDone.length > 0) did.push(`${plural(r.actionsDone.length, 'action')} done`);
	const next: string[] = [];
	if (r.reachNames.length > 0) next.push(`reach ${list(r.reachNames)}`);
	if (r.slots.length > 0) next.push(plural(r.slots.length, 'networking slot'));
	if (r.overdue.length > 0)
		next.push(`catch up with ${plural(r.overdue.length, 'overdue contact')}`);
	return {
		did: `${did.join(', ')}.`,
		next: next.length > 0 ? `${capitalise(next.join('; '))}.` : 'Nothing planned yet.',
		stuck: r.inTheWay.trim(),
		well: r.wentWell.trim()
	};
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The review as a partner check-in (did / next / stuck): what went well joins "did", so the
 * partner sees the win as well as the count.
 */
export function reviewCheckIn(summary: ReviewSummary): {
	did: string;
	next: string;
	stuck: string;
} {
	return {
		did: summary.well ? `${summary.did} ${summary.well}` : summary.did,
		next: summary.next,
		stuck: summary.stuck
	};
}

/** Reviews newest first (by week, then by when done, then by id). */
export function newestFirst<T extends Pick<WeeklyReview, 'id' | 'week' | 'doneOn'>>(
	reviews: readonly T[]
): T[] {
	return [...reviews].sort(
		(a, b) =>
			b.week.localeCompare(a.week) || b.doneOn.localeCompare(a.doneOn) || b.id.localeCompare(a.id)
	);
}

/** The conversations of a week, counted from their days. */
export function conversationsInWeek(convs: readonly { on: IsoDate }[], week: IsoDate): number {
	return convs.filter((c) => inWeek(c.on, week)).length;
}
