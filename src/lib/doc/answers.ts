import type * as Y from 'yjs';
import { isIsoDate } from '../model/dates';
import { answersMap, answerText, TEXT_PREFIX } from './schema';
import { applyTextChange } from './text';

/** A scalar answer: a date (`YYYY-MM-DD`), a rating or number, or a yes/no. */
export type ScalarAnswer = string | number | boolean | null;

function isScalar(v: unknown): v is ScalarAnswer {
	return (
		v === null ||
		typeof v === 'boolean' ||
		typeof v === 'string' ||
		(typeof v === 'number' && Number.isFinite(v))
	);
}

/** The text of a free-text answer ('' when never written). */
export function readText(doc: Y.Doc, key: string): string {
	return answerText(doc, key).toString();
}

/** Sets a free-text answer, merging by character (call inside a transaction). */
export function writeText(doc: Y.Doc, key: string, next: string): void {
	applyTextChange(answerText(doc, key), next);
}

export function readScalar(doc: Y.Doc, key: string): ScalarAnswer | undefined {
	const v = answersMap(doc).get(key);
	return isScalar(v) ? v : undefined;
}

export function readDate(doc: Y.Doc, key: string): string | null {
	const v = answersMap(doc).get(key);
	return isIsoDate(v) ? v : null;
}

export function readNumber(doc: Y.Doc, key: string): number | null {
	const v = answersMap(doc).get(key);
	return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Sets (or, with undefined, clears) a scalar answer (call inside a transaction). */
export function writeScalar(doc: Y.Doc, key: string, value: ScalarAnswer | undefined): void {
	const map = answersMap(doc);
	if (value === undefined) {
		if (map.has(key)) map.delete(key);
		return;
	}
	if (!isScalar(value)) throw new TypeError(`answer ${key}: not a plain value`);
	if (map.get(key) !== value) map.set(key, value);
}

/**
 * Every answer as a plain object: texts as strings, scalars as they are. Cheap enough for
 * progress and Home: it walks the answers map and the root texts, not the records.
 */
export function readAllAnswers(doc: Y.Doc): Record<string, ScalarAnswer> {
	const out: Record<string, ScalarAnswer> = {};
	answersMap(doc).forEach((v, k) => {
		if (isScalar(v)) out[k] = v;
	});
	for (const name of doc.share.keys()) {
		if (name.startsWith(TEXT_PREFIX))
			out[name.slice(TEXT_PREFIX.length)] = doc.getText(name).toString();
	}
	return out;
}
