/**
 * Contact spreadsheets in: LinkedIn `Connections.csv`, Google Contacts CSV (old and new
 * layouts) and Outlook CSV, recognised by their headers. papaparse does the CSV itself (quoted
 * commas, doubled quotes, line breaks in fields); around it: the text encoding (BOM, UTF-8,
 * UTF-16, Windows-1252), a preamble before the header (found by scanning, never by skipping a
 * fixed count), Google's ` ::: ` multi-values and any number of `E-mail N` columns, and dates
 * like `14 Mar 2024` or `7-Feb-22`. Never throws.
 */
import Papa from 'papaparse';
import { binaryProblem, decodeText } from './bytes';
import { progressEvery } from './progress';
import type { ContactDraft, ContactSource, ImportError, ParseOptions, ParseResult } from './types';

/** How far down to look for the header row before giving up. */
const HEADER_SCAN_ROWS = 200;

const NAME_COLUMNS = [
	'first name',
	'last name',
	'name',
	'full name',
	'display name',
	'given name',
	'family name'
];

const norm = (h: string) =>
	h
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase();

function isHeader(row: string[]): boolean {
	const cells = row.map(norm);
	return cells.some((c) => NAME_COLUMNS.includes(c));
}

function detectSource(headers: string[]): ContactSource {
	const h = new Set(headers.map(norm));
	if (h.has('connected on') || (h.has('url') && h.has('position') && h.has('company')))
		return 'linkedin';
	if (
		h.has('given name') ||
		h.has('organization name') ||
		h.has('organization 1 - name') ||
		[...h].some((x) => /^e-mail \d+ - value$/.test(x))
	)
		return 'google';
	return 'outlook';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoDay(y: number, m: number, d: number): string | undefined {
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
		return undefined;
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date as LinkedIn and spreadsheets write it: `14 Mar 2024`, `7-Feb-22`, `Mar 14, 2024`,
 * `2024-03-14`, `03/14/2024`. Undefined when it cannot be read for sure.
 */
export function parseLooseDate(value: string): string | undefined {
	const v = value.trim();
	if (!v) return undefined;
	let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
	if (m) return isoDay(+m[1]!, +m[2]!, +m[3]!);
	const year = (y: string) => (y.length === 2 ? 2000 + +y : +y);
	const month = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
	m = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2}|\d{4})$/.exec(v);
	if (m && month(m[2]!) > 0) return isoDay(year(m[3]!), month(m[2]!), +m[1]!);
	m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(v);
	if (m && month(m[1]!) > 0) return isoDay(+m[3]!, month(m[1]!), +m[2]!);
	// Slashes: month first (LinkedIn and Outlook in the US) unless the first part cannot be one.
	m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(v);
	if (m) {
		const [a, b] = [+m[1]!, +m[2]!];
		return a > 12 ? isoDay(year(m[3]!), b, a) : isoDay(year(m[3]!), a, b);
	}
	return undefined;
}

/** Google's multi-values: "a@x ::: b@y". */
function multi(value: string | undefined): string[] {
	if (!value) return [];
	return value
		.split(' ::: ')
		.map((v) => v.trim())
		.filter(Boolean);
}

function addUnique(list: string[], values: string[]) {
	for (const v of values) if (!list.includes(v)) list.push(v);
}

type Row = (key: string) => string;

/** Line breaks inside a field (CRLF counts once). */
function lineBreaks(cell: string): number {
	let n = 0;
	for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
	for (let i = cell.indexOf('\r'); i >= 0; i = cell.indexOf('\r', i + 1))
		if (cell.charCodeAt(i + 1) !== 10) n++;
	return n;
}

function joinName(...parts: string[]): string {
	return parts
		.map((p) => p.trim())
		.filter(Boolean)
		.join(' ');
}

function draftFrom(
	source: ContactSource,
	headers: string[],
	get: Row,
	values: string[]
): Omit<ContactDraft, 'line'> {
	const emails: string[] = [];
	const phones: string[] = [];
	const urls: string[] = [];
	const byPattern = (re: RegExp) =>
		headers.flatMap((h, i) => (re.test(norm(h)) ? multi(values[i]) : []));
	let name = '';
	let organization = '';
	let title = '';
	let note = '';
	let connectedOn: string | undefined;
	if (source === 'linkedin') {
		name = joinName(get('first name'), get('last name'));
		addUnique(emails, multi(get('email address')));
		addUnique(urls, multi(get('url')));
		organization = get('company');
		title = get('position');
		connectedOn = parseLooseDate(get('connected on'));
	} else if (source === 'google') {
		name =
			get('name') ||
			joinName(
				get('name prefix'),
				get('first name') || get('given name'),
				get('middle name') || get('additional name'),
				get('last name') || get('family name'),
				get('name suffix')
			) ||
			get('nickname') ||
			get('file as');
		addUnique(emails, byPattern(/^e-mail \d+ - value$/));
		addUnique(phones, byPattern(/^phone \d+ - value$/));
		addUnique(urls, byPattern(/^website \d+ - value$/));
		organization = multi(get('organization name') || get('organization 1 - name'))[0] ?? '';
		title = multi(get('organization title') || get('organization 1 - title'))[0] ?? '';
		note = get('notes');
	} else {
		name =
			get('name') ||
			get('full name') ||
			get('display name') ||
			joinName(
				get('title'),
				get('first name'),
				get('middle name'),
				get('last name'),
				get('suffix')
			);
		addUnique(emails, byPattern(/^(e-?mail( \d+)?( address)?|e-mail \d+ address|email address)$/));
		addUnique(
			phones,
			byPattern(
				/^((business|home|mobile|other|primary|company main|car|assistant)( phone)?( \d+)?|phone( number)?)$/
			)
		);
		addUnique(urls, byPattern(/^(web page|website|url)$/));
		organization = get('company') || get('organization');
		title = get('job title');
		note = get('notes');
	}
	const draft: Omit<ContactDraft, 'line'> = {
		name: name.replace(/\s+/g, ' ').trim(),
		emails,
		phones,
		urls,
		source
	};
	if (organization.trim()) draft.organization = organization.trim();
	if (title.trim()) draft.title = title.trim();
	if (note.trim()) draft.note = note.trim();
	if (connectedOn) draft.connectedOn = connectedOn;
	return draft;
}

/**
 * Reads a contacts spreadsheet exported from LinkedIn, Google or Outlook (or one with the same
 * columns). Never throws; rows that cannot be read come back as errors naming their line.
 */
export function parseContactsCsv(
	input: string | Uint8Array,
	options: ParseOptions = {}
): ParseResult {
	try {
		return parse(input, options);
	} catch (error) {
		return {
			items: [],
			errors: [{ message: `This file could not be read as a spreadsheet (${String(error)}).` }]
		};
	}
}

function parse(input: string | Uint8Array, { onProgress }: ParseOptions): ParseResult {
	if (typeof input !== 'string') {
		const problem = binaryProblem(input);
		if (problem) return { items: [], errors: [{ message: problem }] };
	}
	const { text } = decodeText(input);
	if (text.trim() === '') return { items: [], errors: [{ message: 'This file is empty.' }] };
	if (/^\s*BEGIN:VCARD/i.test(text))
		return {
			items: [],
			errors: [{ message: 'This is a vCard file, not a spreadsheet: open it as a vCard.' }]
		};

	const errors: ImportError[] = [];
	const items: ContactDraft[] = [];
	let headers: string[] | null = null;
	let source: ContactSource = 'outlook';
	let index = new Map<string, number>();
	// Line numbers: count line breaks up to where each row starts (papaparse gives the cursor).
	// One pass without papaparse's per-row callback (several times faster); a row's line is
	// 1 + the lines every earlier row took (its line break plus any inside quoted fields).
	const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
	const rowErrors = new Map<number, Papa.ParseError[]>();
	for (const e of parsed.errors) {
		// "Could not detect the delimiter" only means it fell back to a comma: not a problem.
		if (e.type === 'Delimiter' || e.row === undefined) continue;
		rowErrors.set(e.row, [...(rowErrors.get(e.row) ?? []), e]);
	}
	let line = 1;
	let scanned = 0;
	// Splitting the text into cells is about half the work; the rows are the other half.
	const tick = progressEvery(parsed.data.length, onProgress, 0.5);
	for (let r = 0; r < parsed.data.length; r++) {
		tick(r);
		const row = parsed.data[r]!;
		const start = line;
		line += 1;
		for (const cell of row) if (cell.length > 0) line += lineBreaks(cell);
		const problems = rowErrors.get(r) ?? [];
		for (const e of problems)
			errors.push({
				message:
					e.code === 'MissingQuotes'
						? `Line ${start}: a quoted field never ends (a " is missing), so the rest of the file could not be read.`
						: `Line ${start}: ${e.message}.`,
				line: start
			});
		if (row.length === 1 && row[0]!.trim() === '') continue;
		if (!headers) {
			if (isHeader(row)) {
				headers = row.map((h) => h.replace(/^\uFEFF/, '').trim());
				source = detectSource(headers);
				index = new Map(headers.map((h, i) => [norm(h), i] as const).reverse());
			} else if (++scanned >= HEADER_SCAN_ROWS) break;
			continue;
		}
		if (problems.some((e) => e.code === 'MissingQuotes')) continue;
		const get: Row = (key) => {
			const i = index.get(key);
			return i === undefined ? '' : (row[i] ?? '').trim();
		};
		const draft = draftFrom(source, headers, get, row);
		if (!draft.name) {
			if (row.some((cell) => cell.trim() !== ''))
				errors.push({ message: `Line ${start}: this row has no name.`, line: start });
			continue;
		}
		items.push({ ...draft, line: start });
	}

	if (!headers) {
		return {
			items: [],
			errors: [
				{
					message:
						'This looks like a spreadsheet without a name column: Village needs a "First Name", "Last Name" or "Name" column.'
				}
			]
		};
	}
	return { items, errors };
}
