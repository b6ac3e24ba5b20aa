/**
 * Step 2: the career goal. The article asks where you hope to be in three to five years, so the
 * horizon defaults to three years out and anything outside that range earns a gentle note.
 */
import { answerText, isFilledDate, isFilledText, type Answers } from './answers';
import { addYears, daysBetween } from './dates';
import type { IsoDate } from './records';

/** The near end of the article's 3–5 year range: the default horizon. */
export const GOAL_MIN_YEARS = 3;
/** The far end of the article's 3–5 year range. */
export const GOAL_MAX_YEARS = 5;

/** The answer keys of the goal step. */
export const GOAL_KEYS = {
	statement: 'goal.statement',
	horizon: 'goal.horizon',
	milestone1: 'goal.milestone1',
	milestone1Due: 'goal.milestone1Due',
	milestone2: 'goal.milestone2',
	milestone2Due: 'goal.milestone2Due',
	milestone3: 'goal.milestone3',
	milestone3Due: 'goal.milestone3Due'
} as const;

/** The horizon the UI offers before the user picks one: three years from today. */
export function defaultHorizon(today: IsoDate): IsoDate {
	return addYears(today, GOAL_MIN_YEARS);
}

/**
 * How a chosen horizon sits against the 3–5 year range: 'past' (already gone), 'near' (under
 * three years), 'far' (over five years) or null when it is in range. A note, never a block.
 */
export function horizonFit(today: IsoDate, horizon: IsoDate): 'past' | 'near' | 'far' | null {
	if (daysBetween(today, horizon) < 0) return 'past';
	if (horizon < addYears(today, GOAL_MIN_YEARS)) return 'near';
	if (horizon > addYears(today, GOAL_MAX_YEARS)) return 'far';
	return null;
}

export interface Milestone {
	n: 1 | 2 | 3;
	text: string;
	due: IsoDate | null;
}

/** The milestones written so far, in order, with their due dates when valid. */
export function milestonesFrom(answers: Answers): Milestone[] {
	return ([1, 2, 3] as const)
		.map((n) => {
			const due = answers[GOAL_KEYS[`milestone${n}Due`]];
			return {
				n,
				text: answerText(answers[GOAL_KEYS[`milestone${n}`]]),
				due: isFilledDate(due) ? due : null
			};
		})
		.filter((m) => m.text !== '');
}

/** Done when the goal is written, has a horizon date and at least a first milestone. */
export function isGoalComplete(answers: Answers): boolean {
	return (
		isFilledText(answers[GOAL_KEYS.statement]) &&
		isFilledDate(answers[GOAL_KEYS.horizon]) &&
		isFilledText(answers[GOAL_KEYS.milestone1])
	);
}

/** How far away a date is, in words: "3 months away", "4 years 2 months away", "already past". */
export function timeLeft(today: IsoDate, to: IsoDate): string {
	const days = daysBetween(today, to);
	if (days < 0) return 'already past';
	const months = Math.round(days / 30.44);
	if (months < 1) return `${days} day${days === 1 ? '' : 's'} away`;
	if (months < 24) return `${months} month${months === 1 ? '' : 's'} away`;
	const years = Math.floor(months / 12);
	const rest = months % 12;
	return `${years} years${rest ? ` ${rest} month${rest === 1 ? '' : 's'}` : ''} away`;
}

/** A target's heading: "Role, Org" (or industry), whichever parts are written. */
export function targetTitle(t: { role: string; org: string; industry: string }): string {
	const where = t.org.trim() || t.industry.trim();
	const role = t.role.trim();
	if (role && where) return `${role}, ${where}`;
	return role || where || 'Someone I need to know';
}
