import { describe, it, expect } from 'vitest';
import type { Action, Slot } from '$lib/model/records';
import { thisWeek, type FollowUpDue, type ThisWeekInput } from '$lib/model/week';

function slot(id: string, weekday: number, start: string): Slot {
	return { id, weekday, start, minutes: 30, kind: 'coffee' };
}

function action(id: string, due: string | null, done = false): Action {
	return { id, text: `Action ${id}`, horizon: 30, due, done };
}

function followUp(contactId: string, due: string): FollowUpDue {
	return { contactId, name: `Contact ${contactId}`, due };
}

function week(input: Partial<ThisWeekInput> & Pick<ThisWeekInput, 'now'>) {
	return thisWeek({ slots: [], actions: [], followUps: [], ...input });
}

/** One slot a day, Monday to Sunday, at the same time. */
const DAILY = [1, 2, 3, 4, 5, 6, 7].map((d) => slot(`d${d}`, d, '12:00'));

describe('today depends on the time zone', () => {
	// 23:30 UTC on Wednesday 14 January 2026.
	const now = new Date('2026-01-14T23:30:00Z');

	it('is already Thursday in Auckland and still Wednesday in Los Angeles', () => {
		expect(week({ now, timeZone: 'Pacific/Auckland' })).toMatchObject({
			today: '2026-01-15',
			end: '2026-01-21'
		});
		expect(week({ now, timeZone: 'America/Los_Angeles' })).toMatchObject({
			today: '2026-01-14',
			end: '2026-01-20'
		});
		expect(week({ now, timeZone: 'UTC' }).today).toBe('2026-01-14');
	});

	it('drops a slot today once its start has passed on the local clock', () => {
		// Auckland: it is 12:30 on Thursday. Los Angeles: 15:30 on Wednesday.
		const slots = [
			slot('thu-noon', 4, '12:00'),
			slot('thu-1pm', 4, '13:00'),
			slot('thu-1230', 4, '12:30')
		];
		const auckland = week({ now, timeZone: 'Pacific/Auckland', slots }).slots;
		expect(auckland.map((o) => [o.slot.id, o.date, o.start])).toEqual([
			['thu-1230', '2026-01-15', '12:30'],
			['thu-1pm', '2026-01-15', '13:00']
		]);
		// Tomorrow is Thursday in Los Angeles, so every Thursday slot is still ahead.
		const la = week({ now, timeZone: 'America/Los_Angeles', slots }).slots;
		expect(la.map((o) => o.slot.id)).toEqual(['thu-noon', 'thu-1230', 'thu-1pm']);
		expect(la.every((o) => o.date === '2026-01-15')).toBe(true);
	});
});

describe('slots over the next seven days', () => {
	it('shows each weekday once, in date order, from today to six days on', () => {
		// Monday 29 December 2025, 09:00 UTC: the week runs into the new year.
		const result = week({ now: new Date('2025-12-29T09:00:00Z'), timeZone: 'UTC', slots: DAILY });
		expect(result.slots.map((o) => o.date)).toEqual([
			'2025-12-29',
			'2025-12-30',
			'2025-12-31',
			'2026-01-01',
			'2026-01-02',
			'2026-01-03',
			'2026-01-04'
		]);
		expect(result.slots.map((o) => o.slot.id)).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7']);
		expect(result.end).toBe('2026-01-04');
	});

	it('crosses a month end and sorts by date, then time, whatever the input order', () => {
		// Friday 27 February 2026, 08:00 in London.
		const slots = [
			slot('mon-late', 1, '16:00'),
			slot('fri-late', 5, '17:30'),
			slot('mon-early', 1, '9:15'),
			slot('fri-early', 5, '08:30')
		];
		const result = week({
			now: new Date('2026-02-27T08:00:00Z'),
			timeZone: 'Europe/London',
			slots
		});
		expect(result.slots.map((o) => [o.slot.id, o.date, o.start])).toEqual([
			['fri-early', '2026-02-27', '08:30'],
			['fri-late', '2026-02-27', '17:30'],
			['mon-early', '2026-03-02', '09:15'],
			['mon-late', '2026-03-02', '16:00']
		]);
	});

	it('goes from Sunday evening to Monday morning without losing Monday', () => {
		// Sunday 1 March 2026, 20:00 in London.
		const slots = [
			slot('sun-7pm', 7, '19:00'),
			slot('sun-9pm', 7, '21:00'),
			slot('mon-9am', 1, '09:00')
		];
		const result = week({
			now: new Date('2026-03-01T20:00:00Z'),
			timeZone: 'Europe/London',
			slots
		});
		expect(result.slots.map((o) => [o.slot.id, o.date])).toEqual([
			['sun-9pm', '2026-03-01'],
			['mon-9am', '2026-03-02']
		]);
	});

	it('keeps a slot starting this very minute', () => {
		const result = week({
			now: new Date('2026-03-04T12:00:45Z'),
			timeZone: 'UTC',
			slots: [slot('wed-noon', 3, '12:00')]
		});
		expect(result.slots.map((o) => o.date)).toEqual(['2026-03-04']);
	});

	it('skips slots with an impossible weekday or time', () => {
		const result = week({
			now: new Date('2026-03-04T06:00:00Z'),
			timeZone: 'UTC',
			slots: [
				slot('zero', 0, '09:00'),
				slot('eight', 8, '09:00'),
				slot('bad', 3, '25:00'),
				slot('ok', 3, '09:00')
			]
		});
		expect(result.slots.map((o) => o.slot.id)).toEqual(['ok']);
	});
});

describe('daylight-saving change days', () => {
	it('lists all seven days across the spring change in London', () => {
		// Saturday 28 March 2026, 23:30 GMT; clocks go forward at 01:00 on Sunday.
		const result = week({
			now: new Date('2026-03-28T23:30:00Z'),
			timeZone: 'Europe/London',
			slots: DAILY
		});
		expect(result.today).toBe('2026-03-28');
		// Saturday's noon slot is gone; Sunday 29 March to Friday 3 April follow, none skipped.
		expect(result.slots.map((o) => o.date)).toEqual([
			'2026-03-29',
			'2026-03-30',
			'2026-03-31',
			'2026-04-01',
			'2026-04-02',
			'2026-04-03'
		]);
	});

	it('reads the day after the spring change on summer time', () => {
		// 23:30 UTC on Sunday 29 March is 00:30 BST on Monday 30 March.
		expect(week({ now: new Date('2026-03-29T23:30:00Z'), timeZone: 'Europe/London' }).today).toBe(
			'2026-03-30'
		);
	});

	it('reads the autumn change day on the local clock', () => {
		// 23:30 UTC on Saturday 24 October is 00:30 BST on Sunday 25 October, the day clocks go back.
		const result = week({
			now: new Date('2026-10-24T23:30:00Z'),
			timeZone: 'Europe/London',
			slots: [slot('sun-0015', 7, '00:15'), slot('sun-0100', 7, '01:00'), slot('sat', 6, '10:00')]
		});
		expect(result.today).toBe('2026-10-25');
		expect(result.end).toBe('2026-10-31');
		expect(result.slots.map((o) => [o.slot.id, o.date])).toEqual([
			['sun-0100', '2026-10-25'],
			['sat', '2026-10-31']
		]);
	});

	it('handles the American spring change too', () => {
		// Sunday 8 March 2026, 03:30 EDT (07:30 UTC), just after clocks jumped from 02:00.
		const result = week({
			now: new Date('2026-03-08T07:30:00Z'),
			timeZone: 'America/New_York',
			slots: [slot('sun-3am', 7, '03:00'), slot('sun-4am', 7, '04:00')]
		});
		expect(result.today).toBe('2026-03-08');
		expect(result.slots.map((o) => o.slot.id)).toEqual(['sun-4am']);
	});
});

describe('actions and follow-ups due this week', () => {
	// Wednesday 30 December 2026, 10:00 UTC; the week ends on Tuesday 5 January 2027.
	const now = new Date('2026-12-30T10:00:00Z');

	it('lists open actions due by the end of the week, overdue first and flagged', () => {
		const result = week({
			now,
			timeZone: 'UTC',
			actions: [
				action('end', '2027-01-05'),
				action('after', '2027-01-06'),
				action('today', '2026-12-30'),
				action('late', '2026-12-01'),
				action('done-late', '2026-12-01', true),
				action('undated', null)
			]
		});
		expect(result.end).toBe('2027-01-05');
		expect(result.actionsDue.map((a) => [a.id, a.overdue])).toEqual([
			['late', true],
			['today', false],
			['end', false]
		]);
		// Flagged actions are still whole actions.
		expect(result.actionsDue[0]?.text).toBe('Action late');
	});

	it('lists follow-ups due by the end of the week, overdue flagged, bad dates skipped', () => {
		const result = week({
			now,
			timeZone: 'UTC',
			followUps: [
				followUp('c3', '2027-01-02'),
				followUp('c1', '2026-12-29'),
				followUp('c4', '2027-01-09'),
				followUp('c5', 'soon'),
				followUp('c2', '2026-12-30')
			]
		});
		expect(result.followUps).toEqual([
			{ contactId: 'c1', name: 'Contact c1', due: '2026-12-29', overdue: true },
			{ contactId: 'c2', name: 'Contact c2', due: '2026-12-30', overdue: false },
			{ contactId: 'c3', name: 'Contact c3', due: '2027-01-02', overdue: false }
		]);
	});

	it('judges overdue by the local day, not by UTC', () => {
		// 23:30 UTC on 14 January is 15 January in Auckland: a follow-up due on the 14th is late there.
		const input = {
			now: new Date('2026-01-14T23:30:00Z'),
			followUps: [followUp('c1', '2026-01-14')]
		};
		expect(week({ ...input, timeZone: 'Pacific/Auckland' }).followUps[0]?.overdue).toBe(true);
		expect(week({ ...input, timeZone: 'America/Los_Angeles' }).followUps[0]?.overdue).toBe(false);
	});
});
