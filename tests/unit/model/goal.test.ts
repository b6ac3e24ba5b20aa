import { describe, it, expect } from 'vitest';
import {
	GOAL_KEYS,
	defaultHorizon,
	horizonFit,
	isGoalComplete,
	milestonesFrom,
	targetTitle,
	timeLeft
} from '$lib/model/goal';

describe('defaultHorizon', () => {
	it('is three years from today', () => {
		expect(defaultHorizon('2026-03-10')).toBe('2029-03-10');
		expect(defaultHorizon('2025-12-31')).toBe('2028-12-31');
	});

	it('lands on 28 February when today is a leap day', () => {
		expect(defaultHorizon('2028-02-29')).toBe('2031-02-28');
	});
});

describe('horizonFit', () => {
	const today = '2026-03-10';

	it('accepts three to five years out', () => {
		expect(horizonFit(today, '2029-03-10')).toBeNull();
		expect(horizonFit(today, '2031-03-10')).toBeNull();
	});

	it('notes a horizon that is too near, too far or already past', () => {
		expect(horizonFit(today, '2026-03-09')).toBe('past');
		expect(horizonFit(today, '2026-03-10')).toBe('near');
		expect(horizonFit(today, '2029-03-09')).toBe('near');
		expect(horizonFit(today, '2031-03-11')).toBe('far');
	});
});

describe('milestonesFrom', () => {
	it('lists written milestones in order with valid due dates', () => {
		expect(
			milestonesFrom({
				[GOAL_KEYS.milestone1]: ' Lead a project ',
				[GOAL_KEYS.milestone1Due]: '2026-12-31',
				[GOAL_KEYS.milestone2]: '',
				[GOAL_KEYS.milestone2Due]: '2027-06-30',
				[GOAL_KEYS.milestone3]: 'Speak at a conference',
				[GOAL_KEYS.milestone3Due]: '2027-02-30'
			})
		).toEqual([
			{ n: 1, text: 'Lead a project', due: '2026-12-31' },
			{ n: 3, text: 'Speak at a conference', due: null }
		]);
	});
});

describe('isGoalComplete', () => {
	const done = {
		[GOAL_KEYS.statement]: 'Run the design team at a mission-led organisation',
		[GOAL_KEYS.horizon]: '2029-09-01',
		[GOAL_KEYS.milestone1]: 'Lead a cross-team project'
	};

	it('needs the goal, a horizon date and the first milestone', () => {
		expect(isGoalComplete(done)).toBe(true);
		expect(isGoalComplete({ ...done, [GOAL_KEYS.milestone2]: '' })).toBe(true);
	});

	it('is not complete with any of them blank or the date malformed', () => {
		expect(isGoalComplete({ ...done, [GOAL_KEYS.statement]: ' \n ' })).toBe(false);
		expect(isGoalComplete({ ...done, [GOAL_KEYS.horizon]: null })).toBe(false);
		expect(isGoalComplete({ ...done, [GOAL_KEYS.horizon]: 'soon' })).toBe(false);
		expect(isGoalComplete({ ...done, [GOAL_KEYS.milestone1]: undefined })).toBe(false);
		// A second milestone does not stand in for the first.
		expect(
			isGoalComplete({ ...done, [GOAL_KEYS.milestone1]: '', [GOAL_KEYS.milestone2]: 'x' })
		).toBe(false);
	});
});

describe('timeLeft and targetTitle', () => {
	it('says how far a date is in days, months or years', () => {
		expect(timeLeft('2026-01-01', '2025-12-31')).toBe('already past');
		expect(timeLeft('2026-01-01', '2026-01-02')).toBe('1 day away');
		expect(timeLeft('2026-01-01', '2026-04-01')).toBe('3 months away');
		expect(timeLeft('2026-01-01', '2029-01-01')).toBe('3 years away');
		expect(timeLeft('2026-01-01', '2029-03-01')).toBe('3 years 2 months away');
	});

	it('titles a target by role and place, whichever are written', () => {
		const t = (role: string, org: string, industry: string) => ({ role, org, industry });
		expect(targetTitle(t(' Head of Data ', 'Acme', 'Retail'))).toBe('Head of Data, Acme');
		expect(targetTitle(t('CTO', '', 'Retail'))).toBe('CTO, Retail');
		expect(targetTitle(t('', '', ''))).toBe('Someone I need to know');
	});
});
