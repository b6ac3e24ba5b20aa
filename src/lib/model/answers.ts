/**
 * What a stored answer looks like to the pure rules, and when it counts as given. Free text
 * arrives as a string, dates as `YYYY-MM-DD` strings, ratings and numbers as numbers.
 */
import { isIsoDate } from './dates';
import type { IsoDate } from './records';

export type AnswerValue = string | number | boolean | null | undefined;
export type Answers = Readonly<Record<string, AnswerValue>>;

/** Ratings run from 1 (not like me at all) to 5 (very like me). */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** A free-text answer with something other than white space in it. */
export function isFilledText(value: unknown): value is string {
	return typeof value === 'string' && value.trim() !== '';
}

/** A whole number from 1 to 5; anything else (a stray 0, 3.5, '4') counts as unanswered. */
export function isRating(value: unknown): value is number {
	return (
		Number.isInteger(value) && (value as number) >= RATING_MIN && (value as number) <= RATING_MAX
	);
}

/** A real calendar day; a blank or malformed date is not an answer. */
export function isFilledDate(value: unknown): value is IsoDate {
	return isIsoDate(value);
}

/** The trimmed text of an answer, '' for anything that is not text. */
export function answerText(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}
