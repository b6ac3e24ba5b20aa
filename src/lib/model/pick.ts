/**
 * Matching for the contact picker: type a few letters, see the likeliest people first. Pure, so
 * the picker stays a thin component and the ranking is tested on its own.
 */
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
	const ranked: { contact: T; rank: number; name: string }[] = [];
	let exactName = false;
	for (const contact of contacts) {
		const name = normaliseForSearch(contact.name);
		if (q !== '' && name === q) exactName = true;
		if (exclude?.has(contact.id)) continue;
		const org = normaliseForSearch(contact.org);
		if (!words.every((w) => name.includes(w) || org.includes(w))) continue;
		let rank = 3;
		if (q === '' || name.startsWith(q)) rank = 0;
		else if (name.split(' ').some((part) => part.startsWith(words[0]!))) rank = 1;
		else if (name.includes(q)) rank = 2;
		ranked.push({ contact, rank, name });
	}
	ranked.sort(
		(a, b) =>
			a.rank - b.rank ||
			a.name.localeCompare(b.name, 'en') ||
			(a.contact.id < b.contact.id ? -1 : a.contact.id > b.contact.id ? 1 : 0)
	);
	return { matches: ranked.slice(0, Math.max(0, limit)).map((r) => r.contact), exactName };
}
