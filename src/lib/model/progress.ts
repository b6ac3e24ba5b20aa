/**
 * Which workbook steps are done. A step is done when what it asks for is there, not when it
 * was visited, so progress survives a new device and a partner sync. The input is counts only,
 * so Home can show progress without walking every record.
 */
import type { AnswerValue } from './answers';
import { isDiagnosisComplete } from './diagnosis';
import { isGoalComplete } from './goal';
import { STEP_IDS, type StepId } from './stepIds';
import { isValueComplete } from './value';

export interface ProgressInput {
	answers: Readonly<Record<string, AnswerValue>>;
	contacts: number;
	/** Contacts tagged with at least one role. */
	contactsWithRoles: number;
	conversations: number;
	/** Contacts at stage ally or champion. */
	champions: number;
	targets: number;
	slots: number;
	actions: number;
	offers: number;
}

/** Five people with roles are enough for the role coverage to show where the village is thin. */
export const MAP_MIN_CONTACTS_WITH_ROLES = 5;
/** One logged conversation means the give-and-take habit has started. */
export const RELATE_MIN_CONVERSATIONS = 1;
/**
 * Two people on your side (allies or champions): one ally is a friend, two is the start of a
 * village that backs you. The step says so in its own words (`CHAMPIONS_DONE_WHEN` in
 * `champions.ts`, kept out of this module, which Home loads).
 */
export const CHAMPIONS_MIN = 2;
/** A plan needs at least one time in the week that is kept for networking… */
export const PLAN_MIN_SLOTS = 1;
/** …and at least one concrete thing to do. */
export const PLAN_MIN_ACTIONS = 1;

export function isStepComplete(stepId: StepId, input: ProgressInput): boolean {
	switch (stepId) {
		case 'diagnose':
			return isDiagnosisComplete(input.answers);
		case 'goal':
			return isGoalComplete(input.answers);
		case 'value':
			return isValueComplete(input.answers);
		case 'map':
			return input.contactsWithRoles >= MAP_MIN_CONTACTS_WITH_ROLES;
		case 'relate':
			return input.conversations >= RELATE_MIN_CONVERSATIONS;
		case 'champions':
			return input.champions >= CHAMPIONS_MIN;
		case 'plan':
			return input.slots >= PLAN_MIN_SLOTS && input.actions >= PLAN_MIN_ACTIONS;
	}
}

export interface WorkbookProgress {
	/** Done steps, in workbook order. */
	done: StepId[];
	count: number;
	total: typeof STEP_IDS.length;
	/** The first step in order that is not done yet: where "Continue" leads; null when all are. */
	firstUnfinished: StepId | null;
}

export function workbookProgress(input: ProgressInput): WorkbookProgress {
	const done = STEP_IDS.filter((id) => isStepComplete(id, input));
	return {
		done,
		count: done.length,
		total: STEP_IDS.length,
		firstUnfinished: STEP_IDS.find((id) => !isStepComplete(id, input)) ?? null
	};
}
