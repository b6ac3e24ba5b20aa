import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	contactLinks,
	MAX_ATTR_LENGTH,
	MAX_FILE_NAME_LENGTH,
	MAX_HREF_LENGTH,
	hrefLabel,
	isControl,
	safeAttr,
	safeFileName,
	safeHref,
	safeMailto
} from '../../../src/lib/model/safe';

describe('safeHref', () => {
	it.each([
		['https://example.com', 'https://example.com/'],
		['  http://example.com/a?b=c#d  ', 'http://example.com/a?b=c#d'],
		['HTTPS://Example.COM/Path', 'https://example.com/Path'],
		['https://www.linkedin.com/in/ada-lovelace', 'https://www.linkedin.com/in/ada-lovelace'],
		['https://example.com/a page', 'https://example.com/a%20page']
	])('keeps the web address %j as %j', (raw, href) => {
		expect(safeHref(raw)).toBe(href);
	});

	it.each([
		'javascript:alert(1)',
		'JavaScript:alert(1)',
		'  javascript:alert(1)',
		'java\tscript:alert(1)',
		'java\nscript:alert(1)',
		'java\rscript:alert(1)',
		'\u0000javascript:alert(1)',
		'javascript\u0000:alert(1)',
		'jav&#x09;ascript:alert(1)',
		'javascript&colon;alert(1)',
		'\u200bjavascript:alert(1)',
		'https://example.com/\u202etxt.exe',
		'data:text/html,<script>alert(1)</script>',
		'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
		'vbscript:msgbox(1)',
		'VBScript:msgbox(1)',
		'file:///etc/passwd',
		'blob:https://example.com/1234',
		'ftp://example.com/',
		'mailto:a@example.com',
		'//evil.example/path',
		'/people/1',
		'example.com',
		'https://bank.example@evil.example/',
		'https://user:pass@example.com/',
		'http://',
		'https://',
		'',
		'   '
	])('refuses %j', (raw) => {
		expect(safeHref(raw)).toBeNull();
	});

	it('refuses a very long address and keeps one at the limit', () => {
		const base = 'https://example.com/';
		expect(safeHref(base + 'a'.repeat(MAX_HREF_LENGTH - base.length))).not.toBeNull();
		expect(safeHref(base + 'a'.repeat(MAX_HREF_LENGTH))).toBeNull();
		expect(safeHref('https://example.com/' + 'a'.repeat(1_000_000))).toBeNull();
	});

	it('refuses what is not a string', () => {
		expect(safeHref(undefined as unknown as string)).toBeNull();
		expect(safeHref({ toString: () => 'https://example.com' } as unknown as string)).toBeNull();
	});

	it('never returns anything but an http(s) address, whatever the input', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (tail) => {
				for (const raw of [tail, `javascript:${tail}`, `https://${tail}`, ` ${tail}javascript:`]) {
					const href = safeHref(raw);
					if (href !== null) expect(href).toMatch(/^https?:\/\/[^\s]/);
				}
			})
		);
	});

	it('is labelled without scheme or trailing slash', () => {
		expect(hrefLabel('https://example.com/')).toBe('example.com');
		expect(hrefLabel('http://example.com/a/b')).toBe('example.com/a/b');
		expect(hrefLabel('https://example.com/' + 'x'.repeat(500)).length).toBe(200);
	});
});

describe('safeMailto', () => {
	it('links a plain address', () => {
		expect(safeMailto(' ada@example.com ')).toBe('mailto:ada@example.com');
		expect(safeMailto('a.b+c@mail.example.co.uk')).toBe('mailto:a.b+c@mail.example.co.uk');
	});

	it.each([
		'ada@example.com?subject=hi',
		'ada@example.com?bcc=boss@example.com',
		'ada@example.com&body=x',
		'ada@example.com,eve@example.com',
		'ada@example.com;eve@example.com',
		'ada@example.com#x',
		'javascript:alert(1)//@example.com',
		'ada@example.com\nbcc:eve@example.com',
		'ada\u0000@example.com',
		'ada\u202e@example.com',
		'<ada@example.com>',
		'"ada"@example.com',
		'ada@example',
		'ada',
		'@example.com',
		'a@b@example.com',
		'ada @example.com',
		'ada%0a@example.com',
		`${'a'.repeat(250)}@example.com`,
		''
	])('refuses %j', (raw) => {
		expect(safeMailto(raw)).toBeNull();
	});
});

describe('safeFileName', () => {
	it.each([
		['Village export 2026-12-04', 'csv', 'Village export 2026-12-04.csv'],
		['Ada Lovelace', 'vcf', 'Ada Lovelace.vcf'],
		['Ada Lovelace.vcf', 'vcf', 'Ada Lovelace.vcf'],
		['Ada Lovelace.VCF', '.vcf', 'Ada Lovelace.vcf'],
		['Zoë Ñúñez', 'txt', 'Zoë Ñúñez.txt'],
		['plan', '', 'plan']
	])('keeps %j (.%s) as %j', (raw, ext, name) => {
		expect(safeFileName(raw, ext)).toBe(name);
	});

	it.each([
		['../../etc/passwd', 'txt', 'etc-passwd.txt'],
		['..\\..\\Windows\\System32\\drivers', 'txt', 'Windows-System32-drivers.txt'],
		['/absolute/path', 'csv', 'absolute-path.csv'],
		['a/../b', 'csv', 'a-.-b.csv'],
		['..', 'csv', 'village.csv'],
		['.', 'csv', 'village.csv'],
		['.bashrc', '', 'bashrc'],
		['...hidden...', 'txt', 'hidden.txt'],
		['name. . .', 'txt', 'name.txt'],
		['CON', 'txt', '_CON.txt'],
		['con.csv', 'csv', '_con.csv'],
		['nul', '', '_nul'],
		['LPT1', 'vcf', '_LPT1.vcf'],
		['COM9', 'ics', '_COM9.ics'],
		['report\u202etxt.exe', 'csv', 'reporttxt.exe.csv'],
		['a<b>c:d"e|f?g*h', 'txt', 'a-b-c-d-e-f-g-h.txt'],
		['line\nbreak\ttab\u0000nul\u007f', 'txt', 'line break tab nul.txt'],
		['   ', 'csv', 'village.csv'],
		['<img src=x onerror=alert(1)>', 'csv', 'img src=x onerror=alert(1)-.csv'],
		['x', 'c/s\\v', 'x.csv']
	])('makes %j (.%s) into %j', (raw, ext, name) => {
		expect(safeFileName(raw, ext)).toBe(name);
	});

	it('cuts a very long name and keeps the extension', () => {
		const name = safeFileName('a'.repeat(10_000), 'csv');
		expect(name.length).toBe(MAX_FILE_NAME_LENGTH);
		expect(name.endsWith('a.csv')).toBe(true);
		const emoji = safeFileName('🙂'.repeat(500), 'csv');
		expect(Array.from(emoji).length).toBe(MAX_FILE_NAME_LENGTH);
		expect(emoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
	});

	it('uses the fallback when nothing is left', () => {
		expect(safeFileName('///', 'csv', 'people')).toBe('people.csv');
		expect(safeFileName(null as unknown as string, 'csv')).toBe('village.csv');
	});

	it('never yields a path, a hidden file, a control character or a device name', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => {
				const name = safeFileName(raw, 'csv');
				expect(name).toMatch(/\.csv$/);
				expect(name).not.toMatch(/[/\\<>:"|?*\u202a-\u202e]/);
				expect(Array.from(name).some(isControl)).toBe(false);
				expect(name).not.toMatch(/^[.\s]/);
				expect(name).not.toContain('..');
				expect(Array.from(name).length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
				expect(name.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
			})
		);
	});
});

describe('isControl', () => {
	it('knows C0, DEL and C1 from printable characters', () => {
		expect(['\u0000', '\t', '\n', '\u001b', '\u007f', '\u0085', '\u009f'].map(isControl)).toEqual(
			Array(7).fill(true)
		);
		expect([' ', 'a', '\u00a0', 'é', '🙂', '\u202e'].map(isControl)).toEqual(Array(6).fill(false));
	});
});

describe('safeAttr', () => {
	it('keeps ordinary text', () => {
		expect(safeAttr('Ada Lovelace, CTO')).toBe('Ada Lovelace, CTO');
	});

	it('turns control characters into spaces and drops invisible reordering ones', () => {
		expect(safeAttr('a\u0000b\nc\td\u007fe')).toBe('a b c d e');
		expect(safeAttr('abc\u202edef\u200b')).toBe('abcdef');
	});

	it('leaves markup as text (Svelte escapes it) but never lets it grow unbounded', () => {
		expect(safeAttr('"><img src=x onerror=alert(1)>')).toBe('"><img src=x onerror=alert(1)>');
		const long = safeAttr('x'.repeat(100_000));
		expect(long.length).toBe(MAX_ATTR_LENGTH);
		expect(long.endsWith('…')).toBe(true);
		expect(safeAttr('abcdef', 4)).toBe('abc…');
	});
});

describe('contactLinks', () => {
	it('links addresses and web pages, leaves hostile ones out, lists each once', () => {
		expect(
			contactLinks(
				[' ada@example.com ', 'ada@example.com', 'x@example.com?bcc=eve@example.com', ''],
				[
					'https://ada.example/',
					'javascript:alert(1)',
					'JAVASCRIPT:alert(1)',
					'java\tscript:alert(1)',
					'data:text/html,<script>alert(1)</script>',
					'https://ada.example',
					'linkedin.com/in/ada'
				]
			)
		).toEqual([
			{ href: 'mailto:ada@example.com', label: 'ada@example.com', external: false },
			{ href: 'https://ada.example/', label: 'ada.example', external: true }
		]);
	});
});
