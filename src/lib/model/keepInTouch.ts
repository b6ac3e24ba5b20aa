/**
 * Keep-in-touch rules only the People screens and the Relate step use: reading a cadence as
 * typed, counting follow-ups due this week, restarting the clock after a conversation. Kept
 * apart from cadence.ts, which Home loads, so Home does not carry them.
 */
import { CONTACT_CADENCE_MAX_DAYS, CONTACT_CADENCE_MIN_DAYS } from './cadence';
import { daysBetween, isIsoDate } from './dates';
import type { Contact, Conversation, IsoDate } from './records';
import { isDueSoon } from './week';

/** A contact's cadence as typed: null clears it (back to the tier's), 'invalid' is refused. */
export function parseContactCadence(raw: string): number | null | 'invalid' {
	const v = raw.trim();
	if (v === '') return null;
	const n = Number(v);
	return Number.isInteger(n) && n >= CONTACT_CADENCE_MIN_DAYS && n <= CONTACT_CADENCE_MAX_DAYS
		? n
		: 'invalid';
}

/** How many follow-up days fall in the due-soon window (today … today + 6, see `isDueSoon`). */
export function countDueSoon(dues: Iterable<IsoDate | null>, today: IsoDate): number {
	let n = 0;
	for (const due of dues) {
		if (due === null) continue;
		if (isDueSoon(daysBetween(today, due))) n++;
	}
	return n;
}

/**
 * Overdue (before today) and due-soon counts from how many people are next due on each day, as
 * the People summary saved on the device keeps them.
 */
export function countDues(
	byDay: Iterable<readonly [IsoDate, number]>,
	today: IsoDate
): { overdue: number; dueSoon: number } {
	let overdue = 0;
	let dueSoon = 0;
	for (const [due, n] of byDay) {
		if (due < today) overdue += n;
		else if (isDueSoon(daysBetween(today, due))) dueSoon += n;
	}
	return { overdue, dueSoon };
}

/**
 * What logging a conversation changes on the contact: the clock restarts.
 *
 * - `lastContactOn` becomes the later of the existing day and the conversation's day.
 * - `followUpOn` becomes the conversation's own follow-up when given; else null, so the cadence
 *   applies again from the new last contact.
 * - Exception: a back-dated conversation (older than the last contact already recorded) that
 *   names no follow-up leaves `followUpOn` alone. Catching up on last month's coffee should not
 *   wipe a follow-up agreed at a newer meeting.
 */
export function afterConversation(
	contact: Pick<Contact, 'lastContactOn' | 'followUpOn'>,
	conversation: Pick<Conversation, 'on' | 'followUpOn'>
): Pick<Contact, 'lastContactOn' | 'followUpOn'> {
	const existing = isIsoDate(contact.lastContactOn) ? contact.lastContactOn : null;
	const backDated = existing !== null && conversation.on < existing;
	const lastContactOn = backDated ? existing : conversation.on;
	if (isIsoDate(conversation.followUpOn)) {
		return { lastContactOn, followUpOn: conversation.followUpOn };
	}
	return { lastContactOn, followUpOn: backDated ? contact.followUpOn : null };
}
