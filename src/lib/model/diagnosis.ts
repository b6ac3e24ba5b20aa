/**
 * Step 1: the six obstacles that keep a network from serving a career, in the article's order,
 * and how a set of ratings turns into "what holds you back most". This file is the one source
 * of truth for the obstacles: `content/steps.ts` builds the diagnose step's fields from it.
 *
 * Every statement is written in the first person so that agreeing (5) always means the
 * obstacle holds you back more; a higher score is a bigger obstacle.
 */
import { isRating } from './answers';
import type { StepId } from './stepIds';

export const OBSTACLE_IDS = [
	'mindset',
	'closed',
	'strategy',
	'proactive',
	'time',
	'followup'
] as const;
export type ObstacleId = (typeof OBSTACLE_IDS)[number];

export interface Obstacle {
	id: ObstacleId;
	/** Short name for lists and Home: "A self-serving mindset". */
	name: string;
	/**
	 * How many first-person statements are rated 1–5 (their wording is content, in
	 * content/diagnosis.ts, so Home need not load it); agreeing means it holds you back more.
	 */
	statementCount: number;
	/** The other way to see it, in the article's spirit. */
	reframe: string;
	/** The workbook step that works on this obstacle. */
	fixedBy: StepId;
}

export const OBSTACLES: readonly Obstacle[] = [
	{
		id: 'mindset',
		name: 'A self-serving mindset',
		statementCount: 3,
		reframe:
			'Good networking is an exchange, not a favour. Learn what others are working on and where you could help; asking comes easily once you have given.',
		fixedBy: 'value'
	},
	{
		id: 'closed',
		name: 'A closed network',
		statementCount: 3,
		reframe:
			'People like you tend to know what you already know. Reaching beyond your team, field and background brings new ideas and new introductions.',
		fixedBy: 'map'
	},
	{
		id: 'strategy',
		name: 'No strategy',
		statementCount: 3,
		reframe:
			'Start from where you want to be in three to five years, then ask who you already know and who you still need to know to get there.',
		fixedBy: 'goal'
	},
	{
		id: 'proactive',
		name: 'Waiting until you need help',
		statementCount: 3,
		reframe:
			'Build relationships before you need them. A short check-in now makes for a warm conversation later instead of an awkward cold ask.',
		fixedBy: 'relate'
	},
	{
		id: 'time',
		name: 'No time set aside',
		statementCount: 3,
		reframe:
			'Put it in the calendar: a weekly coffee or lunch during the working day counts, and you can choose the few evening events worth your time.',
		fixedBy: 'plan'
	},
	{
		id: 'followup',
		name: 'No follow-up',
		statementCount: 3,
		reframe:
			'A first conversation is only a beginning. Follow up, get to know what people care about and let them get to know you; that is how contacts become allies and champions.',
		// Following up is scheduled in Relate: logging a conversation sets its follow-up day and
		// keeps the promise you made open until delivered (Plan only sets the default cadence).
		fixedBy: 'relate'
	}
];

const OBSTACLES_BY_ID = new Map(OBSTACLES.map((o) => [o.id, o]));

export function getObstacle(id: ObstacleId): Obstacle {
	const obstacle = OBSTACLES_BY_ID.get(id);
	if (!obstacle) throw new RangeError(`Unknown obstacle: ${id}`);
	return obstacle;
}

/** The answer key of an obstacle's statement, counting from 1: `diagnose.mindset.1`. */
export function statementKey(obstacleId: ObstacleId, n: number): string {
	return `diagnose.${obstacleId}.${n}`;
}

/** The answer key of an obstacle's one-line reflection: `diagnose.mindset.reflection`. */
export function reflectionKey(obstacleId: ObstacleId): string {
	return `diagnose.${obstacleId}.reflection`;
}

/** Every statement's answer key, in order: the ratings that complete step 1. */
export const STATEMENT_KEYS: readonly string[] = OBSTACLES.flatMap((o) =>
	Array.from({ length: o.statementCount }, (_, i) => statementKey(o.id, i + 1))
);

export interface ObstacleScore {
	id: ObstacleId;
	/** Mean of the answered statements (1–5), or null when none is answered yet. */
	score: number | null;
	answered: number;
	total: number;
}

export interface RankedObstacle extends ObstacleScore {
	score: number;
}

/**
 * One score per obstacle, in the article's order. A partly rated obstacle is scored on the
 * statements rated so far; a value that is not a whole number from 1 to 5 counts as unrated.
 */
export function scoreDiagnosis(answers: Readonly<Record<string, unknown>>): ObstacleScore[] {
	return OBSTACLES.map((o) => {
		let sum = 0;
		let answered = 0;
		for (let n = 1; n <= o.statementCount; n++) {
			const value = answers[statementKey(o.id, n)];
			if (isRating(value)) {
				sum += value;
				answered += 1;
			}
		}
		return {
			id: o.id,
			score: answered === 0 ? null : sum / answered,
			answered,
			total: o.statementCount
		};
	});
}

/**
 * The obstacles that hold you back most first. Only obstacles with at least one rated
 * statement are ranked: an unrated obstacle is left out rather than guessed at. Equal scores
 * keep the article's order, so the ranking is stable and the same on every device.
 */
export function rankObstacles(answers: Readonly<Record<string, unknown>>): RankedObstacle[] {
	const order = new Map(OBSTACLE_IDS.map((id, i) => [id, i]));
	return scoreDiagnosis(answers)
		.filter((s): s is RankedObstacle => s.score !== null)
		.sort((a, b) => b.score - a.score || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/** The `count` biggest obstacles (fewer when fewer are rated): Home shows the top two. */
export function topObstacles(
	answers: Readonly<Record<string, unknown>>,
	count = 2
): RankedObstacle[] {
	return rankObstacles(answers).slice(0, Math.max(0, count));
}

/** Whether every statement of every obstacle has a rating. */
export function isDiagnosisComplete(answers: Readonly<Record<string, unknown>>): boolean {
	return STATEMENT_KEYS.every((key) => isRating(answers[key]));
}
