import { isIsoDate } from '../model/dates';
import type { CollectionName } from './schema';

/**
 * One field of a stored record: its default, and a check that a stored value is usable. A value
 * that fails the check (a newer client's shape, a bad import, a hostile peer) reads as the
 * default instead of reaching the UI with the wrong type; the stored value is left alone.
 */
export interface FieldSpec<V> {
	default: () => V;
	valid: (value: unknown) => value is V;
	/** Stored as a Y.Text so concurrent edits merge by character. */
	text?: boolean;
}

export type Specs<T> = { [K in Exclude<keyof T, 'id'>]: FieldSpec<T[K]> };

export interface RecordSpec<T extends { id: string }> {
	collection: CollectionName;
	fields: Specs<T>;
	/**
	 * Stored as one plain value instead of a Y.Map of fields. For log-like records (written
	 * once, rarely edited) this makes a large workbook several times cheaper to decode: one
	 * Yjs item per record instead of one per field. The price: two devices editing the same
	 * record while apart keep one version whole. No text fields.
	 */
	atomic?: boolean;
}

export const isString = (v: unknown): v is string => typeof v === 'string';
export const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
export const isNullableBool = (v: unknown): v is boolean | null =>
	v === null || typeof v === 'boolean';
export const isDateOrNull = (v: unknown): v is string | null => v === null || isIsoDate(v);
export const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
export const oneOf =
	<V>(values: readonly V[]) =>
	(v: unknown): v is V =>
		values.includes(v as V);
export const intIn =
	(min: number, max: number) =>
	(v: unknown): v is number =>
		typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

export const str = (text = false): FieldSpec<string> => ({
	default: () => '',
	valid: isString,
	text
});
export const date = (): FieldSpec<string | null> => ({ default: () => null, valid: isDateOrNull });
export const nullableBool = (): FieldSpec<boolean | null> => ({
	default: () => null,
	valid: isNullableBool
});
export const strings = (): FieldSpec<string[]> => ({ default: () => [], valid: isStringArray });
