/**
 * Calendar-day arithmetic on `YYYY-MM-DD` strings. A calendar day has no time zone, so all
 * arithmetic here runs in UTC on purpose: adding a day never lands on 23 or 25 hours because
 * of a daylight-saving change. Converting a moment to "which day is it for the user" is the
 * only place a time zone enters, in `isoDateIn`.
 */
import type { IsoDate } from './records';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
	if (typeof value !== 'string') return false;
	const m = ISO_DATE.exec(value);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1;
}

function toUtcMs(date: IsoDate): number {
	const m = ISO_DATE.exec(date);
	if (!m) throw new RangeError(`Not a calendar date: ${date}`);
	return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtcMs(ms: number): IsoDate {
	return new Date(ms).toISOString().slice(0, 10);
}

/** Formatters by time zone: building an Intl.DateTimeFormat costs far more than using one. */
const dayFormatters = new Map<string | undefined, Intl.DateTimeFormat>();

/** The calendar day a moment falls on in a time zone (default: the runtime's own). */
export function isoDateIn(moment: Date, timeZone?: string): IsoDate {
	let format = dayFormatters.get(timeZone);
	if (!format) {
		// en-CA formats as YYYY-MM-DD.
		format = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit'
		});
		dayFormatters.set(timeZone, format);
	}
	return format.format(moment);
}

export function addDays(date: IsoDate, days: number): IsoDate {
	return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
	const d = new Date(toUtcMs(date));
	const day = d.getUTCDate();
	d.setUTCDate(1);
	d.setUTCMonth(d.getUTCMonth() + months);
	const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
	d.setUTCDate(Math.min(day, lastDay));
	return fromUtcMs(d.getTime());
}

export function addYears(date: IsoDate, years: number): IsoDate {
	return addMonths(date, years * 12);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
	return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
	const d = new Date(toUtcMs(date)).getUTCDay();
	return d === 0 ? 7 : d;
}

const dayLabels = new Map<boolean, Intl.DateTimeFormat>();

/** A calendar day for people: "Tue 3 Mar 2026". */
export function formatDay(date: IsoDate, options: { year?: boolean } = {}): string {
	const withYear = options.year !== false;
	let format = dayLabels.get(withYear);
	if (!format) {
		format = new Intl.DateTimeFormat('en-GB', {
			weekday: 'short',
			day: 'numeric',
			month: 'short',
			year: withYear ? 'numeric' : undefined,
			timeZone: 'UTC'
		});
		dayLabels.set(withYear, format);
	}
	return format.format(new Date(toUtcMs(date)));
}

/** Today's calendar day in a time zone (default: the runtime's own). */
export function todayIn(timeZone?: string): IsoDate {
	return isoDateIn(new Date(), timeZone);
}

/** This moment, as stored in records' `createdAt`. */
export function nowIso(): string {
	return new Date().toISOString();
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of a local `HH:MM` time, or null when it is not a valid time. */
export function minutesOfDay(time: string): number | null {
	const m = TIME.exec(time);
	return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}
