import { describe, expect, it } from 'vitest';
import {
	agoInWords,
	dueInWords,
	filledLines,
	initials,
	lastLearned,
	linesOf,
	suggestOffers,
	tieEnds,
	tieId
} from '$lib/model/people';
import type { Offer } from '$lib/model/value';
import { conversation } from './people-fixtures';

describe('ties', () => {
	it('key a pair the same whichever way round', () => {
		expect(tieId('b', 'a')).toBe(tieId('a', 'b'));
		expect(tieId('a', 'b')).toBe('a~b');
		expect(tieEnds('z', 'y')).toEqual({ a: 'y', b: 'z' });
	});
});

describe('list fields', () => {
	it('keep lines as typed, blank ones included, so the box never jumps', () => {
		expect(linesOf('a@x.org\n')).toEqual(['a@x.org', '']);
		expect(linesOf('a\r\nb')).toEqual(['a', 'b']);
		expect(linesOf('a@x.org\n').join('\n')).toBe('a@x.org\n');
	});
	it('read as the filled values', () => {
		expect(filledLines([' a ', '', '  ', 'b'])).toEqual(['a', 'b']);
	});
});

describe('what I last learned', () => {
	it('is nothing before any notes', () => {
		expect(lastLearned([])).toBeNull();
		expect(lastLearned([conversation({ on: '2026-01-01' })])).toBeNull();
	});
	it('takes each part from the latest conversation that noted it', () => {
		const learned = lastLearned([
			conversation({ on: '2026-01-10', theirWork: 'Old project', theirChallenges: 'Hiring' }),
			conversation({ on: '2026-03-02', theirWork: 'The Lisbon launch ' }),
			conversation({ on: '2026-02-01', theirWork: 'Middle project' })
		]);
		expect(learned).toEqual({
			on: '2026-03-02',
			theirWork: 'The Lisbon launch',
			theirChallenges: 'Hiring'
		});
	});
});

describe('suggesting offers', () => {
	const offers: Offer[] = [
		{ id: 'o1', kind: 'skill', text: 'Reviewing pitch decks' },
		{ id: 'o2', kind: 'introduction', text: 'An intro to a hiring manager at Acme' },
		{ id: 'o3', kind: 'resource', text: '   ' },
		{ id: 'o4', kind: 'resource', text: 'My template for hiring interviews' }
	];
	it('puts offers that share words with their challenges first, most shared first', () => {
		const out = suggestOffers(offers, {
			theirWork: 'Growing the team',
			theirChallenges: 'Hiring engineers; interviews take forever'
		});
		expect(out.map((o) => o.offer.id)).toEqual(['o4', 'o2', 'o1']);
		expect(out.map((o) => o.matches)).toEqual([2, 1, 0]);
	});
	it('keeps the own order and leaves blanks out when nothing is known', () => {
		expect(suggestOffers(offers, null).map((o) => o.offer.id)).toEqual(['o1', 'o2', 'o4']);
	});
});

describe('dates in words', () => {
	it('says when a follow-up is due', () => {
		expect(dueInWords('2026-03-10', '2026-03-10')).toBe('today');
		expect(dueInWords('2026-03-11', '2026-03-10')).toBe('tomorrow');
		expect(dueInWords('2026-03-09', '2026-03-10')).toBe('1 day overdue');
		expect(dueInWords('2026-02-28', '2026-03-10')).toBe('10 days overdue');
		expect(dueInWords('2026-03-15', '2026-03-10')).toBe('in 5 days');
		expect(dueInWords('2026-04-07', '2026-03-10')).toBe('in 4 weeks');
		expect(dueInWords('2026-07-10', '2026-03-10')).toBe('in 4 months');
	});
	it('says how long ago, across a month end', () => {
		expect(agoInWords('2026-03-01', '2026-03-01')).toBe('today');
		expect(agoInWords('2026-02-28', '2026-03-01')).toBe('yesterday');
		expect(agoInWords('2026-02-20', '2026-03-01')).toBe('9 days ago');
		expect(agoInWords('2025-12-01', '2026-03-01')).toBe('3 months ago');
		expect(agoInWords('2022-03-01', '2026-03-01')).toBe('4 years ago');
	});
});

describe('initials', () => {
	it('takes the first and last word', () => {
		expect(initials('Ann Marie Lee')).toBe('AL');
		expect(initials('  madonna ')).toBe('M');
		expect(initials('')).toBe('?');
		expect(initials('Özil Ünal')).toBe('ÖÜ');
	});
});
