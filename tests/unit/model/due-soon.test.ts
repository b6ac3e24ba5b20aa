/**
 * One "due soon" window for People, Plan and Home: today and the six days after it. These pin
 * the boundary in every rule that uses it, so a screen can never say "due this week" for a day
 * another screen calls "later".
 */
import { describe, expect, it } from 'vitest';
import { followUpStatus, followUpsDue } from '$lib/model/cadence';
import { countDueSoon, countDues } from '$lib/model/keepInTouch';
import { addDays } from '$lib/model/dates';
import { actionStatus } from '$lib/model/plan';
import type { Action, Tier } from '$lib/model/records';
import { DUE_SOON_DAYS, isDueSoon, thisWeek } from '$lib/model/week';
import { contact } from './people-fixtures';

const TODAY = '2026-03-10';
const LAST_IN = addDays(TODAY, 6);
const FIRST_OUT = addDays(TODAY, 7);
const DEFAULTS: Record<Tier, number> = { inner: 14, key: 30, wider: 90 };
const action = (due: string): Action => ({
	id: due,
	text: 'Call',
	horizon: 30,
	due,
	done: false
});

describe('the due-soon window', () => {
	it('is today and the six days after it', () => {
		expect(DUE_SOON_DAYS).toBe(7);
		expect([-1, 0, 6, 7].map(isDueSoon)).toEqual([false, true, true, false]);
	});

	it('People: a follow-up on today + 6 is due this week, on today + 7 later', () => {
		const status = (day: string) => followUpStatus(contact({ followUpOn: day }), TODAY, DEFAULTS);
		expect(status(TODAY)).toBe('due-this-week');
		expect(status(LAST_IN)).toBe('due-this-week');
		expect(status(FIRST_OUT)).toBe('later');
		expect(countDueSoon([addDays(TODAY, -1), TODAY, LAST_IN, FIRST_OUT], TODAY)).toBe(2);
		// The same from the People summary's count per day.
		const byDay = [
			[addDays(TODAY, -1), 2],
			[TODAY, 1],
			[LAST_IN, 3],
			[FIRST_OUT, 4]
		] as const;
		expect(countDues(byDay, TODAY)).toEqual({ overdue: 2, dueSoon: 4 });
	});

	it('Home: follow-ups listed run to today + 6, overdue ones included', () => {
		const people = [addDays(TODAY, -1), LAST_IN, FIRST_OUT].map((day) =>
			contact({ id: day, name: day, followUpOn: day })
		);
		expect(followUpsDue(people, TODAY, DEFAULTS).map((f) => f.due)).toEqual([
			addDays(TODAY, -1),
			LAST_IN
		]);
		const week = thisWeek({
			now: new Date(`${TODAY}T09:00:00Z`),
			timeZone: 'UTC',
			slots: [],
			actions: [action(LAST_IN), action(FIRST_OUT)],
			followUps: [
				{ contactId: 'a', name: 'A', due: LAST_IN },
				{ contactId: 'b', name: 'B', due: FIRST_OUT }
			]
		});
		expect(week.end).toBe(LAST_IN);
		expect(week.actionsDue.map((a) => a.due)).toEqual([LAST_IN]);
		expect(week.followUps.map((f) => f.due)).toEqual([LAST_IN]);
	});

	it('Plan: an action due today + 6 is due soon, today + 7 later', () => {
		expect(actionStatus(action(TODAY), TODAY)).toBe('due-soon');
		expect(actionStatus(action(LAST_IN), TODAY)).toBe('due-soon');
		expect(actionStatus(action(FIRST_OUT), TODAY)).toBe('later');
	});
});
