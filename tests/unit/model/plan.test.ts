import { describe, it, expect } from 'vitest';
import {
	DEFAULT_CADENCE_DAYS,
	actionStatus,
	cadenceDefaults,
	cadenceKey,
	duringWorkDay,
	minutesOfDay,
	suggestVerdict,
	weeklyHours,
	actionsByHorizon,
	parseCadence,
	sortSlots,
	tidyLine
} from '$lib/model/plan';
import type { Action, NetEvent, Slot } from '$lib/model/records';

function slot(weekday: number, start: string, minutes = 30): Slot {
	return { id: `s-${weekday}-${start}`, weekday, start, minutes, kind: 'coffee' };
}

function event(patch: Partial<NetEvent>): NetEvent {
	return {
		id: 'e1',
		name: 'Women in Product breakfast',
		kind: 'event',
		nextOn: null,
		timesAttended: 0,
		newPeople: null,
		servesGoal: null,
		verdict: null,
		...patch
	};
}

function action(due: string | null, done = false): Action {
	return { id: 'a1', text: 'Ask Priya for an introduction', horizon: 30, due, done };
}

describe('keep-in-touch cadence', () => {
	it('defaults to 30, 60 and 120 days by tier', () => {
		expect(DEFAULT_CADENCE_DAYS).toEqual({ inner: 30, key: 60, wider: 120 });
		expect(cadenceDefaults({})).toEqual(DEFAULT_CADENCE_DAYS);
	});

	it('uses what the user set, and falls back for blank or out-of-range values', () => {
		expect(
			cadenceDefaults({
				[cadenceKey('inner')]: 14,
				[cadenceKey('key')]: 3,
				[cadenceKey('wider')]: null
			})
		).toEqual({ inner: 14, key: 60, wider: 120 });
		expect(cadenceDefaults({ 'plan.cadence.wider': 400 }).wider).toBe(120);
		expect(cadenceDefaults({ 'plan.cadence.key': '45' }).key).toBe(60);
	});
});

describe('weeklyHours', () => {
	it('adds up the minutes of every slot', () => {
		expect(weeklyHours([])).toBe(0);
		expect(weeklyHours([slot(1, '08:30', 30), slot(3, '12:30', 60)])).toBe(1.5);
	});

	it('counts a slot with no sensible length as nothing', () => {
		expect(
			weeklyHours([slot(1, '09:00', -30), slot(2, '09:00', Number.NaN), slot(3, '09:00', 45)])
		).toBe(0.75);
	});
});

describe('minutesOfDay', () => {
	it('reads HH:MM and rejects anything else', () => {
		expect(minutesOfDay('00:00')).toBe(0);
		expect(minutesOfDay('9:05')).toBe(545);
		expect(minutesOfDay('23:59')).toBe(1439);
		for (const bad of ['24:00', '12:60', '1230', '', 'noon']) expect(minutesOfDay(bad)).toBeNull();
	});
});

describe('duringWorkDay', () => {
	it('is true for weekday slots starting from 08:00 and before 17:00', () => {
		expect(duringWorkDay(slot(1, '08:00'))).toBe(true);
		expect(duringWorkDay(slot(3, '12:30'))).toBe(true);
		expect(duringWorkDay(slot(5, '16:59'))).toBe(true);
	});

	it('is false before work, after work, at weekends and for bad data', () => {
		expect(duringWorkDay(slot(2, '07:59'))).toBe(false);
		expect(duringWorkDay(slot(5, '17:00'))).toBe(false);
		expect(duringWorkDay(slot(4, '19:00'))).toBe(false);
		expect(duringWorkDay(slot(6, '10:00'))).toBe(false);
		expect(duringWorkDay(slot(7, '10:00'))).toBe(false);
		expect(duringWorkDay(slot(0, '10:00'))).toBe(false);
		expect(duringWorkDay(slot(2, 'lunch'))).toBe(false);
	});
});

describe('suggestVerdict', () => {
	it('waits until the event has been tried and both questions answered', () => {
		expect(
			suggestVerdict(event({ timesAttended: 0, newPeople: true, servesGoal: true }))
		).toBeNull();
		expect(
			suggestVerdict(event({ timesAttended: 1, newPeople: true, servesGoal: null }))
		).toBeNull();
		expect(
			suggestVerdict(event({ timesAttended: 2, newPeople: null, servesGoal: false }))
		).toBeNull();
	});

	it('keeps what brings new people and serves the goal', () => {
		expect(suggestVerdict(event({ timesAttended: 1, newPeople: true, servesGoal: true }))).toBe(
			'keep'
		);
	});

	it('drops what does neither', () => {
		expect(suggestVerdict(event({ timesAttended: 2, newPeople: false, servesGoal: false }))).toBe(
			'drop'
		);
	});

	it('leaves a mixed result to the user', () => {
		expect(
			suggestVerdict(event({ timesAttended: 2, newPeople: true, servesGoal: false }))
		).toBeNull();
		expect(
			suggestVerdict(event({ timesAttended: 1, newPeople: false, servesGoal: true }))
		).toBeNull();
	});
});

describe('actionStatus', () => {
	const today = '2026-03-10';

	it('says done for a finished action, even one that was late', () => {
		expect(actionStatus(action('2026-01-01', true), today)).toBe('done');
	});

	it('says undated without a valid due date', () => {
		expect(actionStatus(action(null), today)).toBe('undated');
		expect(actionStatus(action('next week'), today)).toBe('undated');
	});

	it('says overdue from the day after the due date', () => {
		expect(actionStatus(action('2026-03-09'), today)).toBe('overdue');
		expect(actionStatus(action('2025-11-30'), today)).toBe('overdue');
	});

	it('says due soon from today to six days ahead, later after that', () => {
		expect(actionStatus(action('2026-03-10'), today)).toBe('due-soon');
		expect(actionStatus(action('2026-03-16'), today)).toBe('due-soon');
		expect(actionStatus(action('2026-03-17'), today)).toBe('later');
	});

	it('counts across a year end', () => {
		expect(actionStatus(action('2026-01-02'), '2025-12-28')).toBe('due-soon');
		expect(actionStatus(action('2026-01-04'), '2025-12-28')).toBe('later');
	});
});

describe('plan lists and inputs', () => {
	const slot = (id: string, weekday: number, start: string) =>
		({ id, weekday, start, minutes: 30, kind: 'coffee' }) as const;
	const action = (id: string, horizon: 30 | 60 | 90, due: string | null, done = false) => ({
		id,
		text: id,
		horizon,
		due,
		done
	});

	it('orders slots by weekday, then start', () => {
		const out = sortSlots([slot('a', 3, '09:00'), slot('b', 1, '12:00'), slot('c', 1, '08:30')]);
		expect(out.map((s) => s.id)).toEqual(['c', 'b', 'a']);
	});

	it('groups actions by horizon, open first, then by due date, undated last', () => {
		const groups = actionsByHorizon([
			action('late', 30, '2026-05-01'),
			action('done', 30, '2026-01-01', true),
			action('undated', 30, null),
			action('soon', 30, '2026-02-01'),
			action('ninety', 90, null)
		]);
		expect(groups.map((g) => [g.horizon, g.items.map((a) => a.id)])).toEqual([
			[30, ['soon', 'late', 'undated', 'done']],
			[60, []],
			[90, ['ninety']]
		]);
	});

	it('reads a typed cadence: blank clears, whole days in range stay, the rest is refused', () => {
		expect(parseCadence(' ')).toBeNull();
		expect(parseCadence('7')).toBe(7);
		expect(parseCadence('365')).toBe(365);
		expect(parseCadence('6')).toBe('invalid');
		expect(parseCadence('366')).toBe('invalid');
		expect(parseCadence('10.5')).toBe('invalid');
		expect(parseCadence('ten')).toBe('invalid');
	});

	it('tidies a typed line', () => {
		expect(tidyLine('  Data   meetup ')).toBe('Data meetup');
	});
});
