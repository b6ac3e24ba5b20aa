/**
 * The keep-in-touch cadence per tier that the plan step sets (its own module because Home and
 * People need only this, not the rest of the plan's rules).
 */
import type { Answers } from './answers';
import type { Tier } from './records';

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
