import { workbookProgress } from '../model/progress';
import type { StepId } from '../model/stepIds';
import { readProgressInput } from './progress.svelte';
import type { WorkbookSession } from './session.svelte';

/**
 * The first step that is not done yet, where the workbook resumes (the first step when all are).
 * Apart from progress.svelte.ts, which Home loads: only /workbook needs it.
 */
export function resumeStep(session: WorkbookSession): StepId {
	return workbookProgress(readProgressInput(session.doc)).firstUnfinished ?? 'diagnose';
}
