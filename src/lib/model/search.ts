/**
 * Contact list search, filter and sort that stays instant with thousands of contacts. The work
 * that does not depend on the query (normalising text, ordering by name) happens once in
 * `buildContactIndex`; a query is then one pass of substring checks over the name-ordered
 * entries, plus, for the date sorts, one sort of the matches on plain string keys.
 */
import { compareNames } from './names';
import type { Contact, Id, IsoDate, Role, Tier } from './records';

/** Letters that NFD does not split into a base letter and an accent. */
const FOLDS: Record<string, string> = {
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	ł: 'l',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ı: 'i'
};
const FOLD_PATTERN = /[ßæœøłđðþı]/g;
const COMBINING_MARKS = /\p{M}+/gu;

/** Lower case, accents stripped (é → e, ß → ss), spacing collapsed: for matching, not showing. */
export function normaliseForSearch(text: string): string {
	return text
		.normalize('NFD')
		.replace(COMBINING_MARKS, '')
		.toLowerCase()
		.replace(FOLD_PATTERN, (ch) => FOLDS[ch] ?? ch)
		.replace(/\s+/g, ' ')
		.trim();
}

interface IndexEntry {
	contact: Contact;
	haystack: string;
	/** Position in name order, so the date sorts break ties by name without comparing strings. */
	nameRank: number;
}

export interface ContactIndex {
	/** Every contact, in name order. */
	readonly entries: readonly IndexEntry[];
}

/** Rows the People list draws at once; "Show more" adds as many again. 5,000 would not be instant. */
export const PEOPLE_PAGE_SIZE = 50;

/** Contacts in the People list's name order: by name as shown (trimmed), then by id. */
export function inNameOrder(contacts: readonly Contact[]): Contact[] {
	return contacts
		.map((contact) => ({ contact, key: contact.name.trim() }))
		.sort(
			(a, b) =>
				compareNames(a.key, b.key) ||
				(a.contact.id < b.contact.id ? -1 : a.contact.id > b.contact.id ? 1 : 0)
		)
		.map(({ contact }) => contact);
}

export type ContactSort = 'name' | 'lastContact' | 'nextFollowUp';

export interface ContactQuery {
	/** Words to find in name, organisation, title or notes; every word must match. */
	text: string;
	role?: Role | null;
	tier?: Tier | null;
	/** When given, only these contacts (the overdue ones). */
	overdueIds?: ReadonlySet<Id> | null;
	sort: ContactSort;
	/**
	 * Next follow-up per contact for the 'nextFollowUp' sort (the caller has the cadence
	 * defaults). A contact missing from the map falls back to its explicit `followUpOn`.
	 */
	nextFollowUpById?: ReadonlyMap<Id, IsoDate | null>;
}

// Fields go into one string joined by a character no query word can contain, so a word never
// matches across the end of one field and the start of the next.
const FIELD_SEPARATOR = '\u0001';

/**
 * Precomputes the normalised text of each contact and the name order. `notesById` supplies notes
 * kept outside the contact record (long text); otherwise `contact.notes` is used.
 */
export function buildContactIndex(
	contacts: readonly Contact[],
	notesById?: ReadonlyMap<Id, string>
): ContactIndex {
	const sorted = inNameOrder(contacts);
	const entries = sorted.map((contact, nameRank) => {
		const notes = notesById?.get(contact.id) ?? contact.notes ?? '';
		const haystack = normaliseForSearch(
			[contact.name, contact.org, contact.title, notes].join(FIELD_SEPARATOR)
		);
		return { contact, haystack, nameRank };
	});
	return { entries };
}

/** The words of a query, normalised like the haystack. */
export function queryWords(text: string): string[] {
	const normalised = normaliseForSearch(text);
	return normalised === '' ? [] : normalised.split(' ');
}

/** Contacts matching every word and filter, in the asked order. */
export function queryContacts(index: ContactIndex, query: ContactQuery): Contact[] {
	const words = queryWords(query.text);
	const { role, tier, overdueIds } = query;
	const matches: IndexEntry[] = [];
	outer: for (const entry of index.entries) {
		const c = entry.contact;
		if (tier && c.tier !== tier) continue;
		if (role && !c.roles.includes(role)) continue;
		if (overdueIds && !overdueIds.has(c.id)) continue;
		for (const word of words) if (!entry.haystack.includes(word)) continue outer;
		matches.push(entry);
	}

	if (query.sort === 'lastContact') {
		// Most recent first; never contacted last. ISO days compare as strings.
		const day = (e: IndexEntry) => e.contact.lastContactOn ?? '';
		matches.sort((a, b) => {
			const da = day(a);
			const db = day(b);
			return da === db ? a.nameRank - b.nameRank : da > db ? -1 : 1;
		});
	} else if (query.sort === 'nextFollowUp') {
		// Soonest first; no follow-up last.
		const byId = query.nextFollowUpById;
		const day = (e: IndexEntry): string => {
			const c = e.contact;
			const due = byId?.has(c.id) ? byId.get(c.id) : c.followUpOn;
			return due ?? '\uffff';
		};
		const keyed = matches.map((e) => ({ e, due: day(e) }));
		keyed.sort((a, b) => (a.due === b.due ? a.e.nameRank - b.e.nameRank : a.due < b.due ? -1 : 1));
		return keyed.map((k) => k.e.contact);
	}
	return matches.map((e) => e.contact);
}
