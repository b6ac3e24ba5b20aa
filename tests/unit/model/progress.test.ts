import { describe, it, expect } from 'vitest';
import { OBSTACLE_IDS, STATEMENT_KEYS } from '$lib/model/diagnosis';
import { GOAL_KEYS } from '$lib/model/goal';
import {
	CHAMPIONS_MIN,
	MAP_MIN_CONTACTS_WITH_ROLES,
	isStepComplete,
	workbookProgress,
	type ProgressInput
} from '$lib/model/progress';
import { VALUE_KEYS } from '$lib/model/value';

const EMPTY: ProgressInput = {
	answers: {},
	contacts: 0,
	contactsWithRoles: 0,
	conversations: 0,
	champions: 0,
	targets: 0,
	slots: 0,
	actions: 0,
	offers: 0
};

const ALL_RATED = Object.fromEntries(STATEMENT_KEYS.map((k) => [k, 2]));
const GOAL = {
	[GOAL_KEYS.statement]: 'Head of research at a public-health organisation',
	[GOAL_KEYS.horizon]: '2029-06-30',
	[GOAL_KEYS.milestone1]: 'Publish the survey'
};
const VALUE = { [VALUE_KEYS.statement]: 'I help clinics cut waiting times.' };

const EVERYTHING: ProgressInput = {
	answers: { ...ALL_RATED, ...GOAL, ...VALUE },
	contacts: 12,
	contactsWithRoles: 6,
	conversations: 3,
	champions: 2,
	targets: 2,
	slots: 2,
	actions: 4,
	offers: 3
};

describe('isStepComplete', () => {
	it('leaves every step undone in a new workbook', () => {
		expect(workbookProgress(EMPTY)).toEqual({
			done: [],
			count: 0,
			total: 7,
			firstUnfinished: 'diagnose'
		});
	});

	it('diagnose: every statement rated; reflections are optional', () => {
		expect(isStepComplete('diagnose', { ...EMPTY, answers: ALL_RATED })).toBe(true);
		const oneMissing = {
			...ALL_RATED,
			[STATEMENT_KEYS[STATEMENT_KEYS.length - 1] as string]: null
		};
		expect(isStepComplete('diagnose', { ...EMPTY, answers: oneMissing })).toBe(false);
		const reflectionsOnly = Object.fromEntries(
			OBSTACLE_IDS.map((id) => [`diagnose.${id}.reflection`, 'Honest line'])
		);
		expect(isStepComplete('diagnose', { ...EMPTY, answers: reflectionsOnly })).toBe(false);
	});

	it('goal: statement, horizon and first milestone, none blank', () => {
		expect(isStepComplete('goal', { ...EMPTY, answers: GOAL })).toBe(true);
		expect(
			isStepComplete('goal', { ...EMPTY, answers: { ...GOAL, [GOAL_KEYS.statement]: '  ' } })
		).toBe(false);
		expect(
			isStepComplete('goal', { ...EMPTY, answers: { ...GOAL, [GOAL_KEYS.horizon]: '' } })
		).toBe(false);
	});

	it('value: a statement, or all four builder parts', () => {
		expect(isStepComplete('value', { ...EMPTY, answers: VALUE })).toBe(true);
		const parts = {
			[VALUE_KEYS.whoIHelp]: 'clinics',
			[VALUE_KEYS.outcome]: 'cut waiting times',
			[VALUE_KEYS.how]: 'redesigning booking',
			[VALUE_KEYS.evidence]: 'Waits fell 30%'
		};
		expect(isStepComplete('value', { ...EMPTY, answers: parts })).toBe(true);
		expect(isStepComplete('value', { ...EMPTY, answers: { ...parts, [VALUE_KEYS.how]: '' } })).toBe(
			false
		);
	});

	it('map: at least five contacts with a role, however many contacts there are', () => {
		expect(MAP_MIN_CONTACTS_WITH_ROLES).toBe(5);
		expect(isStepComplete('map', { ...EMPTY, contacts: 40, contactsWithRoles: 4 })).toBe(false);
		expect(isStepComplete('map', { ...EMPTY, contacts: 5, contactsWithRoles: 5 })).toBe(true);
	});

	it('relate: one logged conversation', () => {
		expect(isStepComplete('relate', { ...EMPTY, contacts: 10 })).toBe(false);
		expect(isStepComplete('relate', { ...EMPTY, conversations: 1 })).toBe(true);
	});

	it('champions: more than one ally or champion, as the step says', () => {
		expect(isStepComplete('champions', { ...EMPTY, contacts: 10, contactsWithRoles: 10 })).toBe(
			false
		);
		expect(isStepComplete('champions', { ...EMPTY, champions: 1 })).toBe(false);
		expect(isStepComplete('champions', { ...EMPTY, champions: 2 })).toBe(true);
		expect(CHAMPIONS_MIN).toBeGreaterThan(1);
	});

	it('plan: a slot and an action, not one without the other', () => {
		expect(isStepComplete('plan', { ...EMPTY, slots: 1 })).toBe(false);
		expect(isStepComplete('plan', { ...EMPTY, actions: 3 })).toBe(false);
		expect(isStepComplete('plan', { ...EMPTY, slots: 1, actions: 1 })).toBe(true);
	});

	it('is not satisfied by the plan cadence defaults alone', () => {
		const answers = { 'plan.cadence.inner': 30, 'plan.cadence.key': 60, 'plan.cadence.wider': 120 };
		expect(isStepComplete('plan', { ...EMPTY, answers })).toBe(false);
	});
});

describe('workbookProgress', () => {
	it('lists done steps in workbook order and points at the first gap', () => {
		const progress = workbookProgress({
			...EMPTY,
			answers: { ...VALUE, ...ALL_RATED },
			conversations: 2,
			slots: 1,
			actions: 1
		});
		expect(progress.done).toEqual(['diagnose', 'value', 'relate', 'plan']);
		expect(progress.count).toBe(4);
		expect(progress.firstUnfinished).toBe('goal');
	});

	it('points at a late step when only it is missing', () => {
		expect(workbookProgress({ ...EVERYTHING, champions: 0 }).firstUnfinished).toBe('champions');
	});

	it('reports the whole workbook done with nothing left to continue', () => {
		expect(workbookProgress(EVERYTHING)).toEqual({
			done: ['diagnose', 'goal', 'value', 'map', 'relate', 'champions', 'plan'],
			count: 7,
			total: 7,
			firstUnfinished: null
		});
	});
});
