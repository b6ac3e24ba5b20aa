import { describe, it, expect } from 'vitest';
import {
	OBSTACLES,
	OBSTACLE_IDS,
	STATEMENT_KEYS,
	getObstacle,
	isDiagnosisComplete,
	rankObstacles,
	scoreDiagnosis,
	statementKey,
	topObstacles,
	type ObstacleId
} from '$lib/model/diagnosis';
import { isStepId } from '$lib/model/stepIds';
import { OBSTACLE_QUESTIONS } from '$lib/content/diagnosis';

/** Rates every statement of one obstacle with the same value. */
function rateAll(id: ObstacleId, value: number): Record<string, number> {
	const obstacle = getObstacle(id);
	return Object.fromEntries(
		Array.from({ length: obstacle.statementCount }, (_, i) => [statementKey(id, i + 1), value])
	);
}

describe('the six obstacles', () => {
	it('follow the article order', () => {
		expect(OBSTACLES.map((o) => o.id)).toEqual([
			'mindset',
			'closed',
			'strategy',
			'proactive',
			'time',
			'followup'
		]);
		expect(OBSTACLE_IDS).toEqual(OBSTACLES.map((o) => o.id));
	});

	it('each have two or three first-person statements, a reframe and a step that helps', () => {
		for (const o of OBSTACLES) {
			const { statements, reflectionPrompt } = OBSTACLE_QUESTIONS[o.id];
			expect(statements.length, o.id).toBe(o.statementCount);
			expect(statements.length, o.id).toBeGreaterThanOrEqual(2);
			expect(statements.length, o.id).toBeLessThanOrEqual(3);
			for (const s of statements) expect(s, o.id).toMatch(/\b(I|me|my|mine)\b/);
			expect(reflectionPrompt, o.id).toMatch(/\?$/);
			expect(o.reframe.length, o.id).toBeGreaterThan(40);
			expect(isStepId(o.fixedBy), o.id).toBe(true);
			expect(o.fixedBy, o.id).not.toBe('diagnose');
		}
	});

	it('send each obstacle to the step that works on it', () => {
		expect(Object.fromEntries(OBSTACLES.map((o) => [o.id, o.fixedBy]))).toEqual({
			mindset: 'value',
			closed: 'map',
			strategy: 'goal',
			proactive: 'relate',
			time: 'plan',
			followup: 'relate'
		});
	});

	it('store ratings under diagnose.<obstacle>.<n>', () => {
		expect(statementKey('mindset', 1)).toBe('diagnose.mindset.1');
		expect(STATEMENT_KEYS).toHaveLength(OBSTACLES.reduce((n, o) => n + o.statementCount, 0));
		expect(STATEMENT_KEYS[0]).toBe('diagnose.mindset.1');
	});
});

describe('scoreDiagnosis', () => {
	it('gives no score when nothing is rated', () => {
		const scores = scoreDiagnosis({});
		expect(scores.map((s) => s.id)).toEqual(OBSTACLE_IDS);
		for (const s of scores) {
			expect(s.score).toBeNull();
			expect(s.answered).toBe(0);
			expect(s.total).toBe(OBSTACLE_QUESTIONS[s.id].statements.length);
		}
	});

	it('averages only the statements rated so far', () => {
		const [mindset] = scoreDiagnosis({ 'diagnose.mindset.1': 5, 'diagnose.mindset.2': 2 });
		expect(mindset).toEqual({ id: 'mindset', score: 3.5, answered: 2, total: 3 });
	});

	it('ignores values that are not ratings from 1 to 5', () => {
		const scores = scoreDiagnosis({
			'diagnose.closed.1': 0,
			'diagnose.closed.2': 6,
			'diagnose.closed.3': 3.5,
			'diagnose.strategy.1': '4',
			'diagnose.strategy.2': null,
			'diagnose.strategy.3': Number.NaN,
			'diagnose.time.1': 4,
			'diagnose.time.9': 1
		});
		const byId = Object.fromEntries(scores.map((s) => [s.id, s]));
		expect(byId.closed).toMatchObject({ score: null, answered: 0 });
		expect(byId.strategy).toMatchObject({ score: null, answered: 0 });
		expect(byId.time).toMatchObject({ score: 4, answered: 1 });
	});
});

describe('rankObstacles', () => {
	it('puts the obstacle that holds you back most first', () => {
		const ranked = rankObstacles({
			...rateAll('mindset', 2),
			...rateAll('closed', 5),
			...rateAll('strategy', 1),
			...rateAll('proactive', 4),
			...rateAll('time', 3),
			...rateAll('followup', 1)
		});
		expect(ranked.map((r) => r.id)).toEqual([
			'closed',
			'proactive',
			'time',
			'mindset',
			'strategy',
			'followup'
		]);
	});

	it('breaks ties by the article order, whatever order the answers came in', () => {
		const answers = { ...rateAll('followup', 4), ...rateAll('time', 4), ...rateAll('closed', 4) };
		expect(rankObstacles(answers).map((r) => r.id)).toEqual(['closed', 'time', 'followup']);
	});

	it('leaves out obstacles nobody has rated and ranks partly rated ones on what is there', () => {
		const ranked = rankObstacles({
			'diagnose.mindset.1': 3,
			'diagnose.strategy.2': 5,
			'diagnose.strategy.3': 4
		});
		expect(ranked).toEqual([
			{ id: 'strategy', score: 4.5, answered: 2, total: 3 },
			{ id: 'mindset', score: 3, answered: 1, total: 3 }
		]);
	});

	it('is empty before any rating', () => {
		expect(rankObstacles({})).toEqual([]);
	});
});

describe('topObstacles', () => {
	const answers = { ...rateAll('mindset', 3), ...rateAll('time', 5), ...rateAll('closed', 4) };

	it('gives the two biggest obstacles by default', () => {
		expect(topObstacles(answers).map((o) => o.id)).toEqual(['time', 'closed']);
	});

	it('gives fewer when fewer are rated, and honours the count', () => {
		expect(topObstacles(rateAll('proactive', 2)).map((o) => o.id)).toEqual(['proactive']);
		expect(topObstacles(answers, 1).map((o) => o.id)).toEqual(['time']);
		expect(topObstacles(answers, 0)).toEqual([]);
	});
});

describe('isDiagnosisComplete', () => {
	const all = Object.fromEntries(OBSTACLE_IDS.flatMap((id) => Object.entries(rateAll(id, 3))));

	it('needs every statement rated, not the reflections', () => {
		expect(isDiagnosisComplete(all)).toBe(true);
		expect(isDiagnosisComplete({ ...all, 'diagnose.followup.3': undefined })).toBe(false);
		expect(isDiagnosisComplete({ ...all, 'diagnose.mindset.2': 0 })).toBe(false);
	});
});
