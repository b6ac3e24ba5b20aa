import { describe, expect, it } from 'vitest';
import { cadenceFor, followUpStatus, followUpsDue, nextFollowUp } from '$lib/model/cadence';
import { afterConversation } from '$lib/model/keepInTouch';
import { isoDateIn } from '$lib/model/dates';
import type { Tier } from '$lib/model/records';
import { contact, conversation } from './people-fixtures';

// The plan step's defaults (plan.ts owns them; these rules take them as a parameter).
const DEFAULTS: Record<Tier, number> = { inner: 30, key: 60, wider: 120 };

describe('cadenceFor', () => {
	it("uses the tier's default unless the contact has its own", () => {
		expect(cadenceFor(contact({ tier: 'inner' }), DEFAULTS)).toBe(30);
		expect(cadenceFor(contact({ tier: 'key' }), DEFAULTS)).toBe(60);
		expect(cadenceFor(contact({ tier: 'wider' }), DEFAULTS)).toBe(120);
		expect(cadenceFor(contact({ tier: 'wider', cadenceDays: 14 }), DEFAULTS)).toBe(14);
	});

	it('falls back to the default for a nonsensical own cadence', () => {
		expect(cadenceFor(contact({ tier: 'key', cadenceDays: 0 }), DEFAULTS)).toBe(60);
		expect(cadenceFor(contact({ tier: 'key', cadenceDays: -7 }), DEFAULTS)).toBe(60);
		expect(cadenceFor(contact({ tier: 'key', cadenceDays: Number.NaN }), DEFAULTS)).toBe(60);
	});

	it('follows the defaults it is given', () => {
		const custom = { inner: 7, key: 21, wider: 90 };
		expect(cadenceFor(contact({ tier: 'inner' }), custom)).toBe(7);
	});
});

describe('nextFollowUp', () => {
	it('an explicit follow-up day wins over the cadence', () => {
		const c = contact({ tier: 'inner', lastContactOn: '2026-01-01', followUpOn: '2026-06-15' });
		expect(nextFollowUp(c, DEFAULTS)).toBe('2026-06-15');
	});

	it('adds the cadence to the last contact, across month ends', () => {
		// 31 Jan 2026 + 30 days: 28 days of February, so 2 March.
		expect(nextFollowUp(contact({ tier: 'inner', lastContactOn: '2026-01-31' }), DEFAULTS)).toBe(
			'2026-03-02'
		);
		// 30 Nov + 60 days crosses the year end: 31 Dec is day 31, so 29 Jan.
		expect(nextFollowUp(contact({ tier: 'key', lastContactOn: '2025-11-30' }), DEFAULTS)).toBe(
			'2026-01-29'
		);
	});

	it('counts 29 February in leap years', () => {
		// 2028 is a leap year: 31 Jan + 30 days = 1 March (not 2 March).
		expect(nextFollowUp(contact({ tier: 'inner', lastContactOn: '2028-01-31' }), DEFAULTS)).toBe(
			'2028-03-01'
		);
		expect(nextFollowUp(contact({ cadenceDays: 1, lastContactOn: '2024-02-28' }), DEFAULTS)).toBe(
			'2024-02-29'
		);
		expect(nextFollowUp(contact({ cadenceDays: 1, lastContactOn: '2023-02-28' }), DEFAULTS)).toBe(
			'2023-03-01'
		);
		// 2100 is not a leap year (divisible by 100, not by 400).
		expect(nextFollowUp(contact({ cadenceDays: 1, lastContactOn: '2100-02-28' }), DEFAULTS)).toBe(
			'2100-03-01'
		);
	});

	it('a contact never contacted is due one cadence after the day it was added', () => {
		const c = contact({ tier: 'wider', createdAt: '2026-01-15T23:30:00.000Z' });
		expect(nextFollowUp(c, DEFAULTS)).toBe('2026-05-15');
		// In Tokyo that moment was already 16 January.
		expect(nextFollowUp(c, DEFAULTS, { timeZone: 'Asia/Tokyo' })).toBe('2026-05-16');
	});

	it('gives null when nothing says when to follow up', () => {
		expect(nextFollowUp(contact({ createdAt: 'not a date' }), DEFAULTS)).toBeNull();
		expect(nextFollowUp(contact({ createdAt: '' }), DEFAULTS)).toBeNull();
	});
});

describe('followUpStatus', () => {
	const today = '2026-03-10';
	const due = (day: string) => contact({ followUpOn: day });

	it('sorts a due day into overdue, this week, later', () => {
		expect(followUpStatus(due('2026-03-09'), today, DEFAULTS)).toBe('overdue');
		expect(followUpStatus(due('2026-03-10'), today, DEFAULTS)).toBe('due-this-week');
		expect(followUpStatus(due('2026-03-16'), today, DEFAULTS)).toBe('due-this-week');
		expect(followUpStatus(due('2026-03-17'), today, DEFAULTS)).toBe('later');
	});

	it("is 'none' when no follow-up can be worked out", () => {
		expect(followUpStatus(contact({ createdAt: 'garbage' }), today, DEFAULTS)).toBe('none');
	});

	it('the cadence restarts from the last contact', () => {
		// Inner: 30 days. Last contact 8 Feb → due 10 Mar.
		expect(
			followUpStatus(contact({ tier: 'inner', lastContactOn: '2026-02-08' }), today, DEFAULTS)
		).toBe('due-this-week');
		expect(
			followUpStatus(contact({ tier: 'inner', lastContactOn: '2026-02-07' }), today, DEFAULTS)
		).toBe('overdue');
	});

	it('is overdue in one time zone and not in another at the same instant', () => {
		const c = due('2026-03-09');
		// 02:00 UTC on 10 March: already 10 March in London and Auckland, still 9 March in
		// Los Angeles (PDT, UTC−7, since 8 March 2026).
		const instant = new Date('2026-03-10T02:00:00Z');
		const london = isoDateIn(instant, 'Europe/London');
		const auckland = isoDateIn(instant, 'Pacific/Auckland');
		const losAngeles = isoDateIn(instant, 'America/Los_Angeles');
		expect([london, auckland, losAngeles]).toEqual(['2026-03-10', '2026-03-10', '2026-03-09']);
		expect(followUpStatus(c, london, DEFAULTS)).toBe('overdue');
		expect(followUpStatus(c, auckland, DEFAULTS)).toBe('overdue');
		expect(followUpStatus(c, losAngeles, DEFAULTS)).toBe('due-this-week');
	});

	it('a follow-up turns overdue at local midnight, whatever UTC says', () => {
		// Due 31 March: overdue once 1 April begins. In Sydney (AEDT, UTC+11) that is 13:00 UTC
		// on 31 March, while in UTC it is still 31 March.
		const c = due('2026-03-31');
		const beforeMidnight = new Date('2026-03-31T12:59:00Z');
		const afterMidnight = new Date('2026-03-31T13:01:00Z');
		expect(followUpStatus(c, isoDateIn(beforeMidnight, 'Australia/Sydney'), DEFAULTS)).toBe(
			'due-this-week'
		);
		expect(followUpStatus(c, isoDateIn(afterMidnight, 'Australia/Sydney'), DEFAULTS)).toBe(
			'overdue'
		);
		expect(followUpStatus(c, isoDateIn(afterMidnight, 'UTC'), DEFAULTS)).toBe('due-this-week');
	});
});

describe('followUpsDue', () => {
	it('lists overdue and this-week follow-ups, most overdue first, then by name', () => {
		const today = '2026-03-10';
		const list = followUpsDue(
			[
				contact({ id: 'later', name: 'Later', followUpOn: '2026-03-20' }),
				contact({ id: 'soon', name: 'Soon', followUpOn: '2026-03-12' }),
				contact({ id: 'zed', name: 'Zed', followUpOn: '2026-03-01' }),
				contact({ id: 'amy', name: 'amy', followUpOn: '2026-03-01' }),
				contact({ id: 'today', name: 'Today', followUpOn: '2026-03-10' }),
				contact({ id: 'cadence', name: 'Cadence', tier: 'inner', lastContactOn: '2026-02-05' }),
				contact({ id: 'none', name: 'Nobody', createdAt: '' })
			],
			today,
			DEFAULTS
		);
		expect(list.map((d) => d.contactId)).toEqual(['amy', 'zed', 'cadence', 'today', 'soon']);
		expect(list[0]).toEqual({
			contactId: 'amy',
			name: 'amy',
			due: '2026-03-01',
			overdue: true,
			days: -9
		});
		// 5 Feb + 30 days = 7 March: overdue by 3.
		expect(list[2]).toMatchObject({ due: '2026-03-07', overdue: true, days: -3 });
		expect(list[3]).toMatchObject({ overdue: false, days: 0 });
		expect(list[4]).toMatchObject({ overdue: false, days: 2 });
	});

	it('is empty when nothing is due', () => {
		expect(followUpsDue([], '2026-03-10', DEFAULTS)).toEqual([]);
		expect(followUpsDue([contact({ followUpOn: '2026-04-01' })], '2026-03-10', DEFAULTS)).toEqual(
			[]
		);
	});
});

describe('afterConversation', () => {
	it('logging a conversation resets the clock', () => {
		const before = contact({
			tier: 'inner',
			lastContactOn: '2026-01-02',
			followUpOn: '2026-02-01'
		});
		expect(followUpStatus(before, '2026-03-10', DEFAULTS)).toBe('overdue');
		const patch = afterConversation(before, conversation({ on: '2026-03-09' }));
		expect(patch).toEqual({ lastContactOn: '2026-03-09', followUpOn: null });
		const after = { ...before, ...patch };
		expect(nextFollowUp(after, DEFAULTS)).toBe('2026-04-08');
		expect(followUpStatus(after, '2026-03-10', DEFAULTS)).toBe('later');
	});

	it("takes the conversation's own follow-up when it names one", () => {
		const patch = afterConversation(
			contact({ lastContactOn: null, followUpOn: null }),
			conversation({ on: '2026-03-09', followUpOn: '2026-03-23' })
		);
		expect(patch).toEqual({ lastContactOn: '2026-03-09', followUpOn: '2026-03-23' });
	});

	it('keeps the later last-contact day when a conversation is logged late', () => {
		const c = contact({ lastContactOn: '2026-03-05', followUpOn: '2026-03-20' });
		// Back-dated and naming no follow-up: leaves the newer follow-up alone.
		expect(afterConversation(c, conversation({ on: '2026-02-20' }))).toEqual({
			lastContactOn: '2026-03-05',
			followUpOn: '2026-03-20'
		});
		// Back-dated but naming a follow-up: the user said so, take it.
		expect(
			afterConversation(c, conversation({ on: '2026-02-20', followUpOn: '2026-04-01' }))
		).toEqual({ lastContactOn: '2026-03-05', followUpOn: '2026-04-01' });
		// Same day as the last contact counts as new: the cadence applies again.
		expect(afterConversation(c, conversation({ on: '2026-03-05' }))).toEqual({
			lastContactOn: '2026-03-05',
			followUpOn: null
		});
	});
});
