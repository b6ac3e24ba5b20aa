import { describe, expect, it } from 'vitest';
import {
	NUDGE_IMBALANCE,
	NUDGE_TAKES_WITHOUT_GIVING,
	ledgerByContact,
	ledgerFor,
	ledgerTotals,
	needsNudge,
	nudgeLine,
	offerAgeDays,
	openOffers
} from '$lib/model/ledger';
import { contact, conversation } from './people-fixtures';

const gave = (contactId: string, on = '2026-03-01') =>
	conversation({ contactId, on, iOffered: 'An intro to my team lead' });
const got = (contactId: string, on = '2026-03-01') =>
	conversation({ contactId, on, theyOffered: 'Feedback on my deck' });
const both = (contactId: string, on = '2026-03-01') =>
	conversation({ contactId, on, iOffered: 'A book', theyOffered: 'A referral' });
const neither = (contactId: string, on = '2026-03-01') => conversation({ contactId, on });

describe('give/get per contact', () => {
	it('counts conversations where I offered and where they offered', () => {
		const ledger = ledgerByContact([
			gave('ana'),
			both('ana', '2026-03-05'),
			got('ana', '2026-02-01'),
			neither('ana'),
			got('ben')
		]);
		expect(ledger.get('ana')).toEqual({
			contactId: 'ana',
			gave: 2,
			got: 2,
			balance: 0,
			conversations: 4,
			nudge: false,
			lastOn: '2026-03-05'
		});
		expect(ledger.get('ben')).toMatchObject({ gave: 0, got: 1, balance: -1, nudge: false });
		expect(ledger.has('cy')).toBe(false);
	});

	it('does not count whitespace as an offer', () => {
		const ledger = ledgerFor('ana', [
			conversation({ contactId: 'ana', iOffered: '   ', theyOffered: '\n\t' })
		]);
		expect(ledger).toMatchObject({ gave: 0, got: 0, conversations: 1 });
	});

	it('gives zeros for someone I have not talked to', () => {
		expect(ledgerFor('nobody', [gave('ana')])).toEqual({
			contactId: 'nobody',
			gave: 0,
			got: 0,
			balance: 0,
			conversations: 0,
			nudge: false,
			lastOn: null
		});
	});
});

describe('nudge when I only take', () => {
	it('uses the documented thresholds', () => {
		expect(NUDGE_TAKES_WITHOUT_GIVING).toBe(2);
		expect(NUDGE_IMBALANCE).toBe(3);
	});

	it('nudges after two takes with nothing given, not after one', () => {
		expect(ledgerFor('ana', [got('ana')]).nudge).toBe(false);
		expect(ledgerFor('ana', [got('ana'), got('ana')]).nudge).toBe(true);
	});

	it('nudges when takes outrun gives by three, even if I gave before', () => {
		const twoBehind = [gave('ana'), got('ana'), got('ana'), got('ana')];
		expect(ledgerFor('ana', twoBehind)).toMatchObject({ balance: -2, nudge: false });
		const threeBehind = [...twoBehind, got('ana')];
		expect(ledgerFor('ana', threeBehind)).toMatchObject({ balance: -3, nudge: true });
	});

	it('never nudges a balanced or generous relationship', () => {
		expect(needsNudge(0, 0)).toBe(false);
		expect(needsNudge(5, 0)).toBe(false);
		expect(needsNudge(3, 5)).toBe(false);
		expect(needsNudge(1, 4)).toBe(true);
	});

	it('says what to do next, in plain words', () => {
		expect(nudgeLine('Ana', { gave: 0, got: 2 })).toMatch(
			/^Ana has helped you twice and you have not offered anything yet\. What could you offer/
		);
		expect(nudgeLine('Ben', { gave: 1, got: 4 })).toMatch(
			/Ben has helped you 4 times; you have offered once\. .*offer first/
		);
		expect(nudgeLine('  ', { gave: 0, got: 2 })).toMatch(/^This person/);
	});
});

describe('ledger totals', () => {
	it('adds up every conversation and lists nudges, most one-sided first', () => {
		const conversations = [
			gave('ana'),
			got('ben'),
			got('ben'),
			got('cy'),
			got('cy'),
			got('cy'),
			both('dee')
		];
		const totals = ledgerTotals(conversations);
		expect(totals).toEqual({
			gave: 2,
			got: 6,
			balance: -4,
			conversations: 7,
			nudges: ['cy', 'ben']
		});
	});

	it('is all zero with no conversations', () => {
		expect(ledgerTotals([])).toEqual({ gave: 0, got: 0, balance: 0, conversations: 0, nudges: [] });
	});
});

describe('open offers', () => {
	const people = new Map([
		['ana', contact({ id: 'ana', name: 'Ana' })],
		['ben', contact({ id: 'ben', name: 'Ben' })]
	]);

	it('lists undelivered offers I made, oldest first', () => {
		const conversations = [
			conversation({ id: 'new', contactId: 'ana', on: '2026-03-05', iOffered: ' Share my notes ' }),
			conversation({ id: 'old', contactId: 'ben', on: '2026-01-10', iOffered: 'Intro to Sam' }),
			conversation({
				id: 'done',
				contactId: 'ben',
				on: '2026-01-01',
				iOffered: 'A coffee',
				offerDelivered: true
			}),
			conversation({ id: 'blank', contactId: 'ana', on: '2025-12-01', iOffered: '  ' }),
			conversation({ id: 'theirs', contactId: 'ana', on: '2025-12-01', theyOffered: 'Help' }),
			conversation({ id: 'gone', contactId: 'removed', on: '2025-11-01', iOffered: 'A thing' })
		];
		expect(openOffers(conversations, people)).toEqual([
			{
				conversationId: 'old',
				contactId: 'ben',
				name: 'Ben',
				on: '2026-01-10',
				offered: 'Intro to Sam'
			},
			{
				conversationId: 'new',
				contactId: 'ana',
				name: 'Ana',
				on: '2026-03-05',
				offered: 'Share my notes'
			}
		]);
	});

	it('accepts a plain record of contacts too', () => {
		const record = { ana: contact({ id: 'ana', name: 'Ana' }) };
		const offers = openOffers([conversation({ contactId: 'ana', iOffered: 'Intro' })], record);
		expect(offers.map((o) => o.name)).toEqual(['Ana']);
		// Inherited properties are not contacts.
		expect(openOffers([conversation({ contactId: 'toString', iOffered: 'x' })], record)).toEqual(
			[]
		);
	});

	it('says how long an offer has waited', () => {
		expect(offerAgeDays({ on: '2026-02-20' }, '2026-03-04')).toBe(12);
		expect(offerAgeDays({ on: '2026-03-05' }, '2026-03-04')).toBe(0);
	});
});
