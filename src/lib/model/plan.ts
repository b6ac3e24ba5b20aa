/**
 * Step 7: turning intentions into a habit. Weekly slots during the working day, a keep-in-touch
 * cadence per tier, events tried once or twice and then judged, and 30/60/90-day actions.
 */
import { daysBetween, isIsoDate, minutesOfDay } from './dates';
import { CADENCE_MAX_DAYS, CADENCE_MIN_DAYS } from './cadenceDefaults';
import type { Action, IsoDate, NetEvent, Slot } from './records';
import { isDueSoon } from './week';

export {
	CADENCE_MAX_DAYS,
	CADENCE_MIN_DAYS,
	cadenceDefaults,
	cadenceKey,
	DEFAULT_CADENCE_DAYS
} from './cadenceDefaults';

export { minutesOfDay } from './dates';

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

export type ActionStatus = 'done' | 'overdue' | 'due-soon' | 'later' | 'undated';

/**
 * Where an action stands on `today`: 'due-soon' means in the due-soon window (`isDueSoon`:
 * today … today + 6), the same seven days Home's This week and People's "due this week" use.
 */
export function actionStatus(action: Pick<Action, 'done' | 'due'>, today: IsoDate): ActionStatus {
	if (action.done) return 'done';
	if (!isIsoDate(action.due)) return 'undated';
	const days = daysBetween(today, action.due);
	if (days < 0) return 'overdue';
	return isDueSoon(days) ? 'due-soon' : 'later';
}

/** Slots in the order of the week: by weekday, then start time. */
export function sortSlots(slots: readonly Slot[]): Slot[] {
	return [...slots].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
}

/** The plan's three horizons, in days. */
export const ACTION_HORIZONS = [30, 60, 90] as const;
export type ActionHorizon = (typeof ACTION_HORIZONS)[number];

/** Actions per horizon, open ones first, each group by due date (undated last). */
export function actionsByHorizon(
	actions: readonly Action[]
): { horizon: ActionHorizon; items: Action[] }[] {
	return ACTION_HORIZONS.map((horizon) => ({
		horizon,
		items: actions
			.filter((a) => a.horizon === horizon)
			.sort((a, b) => Number(a.done) - Number(b.done) || (a.due ?? '9').localeCompare(b.due ?? '9'))
	}));
}

/** What a typed name or line becomes: trimmed, inner runs of spaces made one. */
export function tidyLine(text: string): string {
	return text.trim().replace(/\s+/g, ' ');
}

/**
 * A cadence typed into the plan: `null` clears the tier's own value (back to the default), a
 * whole number of days within the bounds is kept, anything else is refused (`'invalid'`).
 */
export function parseCadence(raw: string): number | null | 'invalid' {
	if (raw.trim() === '') return null;
	const n = Number(raw);
	return Number.isInteger(n) && n >= CADENCE_MIN_DAYS && n <= CADENCE_MAX_DAYS ? n : 'invalid';
}
