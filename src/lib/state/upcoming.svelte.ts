/**
 * Home's second layer, loaded (with `import()`) once the workbook is open and started, so none of
 * it weighs on the first paint: the weekly review's offer and streak, the next milestone with
 * its countdown, and this week's events.
 */
import type { AnswerValue } from '../model/answers';
import { addDays, todayIn } from '../model/dates';
import { GOAL_KEYS, milestonesFrom } from '../model/goal';
import { eventsBetween, nextMilestone } from '../model/upcoming';
import { eventsOf } from './collections';
import { TextAnswer } from './fields.svelte';
import { ReviewHistory } from './review.svelte';
import type { WorkbookSession } from './session.svelte';
import { ScalarAnswers } from './workbook.svelte';

export class HomeExtras {
	readonly today = todayIn();
	readonly review: ReviewHistory;
	#answers: ScalarAnswers;
	#milestones: TextAnswer[];
	#events: ReturnType<typeof eventsOf>;

	constructor(session: WorkbookSession) {
		this.review = new ReviewHistory(session, this.today);
		this.#answers = new ScalarAnswers(session);
		this.#milestones = ([1, 2, 3] as const).map(
			(n) => new TextAnswer(session, GOAL_KEYS[`milestone${n}`])
		);
		this.#events = eventsOf(session);
	}

	readonly nextMilestone = $derived.by(() => {
		const answers: Record<string, AnswerValue> = { ...this.#answers.current };
		for (const t of this.#milestones) answers[t.key] = t.value;
		return nextMilestone(milestonesFrom(answers), this.today);
	});

	/** Events whose next date falls in Home's seven days. */
	readonly events = $derived.by(() =>
		eventsBetween(this.#events.all, this.today, addDays(this.today, 6))
	);
}

const bySession = new WeakMap<WorkbookSession, HomeExtras>();

export function homeExtrasOf(session: WorkbookSession): HomeExtras {
	let extras = bySession.get(session);
	if (!extras) bySession.set(session, (extras = new HomeExtras(session)));
	return extras;
}
