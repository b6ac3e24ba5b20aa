/**
 * How open is my network? The article's "closed network" made measurable: who is inside my
 * organisation or much like me, how varied the people are, whether I only meet people on my own,
 * and how much my contacts already know each other (Burt's structural holes).
 *
 * Every measure returns its number together with the counts behind it and a plain-words
 * sentence, and never divides by zero: with nothing to measure, the value is `null` and `reason`
 * says why in words the UI can show as they are.
 */
import type { Contact, Id, Tie } from './records';

/** A share of contacts that have something (inside my organisation, similar to me). */
export interface ShareMeasure {
	/** 0–1, over contacts where the answer is known; null when no answer is known. */
	share: number | null;
	/** Contacts answered "yes". */
	count: number;
	/** Contacts with a yes or no answer: the denominator. */
	known: number;
	/** Contacts with no answer yet; left out of the share. */
	unknown: number;
	total: number;
	/** Why `share` is null, in words for the user; null when there is a share. */
	reason: string | null;
	/** One sentence saying what the number means. */
	explanation: string;
}

export type DiversityDimension = 'industry' | 'function' | 'seniority';

export interface DiversityMeasure {
	dimension: DiversityDimension;
	/** Blau index `1 − Σ p²`: 0 = all alike; the closer to `max`, the more even the spread. */
	index: number | null;
	/** The highest index possible with this many categories, `1 − 1/categories`. */
	max: number | null;
	/** How many different values (after ignoring case and spacing). */
	categories: number;
	/** Contacts with a value: the denominator. */
	counted: number;
	/** Contacts left blank; left out of the index. */
	blank: number;
	/** The most common value, as first written, and how many share it. */
	largest: { value: string; count: number } | null;
	reason: string | null;
	explanation: string;
}

export interface SelfIntroducedMeasure {
	/**
	 * Share of contacts I met on my own, over those where it is known: key contacts (inner circle
	 * or key) when any has an answer, otherwise everyone with an answer (see `scope`).
	 */
	share: number | null;
	/** Whom the share is over: key contacts, or everyone while no key contact has an answer. */
	scope: 'key' | 'everyone';
	selfIntroduced: number;
	/** Contacts in scope whose "who introduced us" is known: the denominator. */
	known: number;
	/** Contacts in scope with no answer yet. */
	unknown: number;
	/** All key contacts (tier inner or key). */
	keyContacts: number;
	/** True when `share` is above `INBRED_THRESHOLD`. */
	inbred: boolean;
	reason: string | null;
	explanation: string;
}

export interface StructureMeasure {
	/** Contacts in the network (n). */
	contacts: number;
	/** Distinct ties between two known contacts (t). */
	ties: number;
	/** Ties left out: duplicates, a contact tied to itself, or naming a contact that is gone. */
	ignoredTies: number;
	/** Burt's constraint: 1/n when no one knows anyone else, up to 1 (and above, rarely). */
	constraint: number | null;
	/** Burt's effective size `n − 2t/n`: how many contacts count as separate doors. */
	effectiveSize: number | null;
	/** Effective size over n: 1 = every contact is a separate door. */
	efficiency: number | null;
	/** The contacts adding most to the constraint (most "boxed in" by shared ties), at most 3. */
	mostConstraining: { contactId: Id; contribution: number }[];
	reason: string | null;
	/** Set when the numbers rest on an assumption the user should know about. */
	caveat: string | null;
	explanation: string;
}

export interface OpennessReport {
	contacts: number;
	inside: ShareMeasure;
	similar: ShareMeasure;
	diversity: Record<DiversityDimension, DiversityMeasure>;
	selfIntroduced: SelfIntroducedMeasure;
	structure: StructureMeasure;
}

/**
 * Uzzi & Dunlap ("How to Build Your Network", HBR 2005): when more than about 65% of your key
 * contacts are people you met on your own, the network is inbred — it mirrors you. Contacts met
 * through others bring people you would never have found.
 */
export const INBRED_THRESHOLD = 0.65;
export const INBRED_WHY =
	'Most of your key people found on your own means they tend to be like you: people who introduce you open doors you would not find.';

const NO_CONTACTS = 'Add a few contacts to see this.';

function percent(share: number): string {
	return `${Math.round(share * 100)}%`;
}

function plural(count: number, one: string, many: string): string {
	return `${count} ${count === 1 ? one : many}`;
}

function shareOf(
	contacts: readonly Contact[],
	answer: (c: Contact) => boolean | null,
	words: { unanswered: string; describe: (share: number, known: number) => string }
): ShareMeasure {
	let count = 0;
	let known = 0;
	for (const c of contacts) {
		const a = answer(c);
		if (a === null || a === undefined) continue;
		known++;
		if (a) count++;
	}
	const total = contacts.length;
	const unknown = total - known;
	if (total === 0) {
		return { share: null, count, known, unknown, total, reason: NO_CONTACTS, explanation: '' };
	}
	if (known === 0) {
		return {
			share: null,
			count,
			known,
			unknown,
			total,
			reason: words.unanswered,
			explanation: ''
		};
	}
	const share = count / known;
	const notYet = unknown > 0 ? ` (${unknown} not answered yet)` : '';
	return {
		share,
		count,
		known,
		unknown,
		total,
		reason: null,
		explanation: words.describe(share, known) + notYet + '.'
	};
}

/** Share of contacts inside my organisation, over contacts where `inside` is known. */
export function insideShare(contacts: readonly Contact[]): ShareMeasure {
	return shareOf(contacts, (c) => c.inside, {
		unanswered: 'Mark whether each contact is inside your organisation to see this.',
		describe: (share, known) =>
			`${percent(share)} of ${plural(known, 'contact', 'contacts')} work inside your organisation`
	});
}

/** Share of contacts marked "similar to me", over contacts where `similar` is known. */
export function similarShare(contacts: readonly Contact[]): ShareMeasure {
	return shareOf(contacts, (c) => c.similar, {
		unanswered: 'Mark whether each contact is similar to you to see this.',
		describe: (share, known) =>
			`${percent(share)} of ${plural(known, 'contact', 'contacts')} are much like you`
	});
}

/** Free text as a category: trimmed, inner spacing collapsed, case ignored. */
export function categoryKey(value: string | null | undefined): string {
	return (value ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

const DIMENSION_WORDS: Record<DiversityDimension, { noun: string; prompt: string }> = {
	industry: { noun: 'industries', prompt: 'Add the industry your contacts work in to see this.' },
	function: {
		noun: 'functions',
		prompt: 'Add the function your contacts work in (finance, design…) to see this.'
	},
	seniority: {
		noun: 'levels of seniority',
		prompt: 'Say whether your contacts are senior, peers or junior to see this.'
	}
};

/** Blau's index `1 − Σ p²` over contacts with a non-blank value in one dimension. */
export function blauDiversity(
	contacts: readonly Contact[],
	dimension: DiversityDimension
): DiversityMeasure {
	const counts = new Map<string, { value: string; count: number }>();
	let counted = 0;
	for (const c of contacts) {
		const raw = c[dimension];
		const key = categoryKey(raw);
		if (key === '') continue;
		counted++;
		const entry = counts.get(key);
		if (entry) entry.count++;
		else counts.set(key, { value: (raw ?? '').trim().replace(/\s+/g, ' '), count: 1 });
	}
	const blank = contacts.length - counted;
	const categories = counts.size;
	const words = DIMENSION_WORDS[dimension];
	if (counted === 0) {
		return {
			dimension,
			index: null,
			max: null,
			categories,
			counted,
			blank,
			largest: null,
			reason: contacts.length === 0 ? NO_CONTACTS : words.prompt,
			explanation: ''
		};
	}
	let sumSquares = 0;
	let largest: { value: string; count: number } | null = null;
	for (const entry of counts.values()) {
		const p = entry.count / counted;
		sumSquares += p * p;
		if (!largest || entry.count > largest.count) largest = { ...entry };
	}
	// Guard against -0 and 1e-17 noise so "all alike" reads exactly 0.
	const index = categories === 1 ? 0 : Math.max(0, 1 - sumSquares);
	const max = 1 - 1 / categories;
	const leftOut = blank > 0 ? ` (${blank} left blank)` : '';
	const explanation =
		categories === 1
			? `All ${plural(counted, 'contact', 'contacts')} share one value: ${largest!.value}${leftOut}.`
			: `${plural(counted, 'contact', 'contacts')} across ${categories} ${words.noun}; the most common, ${largest!.value}, covers ${percent(largest!.count / counted)}${leftOut}.`;
	return {
		dimension,
		index,
		max,
		categories,
		counted,
		blank,
		largest,
		reason: null,
		explanation
	};
}

/** Inner circle and key contacts: the people Uzzi & Dunlap's rule is about. */
export function isKeyContact(contact: Contact): boolean {
	return contact.tier === 'inner' || contact.tier === 'key';
}

/**
 * Share of key contacts I met on my own, over those where "who introduced us" is known. Uzzi &
 * Dunlap's rule is about key contacts, so they are what counts as soon as one of them has an
 * answer. Until then the share is taken over everyone whose answer is known, and says so: it is
 * the same question asked of the whole network, and it means "how we met" can be tagged for many
 * people at once on the map step before anyone is sorted into tiers.
 */
export function selfIntroducedShare(contacts: readonly Contact[]): SelfIntroducedMeasure {
	let keyContacts = 0;
	let keyKnown = 0;
	let keySelf = 0;
	let allKnown = 0;
	let allSelf = 0;
	for (const c of contacts) {
		const key = isKeyContact(c);
		if (key) keyContacts++;
		if (c.introducedBy === null || c.introducedBy === undefined || c.introducedBy === '') continue;
		const self = c.introducedBy === 'self';
		allKnown++;
		if (self) allSelf++;
		if (!key) continue;
		keyKnown++;
		if (self) keySelf++;
	}
	const scope = keyKnown > 0 ? 'key' : 'everyone';
	const known = scope === 'key' ? keyKnown : allKnown;
	const selfIntroduced = scope === 'key' ? keySelf : allSelf;
	const unknown = (scope === 'key' ? keyContacts : contacts.length) - known;
	const base = {
		scope,
		selfIntroduced,
		known,
		unknown,
		keyContacts,
		inbred: false,
		explanation: ''
	} as const;
	if (contacts.length === 0) return { ...base, share: null, reason: NO_CONTACTS };
	if (known === 0) {
		return {
			...base,
			share: null,
			reason:
				keyContacts === 0
					? 'Say how you met people (on your own, or who introduced you) to see this; it matters most for your inner circle or key tier.'
					: 'Say how you met your key contacts (on your own, or who introduced you) to see this.'
		};
	}
	const share = selfIntroduced / known;
	const inbred = share > INBRED_THRESHOLD;
	const notYet = unknown > 0 ? ` (${unknown} not answered yet)` : '';
	const verdict = inbred
		? ` That is above ${percent(INBRED_THRESHOLD)}: ${INBRED_WHY}`
		: ` That is at or below ${percent(INBRED_THRESHOLD)}: others are opening doors for you.`;
	const whom =
		scope === 'key'
			? plural(known, 'key contact', 'key contacts')
			: plural(known, 'person', 'people');
	const scopeNote =
		scope === 'key'
			? ''
			: ' This counts everyone you have answered for; once your inner circle or key people have an answer, it counts only them, as the research does.';
	return {
		...base,
		share,
		inbred,
		reason: null,
		explanation: `You met ${selfIntroduced} of ${whom} on your own, ${percent(share)}${notYet}.${verdict}${scopeNote}`
	};
}

/**
 * Burt's constraint and effective size of my ego network. I am tied to every contact; ties
 * among contacts come from "who knows whom"; every tie weighs 1. With n contacts:
 *
 * - `p_ij = 1/n`, the share of my ties going to j;
 * - `p_qj = 1/deg(q)` when q and j are tied, where deg(q) counts q's ties including the one to me;
 * - `c_j = (p_ij + Σ_{q≠i,j} p_iq·p_qj)² = (1/n · (1 + Σ_{q ∈ N(j)} 1/deg(q)))²`;
 * - constraint `C = Σ_j c_j`; effective size `n − 2t/n`.
 *
 * Written with neighbour lists, so it costs O(n + t), not O(n³).
 */
export function structuralHoles(
	contacts: readonly Contact[],
	ties: readonly Tie[]
): StructureMeasure {
	const indexById = new Map<Id, number>();
	const ids: Id[] = [];
	for (const c of contacts) {
		if (indexById.has(c.id)) continue;
		indexById.set(c.id, ids.length);
		ids.push(c.id);
	}
	const n = ids.length;
	const neighbours: number[][] = ids.map(() => []);
	const seen = new Set<string>();
	let t = 0;
	let ignoredTies = 0;
	for (const tie of ties) {
		const a = indexById.get(tie.a);
		const b = indexById.get(tie.b);
		if (a === undefined || b === undefined || a === b) {
			ignoredTies++;
			continue;
		}
		const key = a < b ? `${a}:${b}` : `${b}:${a}`;
		if (seen.has(key)) {
			ignoredTies++;
			continue;
		}
		seen.add(key);
		neighbours[a]!.push(b);
		neighbours[b]!.push(a);
		t++;
	}
	const base = { contacts: n, ties: t, ignoredTies, mostConstraining: [] };
	if (n === 0) {
		return {
			...base,
			constraint: null,
			effectiveSize: null,
			efficiency: null,
			reason: NO_CONTACTS,
			caveat: null,
			explanation: ''
		};
	}

	// 1/deg(q), where deg counts q's tie to me as well.
	const inverseDegree = neighbours.map((list) => 1 / (list.length + 1));
	const contributions: number[] = new Array<number>(n);
	let constraint = 0;
	for (let j = 0; j < n; j++) {
		let indirect = 0;
		for (const q of neighbours[j]!) indirect += inverseDegree[q]!;
		const c = ((1 + indirect) / n) ** 2;
		contributions[j] = c;
		constraint += c;
	}
	const effectiveSize = n - (2 * t) / n;
	const efficiency = effectiveSize / n;

	const mostConstraining = t === 0 ? [] : topContributors(ids, contributions, neighbours, 3);

	const caveat =
		t === 0 && n > 1
			? 'No one is marked as knowing anyone else yet, so this assumes none of your contacts know each other. Add who knows whom to make it real.'
			: null;
	const explanation =
		n === 1
			? 'With one contact, everything you hear comes through one person: constraint is 1.'
			: `Your ${n} contacts count like ${formatNumber(effectiveSize)} separate ones` +
				(t > 0
					? `: ${plural(t, 'tie', 'ties')} among them mean some of them hear the same things.`
					: ', because none of them are marked as knowing each other.') +
				` Constraint is ${formatNumber(constraint, 2)}: the lower, the more your contacts open different doors.`;

	return {
		...base,
		mostConstraining,
		constraint,
		effectiveSize,
		efficiency,
		reason: null,
		caveat,
		explanation
	};
}

function topContributors(
	ids: readonly Id[],
	contributions: readonly number[],
	neighbours: readonly number[][],
	limit: number
): { contactId: Id; contribution: number }[] {
	// A single pass keeping the best few: n can be thousands, `limit` is tiny.
	const best: number[] = [];
	for (let j = 0; j < ids.length; j++) {
		if (neighbours[j]!.length === 0) continue;
		let at = best.length;
		while (at > 0 && contributions[best[at - 1]!]! < contributions[j]!) at--;
		if (at >= limit) continue;
		best.splice(at, 0, j);
		if (best.length > limit) best.pop();
	}
	return best.map((j) => ({ contactId: ids[j]!, contribution: contributions[j]! }));
}

function formatNumber(value: number, digits = 1): string {
	return Number(value.toFixed(digits)).toString();
}

/** Every openness measure at once, for the People screen and step 4. */
export function opennessReport(contacts: readonly Contact[], ties: readonly Tie[]): OpennessReport {
	return {
		contacts: contacts.length,
		inside: insideShare(contacts),
		similar: similarShare(contacts),
		diversity: {
			industry: blauDiversity(contacts, 'industry'),
			function: blauDiversity(contacts, 'function'),
			seniority: blauDiversity(contacts, 'seniority')
		},
		selfIntroduced: selfIntroducedShare(contacts),
		structure: structuralHoles(contacts, ties)
	};
}
