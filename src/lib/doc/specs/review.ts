import type * as Y from 'yjs';
import { intIn, isString, isStringArray, str, strings, type RecordSpec } from '../fields';
import { settingsMap } from '../schema';
import { DEFAULT_REVIEW_DAY, isReviewDay, type WeeklyReview } from '../../model/review';
import { isIsoDate } from '../../model/dates';

/** Longest stored line a review keeps (a line, not an essay). */
const LINE_MAX = 500;
const line = (v: unknown): v is string => isString(v) && v.length <= LINE_MAX;
const lines = (v: unknown): v is string[] => isStringArray(v) && v.length <= 200 && v.every(line);

/** Weekly reviews: written once when finished, so one plain value each (log-like). */
export const reviewSpec: RecordSpec<WeeklyReview> = {
	collection: 'reviews',
	atomic: true,
	fields: {
		week: { default: () => '1970-01-05', valid: isIsoDate },
		doneOn: { default: () => '1970-01-05', valid: isIsoDate },
		conversations: { default: () => 0, valid: intIn(0, 100_000) },
		actionsDone: { default: () => [], valid: lines },
		overdue: { default: () => [], valid: lines },
		slots: { default: () => [], valid: lines },
		reach: strings(),
		reachNames: { default: () => [], valid: lines },
		wentWell: { ...str(), valid: line },
		inTheWay: { ...str(), valid: line }
	}
};

/** The settings key of the weekday the weekly review is offered on (ISO: 1 = Monday). */
export const REVIEW_DAY_KEY = 'reviewDay';

/** The review day as stored, or Friday when unset or unusable. */
export function readReviewDay(doc: Y.Doc): number {
	const v = settingsMap(doc).get(REVIEW_DAY_KEY);
	return isReviewDay(v) ? v : DEFAULT_REVIEW_DAY;
}

/** Call inside a transaction. */
export function writeReviewDay(doc: Y.Doc, day: number): void {
	if (!isReviewDay(day)) throw new RangeError(`Not a weekday: ${day}`);
	settingsMap(doc).set(REVIEW_DAY_KEY, day);
}
