import { describe, expect, it } from 'vitest';
import {
	buildContactIndex,
	normaliseForSearch,
	queryContacts,
	queryWords
} from '$lib/model/search';
import type { ContactQuery } from '$lib/model/search';
import { ROLES, TIERS } from '$lib/model/records';
import type { Contact } from '$lib/model/records';
import { contact } from './people-fixtures';

const people = [
	contact({ id: 'jose', name: 'José Müller', org: 'Café Crème', title: 'Head of Product' }),
	contact({ id: 'zoe', name: 'zoë Straße', org: 'Acme', tier: 'inner', roles: ['mentors'] }),
	contact({ id: 'ann', name: 'Ann Lee', org: 'Acme', title: 'CFO', notes: 'Loves sailing' }),
	contact({ id: 'bob', name: 'Bob Stone', org: 'Globex', roles: ['mentors', 'sponsors'] }),
	contact({ id: 'ana', name: 'Ana Ødegaard', org: 'Nordic Data', tier: 'key' })
];

function ids(list: Contact[]): string[] {
	return list.map((c) => c.id);
}

function run(query: Partial<ContactQuery>, index = buildContactIndex(people)): string[] {
	return ids(queryContacts(index, { text: '', sort: 'name', ...query }));
}

describe('normalising text', () => {
	it('lower-cases, strips accents and folds letters NFD leaves whole', () => {
		expect(normaliseForSearch('  José   MÜLLER ')).toBe('jose muller');
		expect(normaliseForSearch('Straße Ødegaard Łódź Æsir')).toBe('strasse odegaard lodz aesir');
		// A precomposed é and e + combining acute read the same.
		expect(normaliseForSearch('Cafe\u0301')).toBe(normaliseForSearch('Caf\u00e9'));
	});

	it('splits a query into words', () => {
		expect(queryWords('  Acme   cfo ')).toEqual(['acme', 'cfo']);
		expect(queryWords('   ')).toEqual([]);
	});
});

describe('queryContacts', () => {
	it('an empty query lists everyone by name, ignoring case and accents', () => {
		expect(run({})).toEqual(['ana', 'ann', 'bob', 'jose', 'zoe']);
	});

	it('matches without accents, and accents without the data having them', () => {
		expect(run({ text: 'jose muller' })).toEqual(['jose']);
		expect(run({ text: 'CAFE creme' })).toEqual(['jose']);
		expect(run({ text: 'strasse' })).toEqual(['zoe']);
		expect(run({ text: 'odegaard' })).toEqual(['ana']);
		const accented = buildContactIndex([contact({ id: 'plain', name: 'Jose Muller' })]);
		expect(run({ text: 'Jösé' }, accented)).toEqual(['plain']);
	});

	it('needs every word to match, in any field and any order', () => {
		expect(run({ text: 'acme' })).toEqual(['ann', 'zoe']);
		expect(run({ text: 'cfo acme' })).toEqual(['ann']);
		expect(run({ text: 'acme sailing' })).toEqual(['ann']);
		expect(run({ text: 'acme globex' })).toEqual([]);
		// Part of a word is enough: people type the start of a name.
		expect(run({ text: 'sto' })).toEqual(['bob']);
	});

	it('searches notes given separately, in place of the record field', () => {
		const index = buildContactIndex(people, new Map([['bob', 'Met at the Rust meetup']]));
		expect(run({ text: 'rust meetup' }, index)).toEqual(['bob']);
		// Ann's notes were not replaced, so her record's notes still count.
		expect(run({ text: 'sailing' }, index)).toEqual(['ann']);
	});

	it('filters by role, tier and overdue, together with words', () => {
		expect(run({ role: 'mentors' })).toEqual(['bob', 'zoe']);
		expect(run({ role: 'mentors', text: 'acme' })).toEqual(['zoe']);
		expect(run({ tier: 'key' })).toEqual(['ana']);
		expect(run({ tier: 'inner', role: 'sponsors' })).toEqual([]);
		expect(run({ overdueIds: new Set(['jose', 'ann', 'nobody']) })).toEqual(['ann', 'jose']);
		expect(run({ overdueIds: new Set() })).toEqual([]);
		expect(run({ role: null, tier: null, overdueIds: null })).toHaveLength(5);
	});

	it('sorts by last contact, most recent first, never-contacted last', () => {
		const index = buildContactIndex([
			contact({ id: 'old', name: 'A', lastContactOn: '2025-12-01' }),
			contact({ id: 'never-b', name: 'B', lastContactOn: null }),
			contact({ id: 'recent', name: 'C', lastContactOn: '2026-03-01' }),
			contact({ id: 'never-a', name: 'a', lastContactOn: null }),
			contact({ id: 'also-recent', name: 'D', lastContactOn: '2026-03-01' })
		]);
		expect(run({ sort: 'lastContact' }, index)).toEqual([
			'recent',
			'also-recent',
			'old',
			'never-a',
			'never-b'
		]);
	});

	it('sorts by next follow-up, soonest first, none last', () => {
		const index = buildContactIndex([
			contact({ id: 'later', name: 'A' }),
			contact({ id: 'none', name: 'B' }),
			contact({ id: 'soon', name: 'C' }),
			contact({ id: 'fallback', name: 'D', followUpOn: '2026-03-15' })
		]);
		const nextFollowUpById = new Map([
			['later', '2026-05-01'],
			['none', null],
			['soon', '2026-03-02']
		]);
		expect(run({ sort: 'nextFollowUp', nextFollowUpById }, index)).toEqual([
			'soon',
			'fallback',
			'later',
			'none'
		]);
	});

	it('does not change the order it was built in between queries', () => {
		const index = buildContactIndex(people);
		run({ sort: 'lastContact' }, index);
		expect(run({}, index)).toEqual(['ana', 'ann', 'bob', 'jose', 'zoe']);
	});

	it('gives correct counts over 5,000 contacts', () => {
		const many = Array.from({ length: 5000 }, (_, i) =>
			contact({
				id: `p${i}`,
				name: `Person ${String(i).padStart(4, '0')}`,
				org: i % 5 === 0 ? 'Société Générale' : `Company ${i % 37}`,
				title: i % 3 === 0 ? 'Engineer' : 'Designer',
				notes: i % 10 === 0 ? 'Met at the café' : '',
				tier: TIERS[i % 3]!,
				roles: i % 7 === 0 ? ['mentors'] : [ROLES[i % ROLES.length]!],
				lastContactOn: i % 4 === 0 ? null : `2026-0${1 + (i % 9)}-1${i % 10}`
			})
		);
		const index = buildContactIndex(many);
		const count = (q: Partial<ContactQuery>) =>
			queryContacts(index, { text: '', sort: 'name', ...q }).length;
		const expected = (keep: (i: number) => boolean) =>
			Array.from({ length: 5000 }, (_, i) => i).filter(keep).length;

		expect(count({})).toBe(5000);
		expect(count({ text: 'societe generale' })).toBe(expected((i) => i % 5 === 0));
		expect(count({ text: 'societe engineer' })).toBe(expected((i) => i % 5 === 0 && i % 3 === 0));
		expect(count({ text: 'cafe', tier: 'inner' })).toBe(
			expected((i) => i % 10 === 0 && i % 3 === 0)
		);
		expect(count({ role: 'mentors' })).toBe(
			expected((i) => i % 7 === 0 || ROLES[i % ROLES.length] === 'mentors')
		);
		// Each word is found on its own: '04' anywhere in the name, not only after 'person '.
		expect(count({ text: 'person 04' })).toBe(
			expected((i) => String(i).padStart(4, '0').includes('04'))
		);
		expect(count({ text: 'person 0042' })).toBe(1);

		const byLast = queryContacts(index, { text: 'designer', sort: 'lastContact' });
		expect(byLast).toHaveLength(expected((i) => i % 3 !== 0));
		for (let k = 1; k < byLast.length; k++) {
			const before = byLast[k - 1]!.lastContactOn ?? '';
			const after = byLast[k]!.lastContactOn ?? '';
			expect(before >= after).toBe(true);
		}
	});
});
