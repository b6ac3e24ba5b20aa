import { describe, expect, it } from 'vitest';
import {
	conversationsInWeek,
	DEFAULT_REVIEW_DAY,
	inWeek,
	isReviewDay,
	missedLastWeek,
	newestFirst,
	nextReviewDate,
	nextWeekStart,
	reachFollowUp,
	reviewCheckIn,
	reviewedWeeks,
	reviewStatus,
	reviewStreak,
	reviewSummary,
	weekStart
} from '../../../src/lib/model/review';
import { isoDateIn } from '../../../src/lib/model/dates';

const weeks = (...doneOn: string[]) => reviewedWeeks(doneOn.map((d) => ({ doneOn: d })));

describe('weeks', () => {
	it('start on Monday, whatever day of the week it is', () => {
		// 2026-12-04 is a Friday.
		expect(weekStart('2026-12-04')).toBe('2026-11-30');
		expect(weekStart('2026-11-30')).toBe('2026-11-30');
		expect(weekStart('2026-12-06')).toBe('2026-11-30'); // Sunday belongs to the week before it
		expect(weekStart('2026-12-07')).toBe('2026-12-07');
		// Across a year end and a leap day.
		expect(weekStart('2027-01-01')).toBe('2026-12-28');
		expect(weekStart('2028-03-01')).toBe('2028-02-28');
	});

	it('are counted in the user’s calendar days, not UTC', () => {
		// 23:30 on Sunday in New York is already Monday in UTC: the review still counts for the
		// week that is ending on the user's clock.
		const moment = new Date('2026-12-07T04:30:00Z');
		expect(weekStart(isoDateIn(moment, 'America/New_York'))).toBe('2026-11-30');
		expect(weekStart(isoDateIn(moment, 'UTC'))).toBe('2026-12-07');
		// 00:30 on Monday in Auckland is still Sunday in UTC.
		const early = new Date('2026-12-06T11:30:00Z');
		expect(weekStart(isoDateIn(early, 'Pacific/Auckland'))).toBe('2026-12-07');
	});

	it('hold a day when it is between their Monday and Sunday', () => {
		expect(inWeek('2026-11-30', '2026-11-30')).toBe(true);
		expect(inWeek('2026-12-06', '2026-11-30')).toBe(true);
		expect(inWeek('2026-12-07', '2026-11-30')).toBe(false);
		expect(inWeek('2026-11-29', '2026-11-30')).toBe(false);
		expect(conversationsInWeek([{ on: '2026-11-29' }, { on: '2026-12-01' }], '2026-11-30')).toBe(1);
		expect(nextWeekStart('2026-12-04')).toBe('2026-12-07');
		expect(nextWeekStart('2026-12-06')).toBe('2026-12-07');
	});

	it('count each reviewed week once', () => {
		expect([...weeks('2026-12-01', '2026-12-04', '2026-11-27')].sort()).toEqual([
			'2026-11-23',
			'2026-11-30'
		]);
	});
});

describe('review day', () => {
	it('is an ISO weekday, Friday by default', () => {
		expect(DEFAULT_REVIEW_DAY).toBe(5);
		expect([1, 7].every(isReviewDay)).toBe(true);
		expect([0, 8, 2.5, '5', null].some(isReviewDay)).toBe(false);
	});

	it('makes the review due from that day until the week ends, and done once there is one', () => {
		const none = weeks();
		expect(reviewStatus(none, '2026-12-03', 5)).toBe('upcoming'); // Thursday
		expect(reviewStatus(none, '2026-12-04', 5)).toBe('due'); // Friday
		expect(reviewStatus(none, '2026-12-06', 5)).toBe('due'); // Sunday: still this week
		expect(reviewStatus(weeks('2026-12-01'), '2026-12-04', 5)).toBe('done');
		// A review done early in the week counts for it, before the review day.
		expect(reviewStatus(weeks('2026-12-02'), '2026-12-02', 5)).toBe('done');
		// Next Monday starts a new week with nothing done.
		expect(reviewStatus(weeks('2026-12-04'), '2026-12-07', 1)).toBe('due');
		expect(reviewStatus(weeks('2026-12-04'), '2026-12-07', 5)).toBe('upcoming');
	});

	it('gives the next date the review falls on', () => {
		expect(nextReviewDate('2026-12-01', 5, false)).toBe('2026-12-04');
		expect(nextReviewDate('2026-12-04', 5, false)).toBe('2026-12-04');
		expect(nextReviewDate('2026-12-05', 5, false)).toBe('2026-12-05'); // overdue: today
		expect(nextReviewDate('2026-12-04', 5, true)).toBe('2026-12-11');
	});
});

describe('streak', () => {
	it('counts weeks in a row back from this week', () => {
		expect(reviewStreak(weeks('2026-12-04', '2026-11-27', '2026-11-20'), '2026-12-04')).toBe(3);
	});

	it('is not broken while this week’s review is still ahead', () => {
		expect(reviewStreak(weeks('2026-11-27', '2026-11-20'), '2026-12-01')).toBe(2);
	});

	it('starts again after a week without a review', () => {
		expect(reviewStreak(weeks('2026-12-04', '2026-11-20', '2026-11-13'), '2026-12-04')).toBe(1);
		expect(reviewStreak(weeks('2026-11-20'), '2026-12-04')).toBe(0);
		expect(reviewStreak(weeks(), '2026-12-04')).toBe(0);
	});

	it('counts two reviews in one week once', () => {
		expect(reviewStreak(weeks('2026-12-04', '2026-12-05'), '2026-12-06')).toBe(1);
	});

	it('crosses a year end', () => {
		expect(reviewStreak(weeks('2027-01-01', '2026-12-25', '2026-12-18'), '2027-01-02')).toBe(3);
	});
});

describe('missed last week', () => {
	it('is said only to someone who had started, and only about last week', () => {
		expect(missedLastWeek(weeks(), '2026-12-04')).toBe(false);
		expect(missedLastWeek(weeks('2026-11-20'), '2026-12-04')).toBe(true);
		expect(missedLastWeek(weeks('2026-11-27'), '2026-12-04')).toBe(false);
	});

	it('is forgotten once this week’s review is done', () => {
		expect(missedLastWeek(weeks('2026-11-20', '2026-12-03'), '2026-12-04')).toBe(false);
	});

	it('is not said on the first week someone reviews', () => {
		expect(missedLastWeek(weeks('2026-12-01'), '2026-12-04')).toBe(false);
	});
});

describe('people to reach', () => {
	it('get a follow-up on Monday of next week, unless theirs is sooner', () => {
		expect(reachFollowUp(null, '2026-12-04')).toBe('2026-12-07');
		expect(reachFollowUp('2026-12-20', '2026-12-04')).toBe('2026-12-07');
		expect(reachFollowUp('2026-12-05', '2026-12-04')).toBe('2026-12-05');
	});
});

describe('summary', () => {
	const base = {
		conversations: 3,
		actionsDone: ['Email Ana'],
		overdue: ['Bo', 'Cy'],
		slots: ['Tue 08:30 · Coffee', 'Thu 12:00 · Lunch'],
		reachNames: ['Ana Silva', 'Dev Rao'],
		wentWell: '  Met Ana at last ',
		inTheWay: ' Travel '
	};

	it('says what was done and what is next in a line each, and keeps the two lines', () => {
		expect(reviewSummary(base)).toEqual({
			did: '3 conversations, 1 action done.',
			next: 'Reach Ana Silva and Dev Rao; 2 networking slots; catch up with 2 overdue contacts.',
			stuck: 'Travel',
			well: 'Met Ana at last'
		});
	});

	it('reads well with one of everything and with nothing at all', () => {
		expect(
			reviewSummary({
				...base,
				conversations: 1,
				actionsDone: [],
				overdue: ['Bo'],
				slots: ['Tue 08:30 · Coffee'],
				reachNames: ['Ana']
			})
		).toMatchObject({
			did: '1 conversation.',
			next: 'Reach Ana; 1 networking slot; catch up with 1 overdue contact.'
		});
		expect(
			reviewSummary({
				conversations: 0,
				actionsDone: [],
				overdue: [],
				slots: [],
				reachNames: [],
				wentWell: '',
				inTheWay: ''
			})
		).toEqual({ did: '0 conversations.', next: 'Nothing planned yet.', stuck: '', well: '' });
	});

	it('lists three people with commas and "and"', () => {
		expect(reviewSummary({ ...base, reachNames: ['A', 'B', 'C'] }).next).toMatch(
			/^Reach A, B and C;/
		);
	});

	it('becomes a partner check-in, the win joining what was done', () => {
		const s = reviewSummary(base);
		expect(reviewCheckIn(s)).toEqual({
			did: '3 conversations, 1 action done. Met Ana at last',
			next: s.next,
			stuck: 'Travel'
		});
		expect(reviewCheckIn({ ...s, well: '' }).did).toBe('3 conversations, 1 action done.');
	});
});

describe('history order', () => {
	it('is newest week first, then the later review of a week', () => {
		const r = (id: string, week: string, doneOn: string) => ({ id, week, doneOn });
		expect(
			newestFirst([
				r('a', '2026-11-23', '2026-11-27'),
				r('b', '2026-11-30', '2026-12-01'),
				r('c', '2026-11-30', '2026-12-04')
			]).map((x) => x.id)
		).toEqual(['c', 'b', 'a']);
	});
});
