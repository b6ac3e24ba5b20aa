/**
 * vCard 2.1, 3.0 and 4.0 in; contacts out. Never throws: whatever cannot be read becomes an
 * error naming its line, and the other cards still come through.
 *
 * Handled: BOM, CRLF / LF / CR (and the CR CR LF some iPhone exports write), folded lines,
 * quoted-printable with soft line breaks, per-property CHARSET (UTF-8, ISO-8859-1,
 * Windows-1252, Shift_JIS … anything TextDecoder knows), `item1.` groups with `X-ABLabel`,
 * escapes (`\,` `\;` `\n` `\\`), several cards per file, a name from FN or else N, and
 * embedded photos (skipped without decoding).
 */
import { binaryProblem, decodeAs, decodeText, latin1, utf8Bytes } from './bytes';
import { progressEvery } from './progress';
import type { ContactDraft, ImportError, ParseOptions, ParseResult } from './types';

/** Properties that carry large binary payloads we never need. */
const SKIPPED = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);

interface Line {
	text: string;
	line: number;
}

interface Property {
	group: string | null;
	name: string;
	params: Map<string, string[]>;
	/** The raw value, still escaped and (in binary mode) still bytes-as-chars. */
	raw: string;
	line: number;
}

/** Splits on CRLF, LF or CR, keeping 1-based line numbers; blank lines are dropped. */
function splitLines(text: string): Line[] {
	const out: Line[] = [];
	let line = 1;
	let start = 0;
	for (let i = 0; i <= text.length; i++) {
		const c = i < text.length ? text.charCodeAt(i) : 10;
		if (c !== 10 && c !== 13) continue;
		if (i > start) out.push({ text: text.slice(start, i), line });
		// CR LF counts once; a lone CR or LF each end a line.
		if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
		line++;
		start = i + 1;
	}
	return out;
}

/** Joins folded lines (a line starting with a space or tab continues the one before it). */
function unfold(lines: Line[]): Line[] {
	const out: Line[] = [];
	for (const l of lines) {
		const first = l.text.charCodeAt(0);
		const prev = out[out.length - 1];
		if ((first === 32 || first === 9) && prev) {
			prev.text += l.text.slice(1);
			continue;
		}
		// vCard 2.1 quoted-printable: a value ending in "=" continues on the next line.
		if (prev && prev.text.endsWith('=') && /QUOTED-PRINTABLE/i.test(headOf(prev.text))) {
			prev.text = prev.text.slice(0, -1) + l.text;
			continue;
		}
		out.push({ ...l });
	}
	return out;
}

/** The part of a content line before its value (name and parameters). */
function headOf(text: string): string {
	const colon = valueColon(text);
	return colon < 0 ? text : text.slice(0, colon);
}

/** The colon that starts the value: the first one outside double quotes. */
function valueColon(text: string): number {
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"') quoted = !quoted;
		else if (c === ':' && !quoted) return i;
	}
	return -1;
}

/** Splits on a separator outside double quotes. */
function splitOutsideQuotes(text: string, sep: string): string[] {
	const out: string[] = [];
	let quoted = false;
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"') quoted = !quoted;
		else if (c === sep && !quoted) {
			out.push(text.slice(start, i));
			start = i + 1;
		}
	}
	out.push(text.slice(start));
	return out;
}

function parseProperty(l: Line): Property | null {
	const colon = valueColon(l.text);
	if (colon <= 0) return null;
	const [nameWithGroup, ...rawParams] = splitOutsideQuotes(l.text.slice(0, colon), ';');
	const dot = nameWithGroup!.lastIndexOf('.');
	const group = dot > 0 ? nameWithGroup!.slice(0, dot).toLowerCase() : null;
	const name = nameWithGroup!
		.slice(dot + 1)
		.trim()
		.toUpperCase();
	if (!/^[A-Z0-9-]+$/.test(name)) return null;
	const params = new Map<string, string[]>();
	for (const p of rawParams) {
		const eq = p.indexOf('=');
		// vCard 2.1 bare parameters: "TEL;WORK;VOICE", "ENCODING" given by value alone.
		const key = (eq < 0 ? bareParamKey(p) : p.slice(0, eq)).trim().toUpperCase();
		const values = (eq < 0 ? p : p.slice(eq + 1))
			.split(',')
			.map((v) => v.trim().replace(/^"|"$/g, ''))
			.filter(Boolean);
		params.set(key, [...(params.get(key) ?? []), ...values]);
	}
	return { group, name, params, raw: l.text.slice(colon + 1), line: l.line };
}

function bareParamKey(value: string): string {
	const v = value.trim().toUpperCase();
	if (v === 'QUOTED-PRINTABLE' || v === 'BASE64' || v === '8BIT' || v === '7BIT') return 'ENCODING';
	return 'TYPE';
}

/** Quoted-printable to bytes ("=0D=0A" and soft breaks already joined by unfold). */
function quotedPrintable(raw: string, binary: boolean): Uint8Array {
	const src = binary ? raw : latin1(utf8Bytes(raw));
	const out: number[] = [];
	for (let i = 0; i < src.length; i++) {
		const c = src.charCodeAt(i);
		if (c === 61 /* = */ && /^[0-9A-Fa-f]{2}$/.test(src.slice(i + 1, i + 3))) {
			out.push(parseInt(src.slice(i + 1, i + 3), 16));
			i += 2;
		} else out.push(c & 0xff);
	}
	return Uint8Array.from(out);
}

function charsToBytes(raw: string): Uint8Array {
	const out = new Uint8Array(raw.length);
	for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i) & 0xff;
	return out;
}

/** The property's value as text, still escaped. */
function textOf(p: Property, binary: boolean): string {
	const encoding = p.params.get('ENCODING')?.[0]?.toUpperCase();
	const charset = p.params.get('CHARSET')?.[0];
	let bytes: Uint8Array | null = null;
	if (encoding === 'QUOTED-PRINTABLE') bytes = quotedPrintable(p.raw, binary);
	else if (binary) bytes = charsToBytes(p.raw);
	if (!bytes) return p.raw;
	if (charset) {
		const text = decodeAs(bytes, charset);
		if (text !== null) return text;
	}
	return decodeAs(bytes, 'utf-8') ?? decodeAs(bytes, 'windows-1252', false) ?? '';
}

/** Splits a structured value on unescaped separators, then unescapes each part. */
function components(value: string, sep: ';' | ','): string[] {
	const out: string[] = [];
	let current = '';
	for (let i = 0; i < value.length; i++) {
		const c = value[i];
		if (c === '\\' && i + 1 < value.length) {
			current += c + value[i + 1];
			i++;
		} else if (c === sep) {
			out.push(unescape(current));
			current = '';
		} else current += c;
	}
	out.push(unescape(current));
	return out;
}

function unescape(value: string): string {
	return value.replace(/\\(.)/gs, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function clean(value: string): string {
	return value.replace(/\s+/g, ' ').trim();
}

function nameFromN(value: string): string {
	// family; given; additional; prefix; suffix
	const [family = '', given = '', additional = '', prefix = '', suffix = ''] = components(
		value,
		';'
	).map((part) => clean(part.replace(/,/g, ' ')));
	return clean([prefix, given, additional, family, suffix].filter(Boolean).join(' '));
}

function phoneOf(value: string): string {
	let v = clean(unescape(value));
	if (/^tel:/i.test(v)) v = v.slice(4);
	return v.replace(/;ext=/i, ' ext. ');
}

interface CardState {
	start: number;
	props: Property[];
}

function draftOf(card: CardState, binary: boolean): ContactDraft | ImportError {
	let fn = '';
	let n = '';
	const emails: string[] = [];
	const phones: string[] = [];
	const urls: string[] = [];
	const notes: string[] = [];
	let organization: string | undefined;
	let title: string | undefined;
	for (const p of card.props) {
		if (SKIPPED.has(p.name)) continue;
		switch (p.name) {
			case 'FN':
				fn ||= clean(unescape(textOf(p, binary)));
				break;
			case 'N':
				n ||= nameFromN(textOf(p, binary));
				break;
			case 'EMAIL': {
				const v = clean(unescape(textOf(p, binary))).replace(/^mailto:/i, '');
				if (v && !emails.includes(v)) emails.push(v);
				break;
			}
			case 'TEL': {
				const v = phoneOf(textOf(p, binary));
				if (v && !phones.includes(v)) phones.push(v);
				break;
			}
			case 'URL': {
				const v = clean(unescape(textOf(p, binary)));
				if (v && !urls.includes(v)) urls.push(v);
				break;
			}
			case 'ORG': {
				const v = components(textOf(p, binary), ';').map(clean).filter(Boolean)[0];
				if (v) organization ??= v;
				break;
			}
			case 'TITLE': {
				const v = clean(unescape(textOf(p, binary)));
				if (v) title ??= v;
				break;
			}
			case 'NOTE': {
				const v = unescape(textOf(p, binary)).trim();
				if (v) notes.push(v);
				break;
			}
		}
	}
	const name = fn || n;
	if (!name)
		return {
			message: `The card starting on line ${card.start} has no name (FN or N).`,
			line: card.start
		};
	const draft: ContactDraft = { name, emails, phones, urls, source: 'vcard', line: card.start };
	if (organization) draft.organization = organization;
	if (title) draft.title = title;
	if (notes.length) draft.note = notes.join('\n\n');
	return draft;
}

/**
 * Reads every card in a vCard file (2.1, 3.0 or 4.0). Bytes are best: each property is then
 * decoded with its own CHARSET. Never throws.
 */
export function parseVCard(input: string | Uint8Array, options: ParseOptions = {}): ParseResult {
	try {
		return parse(input, options);
	} catch (error) {
		// A parser bug must not take the page down: report it as the file's problem.
		return {
			items: [],
			errors: [{ message: `This file could not be read as vCard (${String(error)}).` }]
		};
	}
}

function parse(input: string | Uint8Array, { onProgress }: ParseOptions): ParseResult {
	let text: string;
	let binary = false;
	if (typeof input === 'string') text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	else {
		const problem = binaryProblem(input);
		if (problem) return { items: [], errors: [{ message: problem }] };
		const decoded = decodeText(input);
		if (decoded.encoding.startsWith('utf-16')) text = decoded.text;
		else {
			// Keep bytes as chars so each property can be decoded with its own CHARSET.
			const skip = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
			text = latin1(input.subarray(skip));
			binary = true;
		}
	}
	if (text.trim() === '') return { items: [], errors: [{ message: 'This file is empty.' }] };
	const items: ContactDraft[] = [];
	const errors: ImportError[] = [];
	let card: CardState | null = null;
	let sawCard = false;
	const lines = unfold(splitLines(text));
	const tick = progressEvery(lines.length, onProgress, 0, 2000);
	for (let i = 0; i < lines.length; i++) {
		tick(i);
		const l = lines[i]!;
		const upper = l.text.trim().toUpperCase();
		if (upper === 'BEGIN:VCARD') {
			sawCard = true;
			if (card)
				errors.push({
					message: `The card starting on line ${card.start} has no END:VCARD, so it was left out.`,
					line: card.start
				});
			card = { start: l.line, props: [] };
			continue;
		}
		if (upper === 'END:VCARD') {
			if (!card) {
				errors.push({ message: `Line ${l.line} ends a card that never began.`, line: l.line });
				continue;
			}
			const result = draftOf(card, binary);
			if ('name' in result) items.push(result);
			else errors.push(result);
			card = null;
			continue;
		}
		if (!card) continue;
		// Lines that are not properties (stray base64 of a 2.1 photo, junk) are ignored.
		const p = parseProperty(l);
		if (p) card.props.push(p);
	}
	if (card)
		errors.push({
			message: `The card starting on line ${card.start} has no END:VCARD (the file may be cut short), so it was left out.`,
			line: card.start
		});
	if (!sawCard)
		return {
			items: [],
			errors: [{ message: 'This is not a vCard file: it has no BEGIN:VCARD line.' }]
		};
	return { items, errors };
}
