/**
 * Keep-in-touch rules. Each contact has a cadence (its own, or its tier's default from the plan
 * step); the next follow-up is an explicit date when one is set, else one cadence after we were
 * last in touch. Logging a conversation resets the clock.
 *
 * All dates are calendar days (`IsoDate`). "Today" is the caller's: it computes it once with
 * `isoDateIn(now, timeZone)`, so these rules never read a clock or a time zone themselves.
 */
import { addDays, daysBetween, isIsoDate, isoDateIn } from './dates';
import type { Contact, Id, IsoDate, Tier } from './records';
import { compareNames } from './names';
import { DUE_SOON_DAYS, isDueSoon } from './week';

/** A contact's own cadence: anything from daily to once in ten years. */
export const CONTACT_CADENCE_MIN_DAYS = 1;
export const CONTACT_CADENCE_MAX_DAYS = 3650;

export type FollowUpStatus = 'overdue' | 'due-this-week' | 'later' | 'none';

export interface DueFollowUp {
	contactId: Id;
	name: string;
	due: IsoDate;
	overdue: boolean;
	/** Days from today to the due day: negative when overdue, 0 when due today. */
	days: number;
}

export interface CadenceOptions {
	/**
	 * The zone whose calendar turns `createdAt` (a UTC moment) into a day, for contacts never
	 * contacted. Default: UTC, so the answer never depends on the device running it.
	 */
	timeZone?: string;
}

/** Days between touches: the contact's own cadence when set to a positive number, else the tier's. */
export function cadenceFor(
	contact: Pick<Contact, 'cadenceDays' | 'tier'>,
	defaults: Readonly<Record<Tier, number>>
): number {
	const own = contact.cadenceDays;
	if (typeof own === 'number' && Number.isFinite(own) && own >= 1) return Math.round(own);
	return defaults[contact.tier];
}

function creationDay(createdAt: string, timeZone: string | undefined): IsoDate | null {
	if (typeof createdAt !== 'string' || createdAt === '') return null;
	if (timeZone === undefined) {
		const day = createdAt.slice(0, 10);
		if (isIsoDate(day)) return day;
	}
	const moment = new Date(createdAt);
	if (Number.isNaN(moment.getTime())) return null;
	return isoDateIn(moment, timeZone ?? 'UTC');
}

/**
 * The day the next follow-up falls due, or null when it cannot be known.
 *
 * 1. An explicit `followUpOn` wins.
 * 2. Else one cadence after `lastContactOn`.
 * 3. A contact never contacted counts from the day it was added (`createdAt`), not from today:
 *    treating them as due at once would make a freshly imported address book of hundreds
 *    "overdue" on day one, and the real overdue ones would drown. Adding someone is the start
 *    of the relationship's clock.
 */
export function nextFollowUp(
	contact: Contact,
	defaults: Readonly<Record<Tier, number>>,
	options: CadenceOptions = {}
): IsoDate | null {
	if (isIsoDate(contact.followUpOn)) return contact.followUpOn;
	const cadence = cadenceFor(contact, defaults);
	if (!Number.isFinite(cadence)) return null;
	if (isIsoDate(contact.lastContactOn)) return addDays(contact.lastContactOn, cadence);
	const created = creationDay(contact.createdAt, options.timeZone);
	return created === null ? null : addDays(created, cadence);
}

function statusFor(due: IsoDate | null, today: IsoDate): FollowUpStatus {
	if (due === null) return 'none';
	const days = daysBetween(today, due);
	if (days < 0) return 'overdue';
	if (isDueSoon(days)) return 'due-this-week';
	return 'later';
}

/** Overdue (due before today), due this week (today … today + 6), later, or none. */
export function followUpStatus(
	contact: Contact,
	today: IsoDate,
	defaults: Readonly<Record<Tier, number>>,
	options: CadenceOptions = {}
): FollowUpStatus {
	return statusFor(nextFollowUp(contact, defaults, options), today);
}

/** Contacts overdue or due within the week, most overdue first, then by name. */
export function followUpsDue(
	contacts: readonly Contact[],
	today: IsoDate,
	defaults: Readonly<Record<Tier, number>>,
	options: CadenceOptions = {}
): DueFollowUp[] {
	const due: DueFollowUp[] = [];
	for (const contact of contacts) {
		const day = nextFollowUp(contact, defaults, options);
		if (day === null) continue;
		const days = daysBetween(today, day);
		if (days >= DUE_SOON_DAYS) continue; // after the due-soon window
		due.push({ contactId: contact.id, name: contact.name, due: day, overdue: days < 0, days });
	}
	return due.sort(
		(a, b) =>
			a.days - b.days ||
			compareNames(a.name, b.name) ||
			(a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0)
	);
}
