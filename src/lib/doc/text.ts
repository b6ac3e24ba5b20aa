import type * as Y from 'yjs';

/**
 * Turns the text in a Y.Text into `next` with one delete and one insert around the common
 * prefix and suffix, so that what a person typed merges character by character with what
 * another tab or device typed at the same time. Call inside a transaction.
 */
export function applyTextChange(text: Y.Text, next: string): void {
	const prev = text.toString();
	if (prev === next) return;
	let start = 0;
	const maxStart = Math.min(prev.length, next.length);
	while (start < maxStart && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
	let endPrev = prev.length;
	let endNext = next.length;
	while (
		endPrev > start &&
		endNext > start &&
		prev.charCodeAt(endPrev - 1) === next.charCodeAt(endNext - 1)
	) {
		endPrev--;
		endNext--;
	}
	// Never split a surrogate pair: an emoji half-deleted would corrupt the text.
	if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--;
	if (endPrev < prev.length && isLowSurrogate(prev.charCodeAt(endPrev))) {
		endPrev++;
		endNext++;
	}
	if (endPrev > start) text.delete(start, endPrev - start);
	if (endNext > start) text.insert(start, next.slice(start, endNext));
}

function isHighSurrogate(code: number): boolean {
	return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}
