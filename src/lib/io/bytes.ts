/**
 * Turning a file's bytes into text: byte-order marks, UTF-16, UTF-8, and the Windows-1252 that
 * older exporters (Outlook, Excel) still write. Also tells a photo or other binary apart from a
 * text file, so the user hears "This file is a photo" rather than a list of broken lines.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const MAGIC: [string, number[]][] = [
	['photo', [0xff, 0xd8, 0xff]], // JPEG
	['photo', [0x89, 0x50, 0x4e, 0x47]], // PNG
	['photo', [0x47, 0x49, 0x46, 0x38]], // GIF8
	['photo', [0x52, 0x49, 0x46, 0x46]], // RIFF (WebP)
	['PDF document', [0x25, 0x50, 0x44, 0x46]], // %PDF
	['compressed archive (a .zip, or an Excel or Numbers workbook)', [0x50, 0x4b, 0x03, 0x04]],
	['compressed archive', [0x1f, 0x8b]] // gzip
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
	return sig.length <= bytes.length && sig.every((b, i) => bytes[i] === b);
}

/** "This file is a photo"-style message when the bytes are plainly not text, else null. */
export function binaryProblem(bytes: Uint8Array): string | null {
	for (const [kind, sig] of MAGIC)
		if (startsWith(bytes, sig)) return `This file is a ${kind}, not a contacts file.`;
	// HEIC/HEIF photos: "ftyp" at offset 4.
	if (bytes.length > 12 && String.fromCharCode(...bytes.subarray(4, 8)) === 'ftyp')
		return 'This file is a photo, not a contacts file.';
	if (bomEncoding(bytes)) return null;
	// Text has no NUL bytes (UTF-16 without a BOM is the exception, handled by the caller).
	const sample = bytes.subarray(0, 4096);
	let nul = 0;
	let control = 0;
	for (const b of sample) {
		if (b === 0) nul++;
		else if (b < 9 || (b > 13 && b < 32)) control++;
	}
	if (sample.length > 0 && nul === 0 && control / sample.length > 0.1)
		return 'This file is not text, so it cannot be a contacts file.';
	if (nul > 0 && !looksUtf16(sample))
		return 'This file is not text, so it cannot be a contacts file.';
	return null;
}

function bomEncoding(bytes: Uint8Array): { encoding: Encoding; skip: number } | null {
	if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', skip: 3 };
	if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', skip: 2 };
	if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', skip: 2 };
	return null;
}

/** UTF-16 without a BOM: every other byte of ASCII text is zero. */
function looksUtf16(sample: Uint8Array): Encoding | null {
	if (sample.length < 4) return null;
	let evenZero = 0;
	let oddZero = 0;
	for (let i = 0; i + 1 < sample.length; i += 2) {
		if (sample[i] === 0) evenZero++;
		if (sample[i + 1] === 0) oddZero++;
	}
	const pairs = Math.floor(sample.length / 2);
	if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
	if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
	return null;
}

/** Windows-1252's 0x80–0x9F (the rest is Latin-1); 0 where the byte is undefined. */
const CP1252_HIGH = [
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
	0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
	0x203a, 0x0153, 0, 0x017e, 0x0178
];

/** Labels the WHATWG Encoding standard maps to Windows-1252 (Latin-1 included). */
const CP1252_LABELS =
	/^(windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|iso_8859-1|latin1|l1|us-ascii|ascii|ansi_x3\.4-1968|cp819|ibm819|iso-ir-100)$/;

/**
 * Windows-1252 by hand: some Node versions decode it as plain Latin-1 (0x80 as U+0080 instead
 * of €), browsers do not; this gives the same text everywhere.
 */
function decodeCp1252(bytes: Uint8Array): string {
	let out = '';
	const CHUNK = 0x4000;
	for (let i = 0; i < bytes.length; i += CHUNK) {
		const part = Array.from(bytes.subarray(i, i + CHUNK), (b) =>
			b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b
		);
		out += String.fromCharCode(...part);
	}
	return out;
}

/** Decodes with a named character set; null when the set is unknown or the bytes are not valid in it. */
export function decodeAs(bytes: Uint8Array, charset: string, fatal = true): string | null {
	const label = charset.trim().toLowerCase();
	if (CP1252_LABELS.test(label)) return decodeCp1252(bytes);
	try {
		return new TextDecoder(label, { fatal }).decode(bytes);
	} catch {
		return null;
	}
}

/**
 * A whole file as text: the BOM decides when there is one; else UTF-8 if the bytes are valid
 * UTF-8, else Windows-1252 (which accepts any byte, and is what "ANSI" exports are).
 */
export function decodeText(input: string | Uint8Array): { text: string; encoding: Encoding } {
	if (typeof input === 'string')
		return { text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input, encoding: 'utf-8' };
	const bom = bomEncoding(input);
	if (bom) {
		const text =
			decodeAs(input.subarray(bom.skip), bom.encoding, false) ?? ''; /* not reached: non-fatal */
		return { text, encoding: bom.encoding };
	}
	const utf16 = looksUtf16(input.subarray(0, 4096));
	if (utf16) return { text: decodeAs(input, utf16, false) ?? '', encoding: utf16 };
	const utf8 = decodeAs(input, 'utf-8');
	if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
	return { text: decodeAs(input, 'windows-1252', false) ?? '', encoding: 'windows-1252' };
}

/** Bytes as a "binary string": one char per byte, so a later step can decode parts by charset. */
export function latin1(bytes: Uint8Array): string {
	let out = '';
	const CHUNK = 0x8000;
	for (let i = 0; i < bytes.length; i += CHUNK)
		out += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
	return out;
}

export function utf8Bytes(text: string): Uint8Array {
	return new TextEncoder().encode(text);
}
