import { OBSTACLE_QUESTIONS } from '../../../src/lib/content/diagnosis';
import { describe, it, expect } from 'vitest';
import {
	ARTICLE_CREDIT,
	FIELDS,
	STEPS,
	STEP_IDS,
	getField,
	getStep,
	isStepId,
	nextStep,
	previousStep,
	type Field,
	type Step
} from '$lib/content/steps';
import { OBSTACLES, STATEMENT_KEYS } from '$lib/model/diagnosis';
import { GOAL_KEYS } from '$lib/model/goal';
import { cadenceKey, CADENCE_MAX_DAYS, CADENCE_MIN_DAYS } from '$lib/model/plan';
import { isStepComplete, type ProgressInput } from '$lib/model/progress';
import { TIERS } from '$lib/model/records';
import { VALUE_KEYS } from '$lib/model/value';

const NO_RECORDS: Omit<ProgressInput, 'answers'> = {
	contacts: 0,
	contactsWithRoles: 0,
	conversations: 0,
	champions: 0,
	targets: 0,
	slots: 0,
	actions: 0,
	offers: 0
};

/** A valid answer of the field's kind. */
function sampleAnswer(field: Field): string | number {
	switch (field.kind) {
		case 'text':
		case 'longtext':
			return 'Something real';
		case 'date':
			return '2029-06-30';
		case 'rating':
			return 3;
		case 'number':
			return field.min;
	}
}

function requiredAnswers(step: Step): Record<string, string | number> {
	return Object.fromEntries(
		step.fields.filter((f) => f.required).map((f) => [f.key, sampleAnswer(f)])
	);
}

describe('the seven steps', () => {
	it('come in the article order with numbers 1 to 7', () => {
		expect(STEPS.map((s) => s.id)).toEqual([
			'diagnose',
			'goal',
			'value',
			'map',
			'relate',
			'champions',
			'plan'
		]);
		expect(STEP_IDS).toEqual(STEPS.map((s) => s.id));
		expect(STEPS.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
	});

	it('have short navigation titles and the diagnose title from the article', () => {
		expect(STEPS.map((s) => s.navTitle)).toEqual([
			'Diagnose',
			'Goal',
			'Value',
			'Map',
			'Relate',
			'Champions',
			'Plan'
		]);
		expect(getStep('diagnose').title).toBe('What holds you back?');
		for (const step of STEPS) expect(step.navTitle.split(' ').length).toBeLessThanOrEqual(2);
	});

	it('each say why in two or three sentences and give coaching questions', () => {
		for (const step of STEPS) {
			const sentences = step.why.split(/(?<=[.!?])\s+/).filter(Boolean);
			expect(sentences.length, step.id).toBeGreaterThanOrEqual(2);
			expect(sentences.length, step.id).toBeLessThanOrEqual(3);
			expect(step.prompts.length, step.id).toBeGreaterThanOrEqual(3);
			for (const prompt of step.prompts) expect(prompt, step.id).toMatch(/\?$/);
		}
	});

	it('credit the article and spell organisation the British way', () => {
		expect(ARTICLE_CREDIT).toBe('Based on an article originally published at Forbes.');
		const allText = JSON.stringify([STEPS, OBSTACLES]);
		expect(allText).not.toMatch(/organiz/i);
		expect(allText).toMatch(/organisation/);
	});
});

describe('fields', () => {
	it('have keys that are unique and made of the step id and the field id', () => {
		const keys = FIELDS.map((f) => f.key);
		expect(new Set(keys).size).toBe(keys.length);
		for (const step of STEPS) {
			const ids = step.fields.map((f) => f.id);
			expect(new Set(ids).size, step.id).toBe(ids.length);
			for (const field of step.fields) expect(field.key).toBe(`${step.id}.${field.id}`);
		}
	});

	it('point only at groups their step declares', () => {
		for (const step of STEPS) {
			const groups = new Set(step.groups.map((g) => g.id));
			for (const field of step.fields) {
				if (field.group !== undefined) expect(groups.has(field.group), field.key).toBe(true);
			}
		}
	});

	it('are looked up by answer key', () => {
		expect(getField('goal.horizon')?.kind).toBe('date');
		expect(getField('diagnose.mindset.1')?.kind).toBe('rating');
		expect(getField('goal.nothing')).toBeUndefined();
	});

	it('ask the goal, a horizon date and a first milestone, with later milestones optional', () => {
		const goal = getStep('goal');
		const byKey = new Map(goal.fields.map((f) => [f.key, f]));
		expect(byKey.get(GOAL_KEYS.statement)).toMatchObject({
			kind: 'longtext',
			required: true,
			label: 'Where do you want to be in 3–5 years?'
		});
		expect(byKey.get(GOAL_KEYS.horizon)).toMatchObject({ kind: 'date', required: true });
		expect(byKey.get(GOAL_KEYS.milestone1)).toMatchObject({ kind: 'text', required: true });
		for (const key of [
			GOAL_KEYS.milestone2,
			GOAL_KEYS.milestone3,
			GOAL_KEYS.milestone1Due,
			GOAL_KEYS.milestone2Due,
			GOAL_KEYS.milestone3Due
		]) {
			expect(byKey.get(key), key).toBeDefined();
			expect(byKey.get(key)?.required, key).toBeFalsy();
		}
		expect(byKey.get(GOAL_KEYS.milestone3Due)?.kind).toBe('date');
	});

	it('build the value statement from four text parts into one long text', () => {
		const kinds = Object.fromEntries(getStep('value').fields.map((f) => [f.key, f.kind]));
		expect(kinds).toEqual({
			[VALUE_KEYS.whoIHelp]: 'text',
			[VALUE_KEYS.outcome]: 'text',
			[VALUE_KEYS.how]: 'text',
			[VALUE_KEYS.evidence]: 'text',
			[VALUE_KEYS.statement]: 'longtext'
		});
		expect(getStep('value').lists.map((l) => l.id)).toContain('offers');
	});

	it('generate the diagnose ratings from the obstacles, one group and reflection each', () => {
		const step = getStep('diagnose');
		expect(step.groups.map((g) => g.id)).toEqual(OBSTACLES.map((o) => o.id));
		const ratings = step.fields.filter((f) => f.kind === 'rating');
		expect(ratings.map((f) => f.key)).toEqual(STATEMENT_KEYS);
		expect(ratings.every((f) => f.required)).toBe(true);
		for (const obstacle of OBSTACLES) {
			const own = step.fields.filter((f) => f.group === obstacle.id);
			expect(own.filter((f) => f.kind === 'rating').map((f) => f.label)).toEqual(
				OBSTACLE_QUESTIONS[obstacle.id].statements
			);
			expect(own.filter((f) => f.kind === 'text').map((f) => f.key)).toEqual([
				`diagnose.${obstacle.id}.reflection`
			]);
		}
		expect(getField('diagnose.followup.2')?.label).toBe(OBSTACLE_QUESTIONS.followup.statements[1]);
	});

	it('leave map, relate and champions to records', () => {
		for (const id of ['map', 'relate', 'champions'] as const) {
			expect(getStep(id).fields, id).toEqual([]);
			expect(getStep(id).lists.length, id).toBeGreaterThan(0);
		}
	});

	it('keep the plan cadence per tier as bounded numbers of days', () => {
		const fields = getStep('plan').fields;
		expect(fields.map((f) => f.key)).toEqual(TIERS.map(cadenceKey));
		expect(fields.map((f) => f.key)).toEqual([
			'plan.cadence.inner',
			'plan.cadence.key',
			'plan.cadence.wider'
		]);
		for (const field of fields) {
			expect(field).toMatchObject({
				kind: 'number',
				min: CADENCE_MIN_DAYS,
				max: CADENCE_MAX_DAYS,
				unit: 'days'
			});
		}
	});
});

describe('required fields agree with step completion', () => {
	const withRequired = STEPS.filter((s) => s.fields.some((f) => f.required));

	it('covers the steps that store answers', () => {
		expect(withRequired.map((s) => s.id)).toEqual(['diagnose', 'goal', 'value']);
	});

	it.each(withRequired.map((s) => [s.id, s] as const))(
		'%s is done with exactly its required answers, and not with one missing',
		(_id, step) => {
			const answers = requiredAnswers(step);
			expect(isStepComplete(step.id, { ...NO_RECORDS, answers })).toBe(true);
			for (const key of Object.keys(answers)) {
				const missing = { ...answers, [key]: '' };
				expect(isStepComplete(step.id, { ...NO_RECORDS, answers: missing }), key).toBe(false);
			}
		}
	);
});

describe('step lookup and navigation', () => {
	it('recognises step ids and nothing else, so it can guard a route param', () => {
		for (const id of STEP_IDS) expect(isStepId(id)).toBe(true);
		for (const x of ['Diagnose', '', 'step', 'constructor', '__proto__', 1, null, undefined]) {
			expect(isStepId(x)).toBe(false);
		}
	});

	it('walks forwards and backwards, stopping at the ends', () => {
		expect(nextStep('diagnose')?.id).toBe('goal');
		expect(nextStep('champions')?.id).toBe('plan');
		expect(nextStep('plan')).toBeNull();
		expect(previousStep('goal')?.id).toBe('diagnose');
		expect(previousStep('plan')?.id).toBe('champions');
		expect(previousStep('diagnose')).toBeNull();
	});

	it('throws on an id that is not a step', () => {
		expect(() => getStep('nope' as never)).toThrow(RangeError);
	});
});
