/** Words the plan step shows that depend on the plan's rules. */
import { suggestVerdict } from '../model/plan';
import type { NetEvent } from '../model/records';

/** What to do about an event or organisation, given how it went so far. */
export function eventAdvice(event: NetEvent): string {
	if (event.timesAttended < 1) return 'Go once or twice, then come back and judge it.';
	const suggestion = suggestVerdict(event);
	if (suggestion === 'keep') return 'Suggestion: keep it. New faces, and it serves your goal.';
	if (suggestion === 'drop')
		return 'Suggestion: drop it. It neither widens your circle nor moves you towards your goal.';
	if (event.newPeople === null || event.servesGoal === null)
		return 'Answer both questions for a suggestion.';
	return 'It does one but not the other: go once more, or trust your judgement.';
}

/** Slot lengths the plan offers, in minutes. */
export const SLOT_LENGTHS = [15, 20, 30, 45, 60, 90, 120];
