/**
 * Home's "This week": the next seven calendar days starting today, as the user's clock sees
 * them. "Today" is the day `now` falls on in the user's time zone; from there on everything is
 * calendar-day arithmetic, so daylight-saving changes never skip or double a day.
 */
import { addDays, daysBetween, isIsoDate, isoDateIn, isoWeekday, minutesOfDay } from './dates';
import type { Action, Id, IsoDate, Slot } from './records';

/**
 * "Due soon", "due this week" and Home's This week are one window everywhere (People, Plan,
 * Home): today and the six days after it. A day `n` days ahead is in it when 0 <= n < 7.
 */
export const DUE_SOON_DAYS = 7;

/** Whether a day this many days after today falls in the due-soon window (today … today + 6). */
export const isDueSoon = (daysAhead: number): boolean =>
	daysAhead >= 0 && daysAhead < DUE_SOON_DAYS;

export interface FollowUpDue {
	contactId: Id;
	name: string;
	due: IsoDate;
}

export interface ThisWeekInput {
	now: Date;
	/** An IANA zone such as 'Europe/London'; the runtime's own zone when left out. */
	timeZone?: string;
	slots: readonly Slot[];
	actions: readonly Action[];
	followUps: readonly FollowUpDue[];
}

export interface SlotOccurrence {
	slot: Slot;
	date: IsoDate;
	/** The slot's start as `HH:MM` (zero-padded). */
	start: string;
}

export interface ThisWeek {
	today: IsoDate;
	/** The last day shown: today + 6. */
	end: IsoDate;
	slots: SlotOccurrence[];
	/** Open actions due by `end`, earliest first; overdue ones are flagged. */
	actionsDue: (Action & { overdue: boolean })[];
	/** Follow-ups due by `end`, earliest first; overdue ones are flagged. */
	followUps: (FollowUpDue & { overdue: boolean })[];
}

/** Minutes after midnight of a moment on the clock of a time zone. */
function minutesIn(moment: Date, timeZone?: string): number {
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone,
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).formatToParts(moment);
	const part = (type: 'hour' | 'minute') => Number(parts.find((p) => p.type === type)?.value);
	return part('hour') * 60 + part('minute');
}

function pad(minutes: number): string {
	const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
	const mm = String(minutes % 60).padStart(2, '0');
	return `${hh}:${mm}`;
}

/**
 * What needs the user this week. A slot shows once on each of the seven days that falls on its
 * weekday; today's slot drops off once its start minute has gone by (a slot starting this very
 * minute still shows). Slots with an impossible weekday or time are skipped, not guessed at.
 * Actions and follow-ups due on or before `end` show, overdue ones included and flagged.
 */
export function thisWeek(input: ThisWeekInput): ThisWeek {
	const today = isoDateIn(input.now, input.timeZone);
	const end = addDays(today, DUE_SOON_DAYS - 1);
	const nowMinutes = minutesIn(input.now, input.timeZone);

	const slots: (SlotOccurrence & { minutes: number; order: number })[] = [];
	for (let offset = 0; offset < DUE_SOON_DAYS; offset++) {
		const date = addDays(today, offset);
		const weekday = isoWeekday(date);
		input.slots.forEach((slot, order) => {
			const minutes = minutesOfDay(slot.start);
			if (minutes === null || slot.weekday !== weekday) return;
			if (offset === 0 && minutes < nowMinutes) return;
			slots.push({ slot, date, start: pad(minutes), minutes, order });
		});
	}
	slots.sort((a, b) => a.date.localeCompare(b.date) || a.minutes - b.minutes || a.order - b.order);

	const dueBy = (due: IsoDate) => daysBetween(end, due) <= 0;
	const overdue = (due: IsoDate) => daysBetween(today, due) < 0;
	const byDue = <T extends { due: IsoDate }>(a: T, b: T) => a.due.localeCompare(b.due);

	const actionsDue = input.actions
		.filter((a): a is Action & { due: IsoDate } => !a.done && isIsoDate(a.due) && dueBy(a.due))
		.map((a) => ({ ...a, overdue: overdue(a.due) }))
		.sort(byDue);

	const followUps = input.followUps
		.filter((f) => isIsoDate(f.due) && dueBy(f.due))
		.map((f) => ({ ...f, overdue: overdue(f.due) }))
		.sort(byDue);

	return {
		today,
		end,
		slots: slots.map(({ slot, date, start }) => ({ slot, date, start })),
		actionsDue,
		followUps
	};
}
