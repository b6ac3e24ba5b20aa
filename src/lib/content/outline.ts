/**
 * The workbook's table of contents: what the shell, the progress rail and Home need, without
 * every step's prose (that lives in steps.ts and loads with the workbook route). Keeping this
 * small keeps the first screen's JavaScript within budget.
 */
import type { StepId } from '../model/stepIds';

export const ARTICLE_CREDIT = 'Based on an article originally published at Forbes.';

export interface StepOutline {
	id: StepId;
	number: 1 | 2 | 3 | 4 | 5 | 6 | 7;
	title: string;
	/** One or two words for navigation. */
	navTitle: string;
}

export const STEP_OUTLINE: readonly StepOutline[] = [
	{ id: 'diagnose', number: 1, title: 'What holds you back?', navTitle: 'Diagnose' },
	{ id: 'goal', number: 2, title: 'Start with your career goal', navTitle: 'Goal' },
	{ id: 'value', number: 3, title: 'Know the value you bring', navTitle: 'Value' },
	{ id: 'map', number: 4, title: 'Map your village', navTitle: 'Map' },
	{ id: 'relate', number: 5, title: 'Build relationships that work both ways', navTitle: 'Relate' },
	{ id: 'champions', number: 6, title: 'Find allies and champions', navTitle: 'Champions' },
	{ id: 'plan', number: 7, title: 'Make it a habit', navTitle: 'Plan' }
];

export function outlineOf(id: StepId): StepOutline {
	const step = STEP_OUTLINE.find((s) => s.id === id);
	if (!step) throw new RangeError(`No workbook step ${id}`);
	return step;
}
