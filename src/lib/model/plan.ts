/**
 * Step 7: turning intentions into a habit. Weekly slots during the working day, a keep-in-touch
 * cadence per tier, events tried once or twice and then judged, and 30/60/90-day actions.
 */
import type { Answers } from './answers';
import { daysBetween, isIsoDate } from './dates';
import type { Action, IsoDate, NetEvent, Slot, Tier } from './records';

/**
 * Days between touches when a contact has no cadence of its own: monthly for the inner
 * circle, every two months for key people, about three times a year for the wider network.
 */
export const DEFAULT_CADENCE_DAYS: Record<Tier, number> = { inner: 30, key: 60, wider: 120 };
/** Weekly is as often as a keep-in-touch nudge is useful; more is just noise. */
export const CADENCE_MIN_DAYS = 7;
/** Once a year is the least contact that still keeps a relationship alive. */
export const CADENCE_MAX_DAYS = 365;

/** The answer key of a tier's default cadence: `plan.cadence.inner`. */
export function cadenceKey(tier: Tier): string {
	return `plan.cadence.${tier}`;
}

/**
 * The default cadence per tier as the user set it on the plan step, falling back to
 * `DEFAULT_CADENCE_DAYS` for a tier left blank or set outside 7–365 days.
 */
export function cadenceDefaults(answers: Answers): Record<Tier, number> {
	const pick = (tier: Tier): number => {
		const value = answers[cadenceKey(tier)];
		return typeof value === 'number' &&
			Number.isInteger(value) &&
			value >= CADENCE_MIN_DAYS &&
			value <= CADENCE_MAX_DAYS
			? value
			: DEFAULT_CADENCE_DAYS[tier];
	};
	return { inner: pick('inner'), key: pick('key'), wider: pick('wider') };
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of a local `HH:MM` time, or null when it is not a valid time. */
export function minutesOfDay(time: string): number | null {
	const m = TIME.exec(time);
	return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Total networking hours a week across all slots (slots with no valid length count 0). */
export function weeklyHours(slots: readonly Slot[]): number {
	const minutes = slots.reduce(
		(sum, slot) => sum + (Number.isFinite(slot.minutes) && slot.minutes > 0 ? slot.minutes : 0),
		0
	);
	return minutes / 60;
}

/** The working day starts here… */
export const WORK_DAY_START = '08:00';
/** …and a slot starting at or after this is an after-work slot. */
export const WORK_DAY_END = '17:00';

/**
 * Whether a slot sits in the working day (Monday to Friday, starting from 08:00 and before
 * 17:00). The article's answer to "no time to network" is a coffee or lunch during the work
 * day rather than another evening out.
 */
export function duringWorkDay(slot: Pick<Slot, 'weekday' | 'start'>): boolean {
	const start = minutesOfDay(slot.start);
	if (start === null || !Number.isInteger(slot.weekday)) return false;
	return (
		slot.weekday >= 1 &&
		slot.weekday <= 5 &&
		start >= (minutesOfDay(WORK_DAY_START) ?? 0) &&
		start < (minutesOfDay(WORK_DAY_END) ?? 0)
	);
}

/**
 * A suggested verdict once an event or organisation has been tried: keep it when it brought
 * new people and serves the goal, drop it when it did neither. Null while it has not been
 * attended, while either question is unanswered, or when it did one but not the other: then
 * the user's own judgement (or one more visit) decides.
 */
export function suggestVerdict(
	event: Pick<NetEvent, 'timesAttended' | 'newPeople' | 'servesGoal'>
): 'keep' | 'drop' | null {
	if (!(event.timesAttended >= 1)) return null;
	if (event.newPeople === true && event.servesGoal === true) return 'keep';
	if (event.newPeople === false && event.servesGoal === false) return 'drop';
	return null;
}

/** An action due within this many days, today included, is due soon (the This week window). */
export const DUE_SOON_DAYS = 7;

export type ActionStatus = 'done' | 'overdue' | 'due-soon' | 'later' | 'undated';

/**
 * Where an action stands on `today`: 'due-soon' means due from today to today + 6, the same
 * seven days Home's This week shows.
 */
export function actionStatus(action: Pick<Action, 'done' | 'due'>, today: IsoDate): ActionStatus {
	if (action.done) return 'done';
	if (!isIsoDate(action.due)) return 'undated';
	const days = daysBetween(today, action.due);
	if (days < 0) return 'overdue';
	return days < DUE_SOON_DAYS ? 'due-soon' : 'later';
}
