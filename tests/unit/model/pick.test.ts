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
