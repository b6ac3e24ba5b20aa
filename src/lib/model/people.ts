/**
 * Small pure rules the People screens and steps 4–6 lean on: how a tie is keyed, how a list
 * field is typed, what to ask in a conversation and which of my offers might help, and how a
 * follow-up date reads to a person.
 */
import { daysBetween } from './dates';
import { normaliseForSearch } from './search';
import { nextFollowUp } from './cadence';
import { isDueSoon } from './week';
import {
	ROLES,
	type Ask,
	type Contact,
	type Conversation,
	type Id,
	type IsoDate,
	type Role,
	type Tie,
	type Tier
} from './records';
import type { Offer } from './value';

/** Short labels for tight spaces (legend, chips); `ROLE_LABELS` has the full sentence. */
export const ROLE_SHORT_LABELS: Record<Role, string> = {
	informs: 'Informs',
	connects: 'Connects',
	'gets-job-done': 'Gets it done',
	advocates: 'Advocates',
	mentors: 'Mentors',
	guides: 'Guides',
	sponsors: 'Sponsors'
};

/** A tie's two ends in a fixed order, so a and b, or b and a, are the same tie. */
export function tieEnds(a: Id, b: Id): { a: Id; b: Id } {
	return a < b ? { a, b } : { a: b, b: a };
}

/**
 * The id of the tie between two contacts: the sorted pair. Two devices that mark the same pair
 * at once write the same record instead of two ties.
 */
export function tieId(a: Id, b: Id): Id {
	const ends = tieEnds(a, b);
	return `${ends.a}~${ends.b}`;
}

/**
 * A list field (emails, phones, links) as typed in a text box, one per line. Lines are kept as
 * typed, blank ones included, so the box never jumps while someone is typing a new line; use
 * `filledLines` to read the values.
 */
export function linesOf(text: string): string[] {
	return text.split(/\r?\n/);
}

/** The non-blank, trimmed values of a list field. */
export function filledLines(values: readonly string[]): string[] {
	return values.map((v) => v.trim()).filter((v) => v !== '');
}

/** The three open questions the article asks, in its order. */
export const OPEN_QUESTIONS = [
	'What are you working on at the moment?',
	'What is the biggest challenge in front of you right now?',
	'Is there anyone I could introduce you to, or anything I could share that would help?'
] as const;

export interface LastLearned {
	on: IsoDate;
	theirWork: string;
	theirChallenges: string;
}

/**
 * What I last learned about someone: the most recent conversation's work and challenges, each
 * taken from the latest conversation where it was written down.
 */
export function lastLearned(conversations: readonly Conversation[]): LastLearned | null {
	const newestFirst = [...conversations].sort((a, b) =>
		a.on === b.on ? (a.id < b.id ? 1 : -1) : a.on < b.on ? 1 : -1
	);
	const withWork = newestFirst.find((c) => c.theirWork.trim() !== '');
	const withChallenges = newestFirst.find((c) => c.theirChallenges.trim() !== '');
	if (!withWork && !withChallenges) return null;
	const latest = [withWork, withChallenges]
		.filter((c): c is Conversation => c !== undefined)
		.reduce((a, b) => (b.on > a.on ? b : a));
	return {
		on: latest.on,
		theirWork: withWork?.theirWork.trim() ?? '',
		theirChallenges: withChallenges?.theirChallenges.trim() ?? ''
	};
}

/** Words too common to say anything about whether an offer fits. */
const STOP_WORDS = new Set(
	'a an and are as at be by for from has have i in into is it its of on or our so that the their them they this to was we with you your my me how what who can could new get make'.split(
		' '
	)
);

function meaningfulWords(text: string): Set<string> {
	const words = new Set<string>();
	for (const word of normaliseForSearch(text).split(/[^\p{L}\p{N}]+/u)) {
		if (word.length < 3 || STOP_WORDS.has(word)) continue;
		// A crude stem, so "hiring" meets "hire" and "teams" meets "team".
		words.add(word.replace(/(ing|ers|er|es|s|ed)$/, '').slice(0, 6) || word);
	}
	return words;
}

export interface SuggestedOffer {
	offer: Offer;
	/** Words the offer shares with what they are working on or struggling with. */
	matches: number;
}

/**
 * My offers, the ones that share words with what they are working on or struggling with first
 * (most shared words first), then the rest in their own order. Blank offers are left out.
 */
export function suggestOffers(
	offers: readonly Offer[],
	learned: Pick<LastLearned, 'theirWork' | 'theirChallenges'> | null
): SuggestedOffer[] {
	const theirs = meaningfulWords(learned ? `${learned.theirWork} ${learned.theirChallenges}` : '');
	const scored = offers
		.filter((offer) => offer.text.trim() !== '')
		.map((offer, order) => {
			let matches = 0;
			for (const word of meaningfulWords(offer.text)) if (theirs.has(word)) matches++;
			return { offer, matches, order };
		});
	scored.sort((a, b) => b.matches - a.matches || a.order - b.order);
	return scored.map(({ offer, matches }) => ({ offer, matches }));
}

/** A due day as people say it: "today", "tomorrow", "in 5 days", "3 days overdue". */
export function dueInWords(due: IsoDate, today: IsoDate): string {
	const days = daysBetween(today, due);
	if (days === 0) return 'today';
	if (days === 1) return 'tomorrow';
	if (days === -1) return '1 day overdue';
	if (days < 0) return `${-days} days overdue`;
	if (days < 14) return `in ${days} days`;
	if (days < 60) return `in ${Math.round(days / 7)} weeks`;
	return `in ${Math.round(days / 30.44)} months`;
}

/** A past day as people say it: "today", "yesterday", "12 days ago", "3 months ago". */
export function agoInWords(day: IsoDate, today: IsoDate): string {
	const days = daysBetween(day, today);
	if (days <= 0) return 'today';
	if (days === 1) return 'yesterday';
	if (days < 14) return `${days} days ago`;
	if (days < 60) return `${Math.round(days / 7)} weeks ago`;
	if (days < 365 * 2) return `${Math.round(days / 30.44)} months ago`;
	return `${Math.round(days / 365.25)} years ago`;
}

/** One or two letters for an avatar: "Ann Lee" → "AL", "madonna" → "M". */
export function initials(name: string): string {
	const words = name.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return '?';
	const first = [...words[0]!][0] ?? '';
	const last = words.length > 1 ? ([...words[words.length - 1]!][0] ?? '') : '';
	return (first + last).toLocaleUpperCase('en');
}

/** Each contact's next follow-up day (see nextFollowUp), by id. */
export function nextFollowUpsById(
	contacts: readonly Contact[],
	defaults: Readonly<Record<Tier, number>>
): Map<Id, IsoDate | null> {
	return new Map(contacts.map((c) => [c.id, nextFollowUp(c, defaults)]));
}

/** The contacts whose follow-up day is before today. */
export function overdueIds(
	nextFollowUps: ReadonlyMap<Id, IsoDate | null>,
	today: IsoDate
): Set<Id> {
	const out = new Set<Id>();
	for (const [id, due] of nextFollowUps) if (due !== null && due < today) out.add(id);
	return out;
}

/** Who knows whom: each contact's tied contacts (ties are undirected; self-ties ignored). */
export function neighboursOf(ties: readonly Tie[]): Map<Id, Set<Id>> {
	const out = new Map<Id, Set<Id>>();
	const link = (x: Id, y: Id) => {
		let set = out.get(x);
		if (!set) out.set(x, (set = new Set()));
		set.add(y);
	};
	for (const t of ties) {
		if (t.a === t.b) continue;
		link(t.a, t.b);
		link(t.b, t.a);
	}
	return out;
}

/** Conversations per contact, newest first (ties broken by id, newest first). */
export function conversationsByContact(
	conversations: readonly Conversation[]
): Map<Id, Conversation[]> {
	const out = new Map<Id, Conversation[]>();
	for (const c of conversations) {
		const list = out.get(c.contactId);
		if (list) list.push(c);
		else out.set(c.contactId, [c]);
	}
	for (const list of out.values())
		list.sort((a, b) => (a.on === b.on ? (a.id < b.id ? 1 : -1) : a.on < b.on ? 1 : -1));
	return out;
}

/** The ids of some records, for quick "is this one of them?" checks. */
export function idsOf(records: readonly { id: Id }[]): ReadonlySet<Id> {
	return new Set(records.map((r) => r.id));
}

/** One person's asks, newest first. */
export function asksFor(asks: readonly Ask[], contactId: Id): Ask[] {
	return newestAsksFirst(asks.filter((a) => a.contactId === contactId));
}

/** Asks, newest first (the later-added first on the same day). */
export function newestAsksFirst(asks: readonly Ask[]): Ask[] {
	return [...asks].sort((a, b) => (a.on === b.on ? (a.id < b.id ? 1 : -1) : a.on < b.on ? 1 : -1));
}

export type Introduced = 'self' | 'someone' | 'unknown';

/** How someone came into my network: through me, through someone, or not noted. */
export function howIntroduced(
	contact: Pick<Contact, 'introducedBy'> | null | undefined
): Introduced {
	return contact?.introducedBy === 'self' ? 'self' : contact?.introducedBy ? 'someone' : 'unknown';
}

/** A contact's roles with one switched on or off, in the article's order. */
export function withRole(roles: readonly Role[], role: Role, on: boolean): Role[] {
	return ROLES.filter((r) => (r === role ? on : roles.includes(r)));
}

/** The line under a person in the People list: overdue, due soon, last in touch, or not yet. */
export function followUpLine(
	due: IsoDate | null,
	lastContactOn: IsoDate | null,
	today: IsoDate
): { text: string; overdue: boolean } {
	if (due !== null && due < today)
		return { text: `Follow up: ${dueInWords(due, today)}`, overdue: true };
	if (due !== null && isDueSoon(daysBetween(today, due)))
		return { text: `Follow up ${dueInWords(due, today)}`, overdue: false };
	if (lastContactOn)
		return { text: `In touch ${agoInWords(lastContactOn, today)}`, overdue: false };
	return { text: 'Not in touch yet', overdue: false };
}

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * What the People list says about itself: "5,000 people", "3 matches", "Showing 50 of 208
 * matches", "No one matches.". `filtering`: a search or filter is on (then they are matches).
 */
export function listCountText(shown: number, matched: number, filtering: boolean): string {
	const noun = (n: number) =>
		filtering ? (n === 1 ? 'match' : 'matches') : n === 1 ? 'person' : 'people';
	if (matched === 0) return 'No one matches.';
	if (matched > shown) return `Showing ${count(shown)} of ${count(matched)} ${noun(matched)}`;
	return `${count(matched)} ${noun(matched)}`;
}
