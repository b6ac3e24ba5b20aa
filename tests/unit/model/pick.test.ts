import { describe, expect, it } from 'vitest';
import { matchContacts, PICK_LIMIT } from '$lib/model/pick';

const people = [
	{ id: 'a', name: 'Samira Okafor', org: 'NHS Digital' },
	{ id: 'b', name: 'Sam Hale', org: 'Monzo' },
	{ id: 'c', name: 'Jonas Samuelsson', org: 'Spotify' },
	{ id: 'd', name: 'Chloé Martin', org: 'Samsung' },
	{ id: 'e', name: 'Priya Shah', org: 'NHS England' }
];

const names = (r: { matches: { name: string }[] }) => r.matches.map((m) => m.name);

describe('matchContacts', () => {
	it('puts names starting with the query first, then name words, then organisations', () => {
		expect(names(matchContacts(people, 'sam'))).toEqual([
			'Sam Hale',
			'Samira Okafor',
			'Jonas Samuelsson',
			'Chloé Martin'
		]);
	});

	it('needs every word, across name and organisation, ignoring accents and case', () => {
		expect(names(matchContacts(people, 'nhs priya'))).toEqual(['Priya Shah']);
		expect(names(matchContacts(people, 'CHLOE'))).toEqual(['Chloé Martin']);
	});

	it('leaves out excluded contacts but still knows their exact name exists', () => {
		const result = matchContacts(people, 'sam hale', { exclude: new Set(['b']) });
		expect(result.matches).toEqual([]);
		expect(result.exactName).toBe(true);
		expect(matchContacts(people, 'sam').exactName).toBe(false);
	});

	it('lists everyone by name for an empty query, up to the limit', () => {
		const many = Array.from({ length: 20 }, (_, i) => ({
			id: String(i),
			name: `Person ${String(i).padStart(2, '0')}`,
			org: ''
		}));
		const result = matchContacts(many, '  ');
		expect(result.matches).toHaveLength(PICK_LIMIT);
		expect(result.matches[0]!.name).toBe('Person 00');
		expect(matchContacts(people, '', { limit: 2 }).matches.map((m) => m.id)).toEqual(['d', 'c']);
	});

	it('finds nobody for a query nobody matches', () => {
		expect(matchContacts(people, 'zebra')).toEqual({ matches: [], exactName: false });
	});
});

describe('matchContacts with thousands of contacts', () => {
	const FIRST = ['Ann', 'Åsa', 'Bob', 'Chloé', 'Dev', 'Efua', 'Zoë', 'ann-marie'];
	const LAST = ['Okafor', 'Lee', 'Müller', 'Stone', 'Anand', 'Brandt'];
	const ORGS = ['Acme', 'Annex Labs', 'Hooli', ''];
	const many = Array.from({ length: 2000 }, (_, i) => ({
		id: `c${String(i).padStart(4, '0')}`,
		name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
		org: ORGS[(i * 3) % ORGS.length]!
	}));

	/** The obvious way: rank everyone, sort everyone, take the first few. */
	function naive(query: string, limit: number) {
		const fold = (t: string) =>
			t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
		const q = fold(query);
		const words = q.split(' ').filter(Boolean);
		return many
			.map((c) => ({ c, name: fold(c.name), org: fold(c.org) }))
			.filter(({ name, org }) => words.every((w) => name.includes(w) || org.includes(w)))
			.map(({ c, name }) => ({
				c,
				name,
				rank:
					q === '' || name.startsWith(q)
						? 0
						: name.split(' ').some((p) => p.startsWith(words[0]!))
							? 1
							: name.includes(q)
								? 2
								: 3
			}))
			.sort(
				(a, b) =>
					a.rank - b.rank ||
					new Intl.Collator('en').compare(a.name, b.name) ||
					(a.c.id < b.c.id ? -1 : 1)
			)
			.slice(0, limit)
			.map(({ c }) => c.id);
	}

	it.each(['', 'a', 'ann', 'an', 'le', 'ann okafor', 'hooli', 'asa'])(
		'gives the same best few as sorting everyone, for %j',
		(query) => {
			for (const limit of [1, 8, 30]) {
				expect(matchContacts(many, query, { limit }).matches.map((c) => c.id)).toEqual(
					naive(query, limit)
				);
			}
		}
	);
});
