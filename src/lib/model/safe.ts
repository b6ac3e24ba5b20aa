/**
 * The one gate for outside text (typed, imported, synced from a partner) that becomes a link, a
 * file name or an attribute value. Svelte escapes what it renders, so markup injection is not
 * the danger here; these close what escaping cannot: a `javascript:` or `data:` link, a file
 * name that climbs out of a folder or fakes its extension, an attribute of a megabyte.
 *
 * Each returns a value safe to use as is, or null (links) when there is nothing safe to offer.
 */

/** Longer than any real web address people keep for a contact. */
export const MAX_HREF_LENGTH = 2048;
/** RFC 5321's limit for an address. */
export const MAX_EMAIL_LENGTH = 254;
/** Fits every file system Village's files land on (255 bytes), with room for the extension. */
export const MAX_FILE_NAME_LENGTH = 120;
/** An attribute (title, aria-label, data-*) is a label, not a document. */
export const MAX_ATTR_LENGTH = 500;

/** C0 and C1 control characters, DEL included (tab, newline, NUL, ESC…). */
export function isControl(char: string): boolean {
	const code = char.codePointAt(0) ?? 0;
	return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

const hasControl = (text: string) => Array.from(text).some(isControl);
const controlsToSpaces = (text: string) =>
	Array.from(text, (char) => (isControl(char) ? ' ' : char)).join('');

/**
 * Invisible characters that reorder or hide text (bidi overrides, zero-width marks): they make
 * `report\u202Etxt.exe` look like `reportexe.txt`.
 */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

const WEB_SCHEMES = ['http:', 'https:'];

/**
 * A web link for `href`: only http(s), only an absolute address with a host, no user name or
 * password (`user:password@host`), nothing hidden by control characters.
 * Returns the address as the browser would read it, or null.
 */
export function safeHref(raw: string, schemes: readonly string[] = WEB_SCHEMES): string | null {
	if (typeof raw !== 'string') return null;
	const text = raw.trim();
	if (text === '' || text.length > MAX_HREF_LENGTH) return null;
	// The browser drops tabs and newlines inside a URL (`java\nscript:`): refuse them instead.
	if (hasControl(text) || INVISIBLE.test(text)) return null;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return null;
	}
	if (!schemes.includes(url.protocol.toLowerCase())) return null;
	if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
	return url.href;
}

/** What a link to a web address shows: the address without its scheme and trailing slash. */
export function hrefLabel(href: string): string {
	return safeAttr(href.replace(/^https?:\/\//i, '').replace(/\/$/, ''), 200);
}

/**
 * A `mailto:` link for one plain address, or null. Anything that would add headers or a body
 * (`?`, `&`), a second recipient (`,`, `;`) or hidden characters is refused.
 */
export function safeMailto(raw: string): string | null {
	if (typeof raw !== 'string') return null;
	const address = raw.trim();
	if (address.length > MAX_EMAIL_LENGTH) return null;
	if (
		!/^[^\s@<>()[\]\\,;:"?#&/%]+@[^\s@<>()[\]\\,;:"?#&/%]+\.[^\s@<>()[\]\\,;:"?#&/%]+$/.test(
			address
		)
	)
		return null;
	if (hasControl(address) || INVISIBLE.test(address)) return null;
	return `mailto:${address}`;
}

/** Names Windows keeps for devices: `CON.txt` cannot be saved there. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * A file name for a download: one name, no folder (`/`, `\`, `..`), none of the characters
 * file systems refuse, no control or invisible characters, not a device name, not hidden (a
 * leading dot), at most MAX_FILE_NAME_LENGTH characters, ending in `.extension` when given.
 * Falls back to `fallback` when nothing usable is left.
 */
export function safeFileName(raw: string, extension = '', fallback = 'village'): string {
	const ext = extension
		.replace(/^\.+/, '')
		.replace(/[^a-z0-9]/gi, '')
		.slice(0, 10);
	const suffix = ext ? `.${ext}` : '';
	let name = controlsToSpaces(typeof raw === 'string' ? raw : '')
		.normalize('NFC')
		.replace(INVISIBLE_ALL, '')
		.replace(/[/\\<>:"|?*]/g, '-')
		.replace(/\s+/g, ' ')
		.replace(/\.{2,}/g, '.')
		.replace(/^[\s.-]+/, '')
		.replace(/[\s.]+$/, '');
	if (suffix && name.toLowerCase().endsWith(suffix.toLowerCase())) {
		name = name.slice(0, -suffix.length).replace(/[\s.]+$/, '');
	}
	name = Array.from(name)
		.slice(0, MAX_FILE_NAME_LENGTH - suffix.length)
		.join('')
		.replace(/[\s.]+$/, '');
	if (name === '') name = fallback;
	if (RESERVED.test(name.split('.')[0] ?? '')) name = `_${name}`;
	return name + suffix;
}

/**
 * Outside text for an attribute value (title, aria-label, data-*, alt): control characters
 * become spaces, invisible reordering characters go, and it stops at `max` characters.
 */
export function safeAttr(raw: string, max = MAX_ATTR_LENGTH): string {
	const text = controlsToSpaces(typeof raw === 'string' ? raw : '')
		.replace(INVISIBLE_ALL, '')
		.replace(/\s+/g, ' ')
		.trim();
	const chars = Array.from(text);
	return chars.length > max ? `${chars.slice(0, Math.max(0, max - 1)).join('')}…` : text;
}

/** A link made from outside text, ready for `<a href={href}>{label}</a>`. */
export interface SafeLink {
	href: string;
	label: string;
	/** True for a web page (opens in a new tab, no referrer); false for an e-mail address. */
	external: boolean;
}

/**
 * A contact's e-mail addresses and web links as links, each through its gate above; anything
 * that fails (a `javascript:` link, an address with headers) is left out, and duplicates once.
 */
export function contactLinks(emails: readonly string[], links: readonly string[]): SafeLink[] {
	const out = new Map<string, SafeLink>();
	for (const email of emails) {
		const href = safeMailto(email);
		if (href) out.set(href, { href, label: safeAttr(email.trim(), 200), external: false });
	}
	for (const link of links) {
		const href = safeHref(link);
		if (href) out.set(href, { href, label: hrefLabel(href), external: true });
	}
	return [...out.values()];
}
