/** Content lines as vCard and iCalendar write them: escaped, CRLF, folded at 75 octets. */

/** Escapes a text value (RFC 6350 §3.4, RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds one content line so that no line is longer than 75 octets (not counting CRLF), never
 * splitting a UTF-8 character or a surrogate pair; continuation lines start with a space.
 */
export function foldLine(line: string): string {
	if (encoder.encode(line).length <= 75) return line;
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	let limit = 75;
	for (const ch of line) {
		const size = encoder.encode(ch).length;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
			limit = 74; // the leading space counts
		}
		current += ch;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

export function contentLines(lines: string[]): string {
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
