/**
 * Dates the workbook asks for, turned into what is coming up: the next milestone of the goal
 * and the events of this week. Kept apart from `goal.ts` and `week.ts`, which Home's first paint
 * loads, because only Home's second layer (loaded after the workbook) uses these.
 */
import { daysBetween } from './dates';
import type { Milestone } from './goal';
import type { IsoDate, NetEvent } from './records';

export interface NextMilestone extends Milestone {
	due: IsoDate;
	/** Whole days from today (0 = today, negative = overdue). */
	days: number;
}

/**
 * The milestone to work towards now: the earliest dated milestone not yet past, or, when every
 * dated one is past, the latest of those (shown as overdue). Undated milestones are skipped:
 * a countdown needs a date.
 */
export function nextMilestone(
	milestones: readonly Milestone[],
	today: IsoDate
): NextMilestone | null {
	const dated = milestones
		.filter((m): m is Milestone & { due: IsoDate } => m.due !== null)
		.map((m) => ({ ...m, days: daysBetween(today, m.due) }))
		.sort((a, b) => a.days - b.days || a.n - b.n);
	return dated.find((m) => m.days >= 0) ?? dated[dated.length - 1] ?? null;
}

/** A countdown in words: "today", "tomorrow", "in 12 days", "in 3 weeks", "5 days overdue". */
export function countdown(days: number): string {
	if (days === 0) return 'today';
	if (days === 1) return 'tomorrow';
	if (days < 0) return `${-days} day${days === -1 ? '' : 's'} overdue`;
	if (days < 21) return `in ${days} days`;
	if (days < 120) return `in ${Math.round(days / 7)} weeks`;
	return `in ${Math.round(days / 30.44)} months`;
}

/**
 * Events and organisations whose next date falls between `from` and `to` (inclusive), soonest
 * first; ones the user decided to drop are left out.
 */
export function eventsBetween(
	events: readonly NetEvent[],
	from: IsoDate,
	to: IsoDate
): (NetEvent & { nextOn: IsoDate })[] {
	return events
		.filter(
			(e): e is NetEvent & { nextOn: IsoDate } =>
				e.nextOn !== null &&
				e.verdict !== 'drop' &&
				daysBetween(from, e.nextOn) >= 0 &&
				daysBetween(e.nextOn, to) >= 0
		)
		.sort((a, b) => a.nextOn.localeCompare(b.nextOn) || a.name.localeCompare(b.name));
}
