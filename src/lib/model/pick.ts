/**
 * Matching for the contact picker: type a few letters, see the likeliest people first. Pure, so
 * the picker stays a thin component and the ranking is tested on its own.
 */
import { compareNames } from './names';
import { normaliseForSearch, queryWords } from './search';

export interface PickCandidate {
	id: string;
	name: string;
	org: string;
}

export interface PickMatches<T extends PickCandidate> {
	/** Best first, at most `limit`. */
	matches: T[];
	/** Some contact (picked already or not) has exactly this name: do not offer to create it. */
	exactName: boolean;
}

/** Eight suggestions fit on a phone screen above the keyboard; more is scrolling, not choosing. */
export const PICK_LIMIT = 8;

/**
 * Contacts whose name or organisation contains every word of the query, minus the excluded ones.
 * A name that starts with the query comes first, then a name with a word starting with it, then
 * a name containing it, then a match on the organisation only; ties go by name. An empty query
 * lists everyone by name (for arrow-key browsing).
 */
export function matchContacts<T extends PickCandidate>(
	contacts: readonly T[],
	query: string,
	{ exclude, limit = PICK_LIMIT }: { exclude?: ReadonlySet<string>; limit?: number } = {}
): PickMatches<T> {
	const q = normaliseForSearch(query);
	const words = queryWords(query);
	const keep = Math.max(0, limit);
	// The best `keep` so far, in order: a picker shows a handful out of thousands, so there is
	// no need to sort everyone on every keystroke.
	const best: Ranked<T>[] = [];
	let exactName = false;
	for (const contact of contacts) {
		const { name, org } = normalised(contact);
		if (q !== '' && name === q) exactName = true;
		if (keep === 0 || exclude?.has(contact.id)) continue;
		if (!words.every((w) => name.includes(w) || org.includes(w))) continue;
		let rank = 3;
		if (q === '' || name.startsWith(q)) rank = 0;
		else if (name.split(' ').some((part) => part.startsWith(words[0]!))) rank = 1;
		else if (name.includes(q)) rank = 2;
		const entry = { contact, rank, name };
		if (best.length === keep && compare(entry, best[keep - 1]!) >= 0) continue;
		let i = best.length;
		while (i > 0 && compare(entry, best[i - 1]!) < 0) i--;
		best.splice(i, 0, entry);
		if (best.length > keep) best.pop();
	}
	return { matches: best.map((r) => r.contact), exactName };
}

interface Ranked<T> {
	contact: T;
	rank: number;
	name: string;
}

function compare<T extends PickCandidate>(a: Ranked<T>, b: Ranked<T>): number {
	return (
		a.rank - b.rank ||
		compareNames(a.name, b.name) ||
		(a.contact.id < b.contact.id ? -1 : a.contact.id > b.contact.id ? 1 : 0)
	);
}

/**
 * Each contact's searchable name and organisation, worked out once per record object (records
 * are replaced, never mutated, so a changed contact is a new object and a new entry).
 */
const NORMALISED = new WeakMap<object, { name: string; org: string }>();

function normalised(contact: PickCandidate): { name: string; org: string } {
	let entry = NORMALISED.get(contact);
	if (!entry) {
		entry = { name: normaliseForSearch(contact.name), org: normaliseForSearch(contact.org) };
		NORMALISED.set(contact, entry);
	}
	return entry;
}
