/** Rules that screens used to compute themselves, now in model/. */
import { describe, expect, it } from 'vitest';
import { countDueSoon, parseContactCadence } from '../../../src/lib/model/keepInTouch';
import { busiestRelationships, type GiveGet } from '../../../src/lib/model/ledger';
import { compareNames } from '../../../src/lib/model/names';
import {
	asksFor,
	howIntroduced,
	idsOf,
	newestAsksFirst,
	withRole
} from '../../../src/lib/model/people';
import type { Ask } from '../../../src/lib/model/records';

const ask = (id: string, contactId: string, on: string): Ask => ({
	id,
	contactId,
	what: id,
	on,
	outcome: 'pending',
	followedThrough: false
});

describe('rules moved out of screens', () => {
	it('counts follow-ups due from today to today + 6', () => {
		const dues = ['2026-03-09', '2026-03-10', '2026-03-16', '2026-03-17', null];
		expect(countDueSoon(dues, '2026-03-10')).toBe(2);
	});

	it('reads a contact’s own cadence within 1–3650 days', () => {
		expect(parseContactCadence('')).toBeNull();
		expect(parseContactCadence('1')).toBe(1);
		expect(parseContactCadence('3650')).toBe(3650);
		expect(parseContactCadence('0')).toBe('invalid');
		expect(parseContactCadence('3651')).toBe('invalid');
	});

	it('orders asks newest first, the later-added first on the same day', () => {
		const asks = [
			ask('a', 'x', '2026-01-01'),
			ask('b', 'y', '2026-02-01'),
			ask('c', 'x', '2026-02-01')
		];
		expect(newestAsksFirst(asks).map((a) => a.id)).toEqual(['c', 'b', 'a']);
		expect(asksFor(asks, 'x').map((a) => a.id)).toEqual(['c', 'a']);
	});

	it('sorts names ignoring case and accents, numbers by value', () => {
		const names = ['team 10', 'Émile', 'Team 2', 'emile', 'Ann'];
		expect([...names].sort(compareNames)).toEqual(['Ann', 'Émile', 'emile', 'Team 2', 'team 10']);
	});

	it('switches a role in the article order, and says how someone was introduced', () => {
		expect(withRole(['sponsors'], 'informs', true)).toEqual(['informs', 'sponsors']);
		expect(withRole(['informs', 'sponsors'], 'sponsors', false)).toEqual(['informs']);
		expect(howIntroduced({ introducedBy: 'self' })).toBe('self');
		expect(howIntroduced({ introducedBy: 'abc' })).toBe('someone');
		expect(howIntroduced({ introducedBy: null })).toBe('unknown');
		expect(howIntroduced(null)).toBe('unknown');
		expect([...idsOf([{ id: 'a' }, { id: 'b' }])]).toEqual(['a', 'b']);
	});

	it('lists the busiest relationships, the more one-sided first among equals', () => {
		const entry = (contactId: string, conversations: number, balance: number) =>
			({ contactId, conversations, balance }) as GiveGet;
		const ledger = new Map(
			[entry('a', 1, 0), entry('b', 3, 2), entry('c', 3, -1)].map((e) => [e.contactId, e])
		);
		expect(busiestRelationships(ledger, 2).map((e) => e.contactId)).toEqual(['c', 'b']);
	});
});
