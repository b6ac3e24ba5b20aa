import { describe, expect, it } from 'vitest';
import type { NetEvent } from '../../../src/lib/model/records';
import { countdown, eventsBetween, nextMilestone } from '../../../src/lib/model/upcoming';

const ms = (n: 1 | 2 | 3, due: string | null, text = `M${n}`) => ({ n, text, due });

describe('next milestone', () => {
	it('is the earliest dated milestone still ahead', () => {
		const next = nextMilestone(
			[ms(1, '2026-06-01'), ms(2, '2027-01-01'), ms(3, '2026-12-10')],
			'2026-12-04'
		);
		expect(next).toMatchObject({ n: 3, due: '2026-12-10', days: 6 });
	});

	it('counts one due today as ahead', () => {
		expect(nextMilestone([ms(1, '2026-12-04')], '2026-12-04')).toMatchObject({ n: 1, days: 0 });
	});

	it('is the latest overdue one when every date has passed', () => {
		expect(nextMilestone([ms(1, '2026-01-01'), ms(2, '2026-11-01')], '2026-12-04')).toMatchObject({
			n: 2,
			days: -33
		});
	});

	it('skips milestones without a date, and is null with none dated', () => {
		expect(nextMilestone([ms(1, null), ms(2, '2027-03-01')], '2026-12-04')?.n).toBe(2);
		expect(nextMilestone([ms(1, null)], '2026-12-04')).toBeNull();
		expect(nextMilestone([], '2026-12-04')).toBeNull();
	});

	it('breaks a tie on the same date by order', () => {
		expect(nextMilestone([ms(2, '2027-01-01'), ms(1, '2027-01-01')], '2026-12-04')?.n).toBe(1);
	});
});

describe('countdown', () => {
	it('reads naturally from today to months away, and when overdue', () => {
		expect(countdown(0)).toBe('today');
		expect(countdown(1)).toBe('tomorrow');
		expect(countdown(6)).toBe('in 6 days');
		expect(countdown(20)).toBe('in 20 days');
		expect(countdown(21)).toBe('in 3 weeks');
		expect(countdown(119)).toBe('in 17 weeks');
		expect(countdown(120)).toBe('in 4 months');
		expect(countdown(-1)).toBe('1 day overdue');
		expect(countdown(-33)).toBe('33 days overdue');
	});
});

describe('events between two days', () => {
	const ev = (
		id: string,
		nextOn: string | null,
		verdict: NetEvent['verdict'] = null
	): NetEvent => ({
		id,
		name: `Event ${id}`,
		kind: 'event',
		nextOn,
		timesAttended: 0,
		newPeople: null,
		servesGoal: null,
		verdict
	});

	it('are those dated inside the range, ends included, soonest first', () => {
		const got = eventsBetween(
			[
				ev('a', '2026-12-10'),
				ev('b', '2026-12-04'),
				ev('c', '2026-12-11'),
				ev('d', '2026-12-03'),
				ev('e', null)
			],
			'2026-12-04',
			'2026-12-10'
		);
		expect(got.map((e) => e.id)).toEqual(['b', 'a']);
	});

	it('leave out what the user decided to drop', () => {
		expect(
			eventsBetween(
				[ev('a', '2026-12-05', 'drop'), ev('b', '2026-12-05', 'keep')],
				'2026-12-04',
				'2026-12-10'
			).map((e) => e.id)
		).toEqual(['b']);
	});
});
