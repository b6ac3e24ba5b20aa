/**
 * The ids of the seven workbook steps, in the order the article walks them. They live in
 * `model/` (not `content/`) because pure rules such as progress and the diagnosis need to name
 * steps, and `model/` may not import `content/`. `content/steps.ts` re-exports them.
 */
export const STEP_IDS = [
	'diagnose',
	'goal',
	'value',
	'map',
	'relate',
	'champions',
	'plan'
] as const;
export type StepId = (typeof STEP_IDS)[number];

const STEP_ID_SET: ReadonlySet<string> = new Set(STEP_IDS);

/** A type guard that also serves as a SvelteKit param matcher (`src/params/step.ts`). */
export function isStepId(value: unknown): value is StepId {
	return typeof value === 'string' && STEP_ID_SET.has(value);
}
