/** Any contacts file in: picks the vCard or CSV reader from the content, not the file name. */
import { binaryProblem } from './bytes';
import { parseContactsCsv } from './contacts-csv';
import type { ParseOptions, ParseResult } from './types';
import { parseVCard } from './vcard';

export type { ContactDraft, ContactSource, ImportError, ParseResult } from './types';
export { parseContactsCsv } from './contacts-csv';
export { parseVCard } from './vcard';

function looksLikeVCard(bytes: Uint8Array): boolean {
	// Skip a BOM and leading blank lines, then look for BEGIN:VCARD (in UTF-8 or UTF-16).
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048)).replace(/\0/g, '');
	return /^\W*BEGIN:VCARD/i.test(head.replace(/^[\s\uFEFF\u00EF\u00BB\u00BF\u00FF\u00FE]+/, ''));
}

export function parseContactsFile(
	bytes: Uint8Array,
	fileName = '',
	options: ParseOptions = {}
): ParseResult {
	const problem = binaryProblem(bytes);
	if (problem) return { items: [], errors: [{ message: problem }] };
	if (looksLikeVCard(bytes) || /\.(vcf|vcard)$/i.test(fileName)) return parseVCard(bytes, options);
	if (/^\s*[[{]/.test(new TextDecoder().decode(bytes.subarray(0, 64))))
		return {
			items: [],
			errors: [
				{
					message:
						'This looks like a backup or data file, not contacts. To bring back a backup, use “Restore a backup”.'
				}
			]
		};
	return parseContactsCsv(bytes, options);
}
