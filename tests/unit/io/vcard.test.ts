import { describe, expect, it } from 'vitest';
import { parseVCard } from '../../../src/lib/io/vcard';
import { fixture, fixtureNames } from './fixtures';

interface Expected {
	name: string;
	emails?: string[];
	phones?: string[];
	organization?: string;
	title?: string;
	urls?: string[];
}

/** Per fixture file: each card's expected contact, and how many cards are reported as errors. */
const EXPECTED: Record<string, { cards: Expected[]; errors?: number }> = {
	'aosp_v21_multiple_entry.vcf': {
		cards: [
			{ name: '安藤ロイド3', phones: ['9', '10', '11', '12'] },
			{ name: '安藤ロイド4', phones: ['13', '14', '15', '16'] },
			{ name: '安藤ロイド5', phones: ['17', '18', '19', '20'] }
		]
	},
	'aosp_v21_simple_1.vcf': { cards: [{ name: 'Roid Ando' }] },
	'aosp_v30_comma_separated.vcf': { cards: [{ name: 'G M F', phones: ['1'] }] },
	'aosp_v30_simple.vcf': {
		cards: [{ name: 'And Roid', phones: ['0300000000'], organization: 'Open' }]
	},
	'ez-vcard_John_Doe_GMAIL.vcf': {
		cards: [
			{
				name: 'Mr. John Richter, James Doe Sr.',
				emails: ['john.doe@ibm.com'],
				phones: ['905-555-1234', '905-666-1234'],
				organization: 'IBM',
				title: 'Money Counter',
				urls: ['http://www.ibm.com']
			}
		]
	},
	'ez-vcard_John_Doe_IPHONE.vcf': {
		cards: [
			{
				name: 'Mr. John Richter James Doe Sr.',
				emails: ['john.doe@ibm.com'],
				phones: [
					'905-555-1234',
					'905-666-1234',
					'905-777-1234',
					'905-888-1234',
					'905-999-1234',
					'905-111-1234',
					'905-222-1234'
				],
				organization: 'IBM',
				title: 'Money Counter',
				urls: ['http://www.ibm.com']
			}
		]
	},
	'ez-vcard_John_Doe_MS_OUTLOOK.vcf': {
		cards: [
			{
				name: 'Mr. John Richter James Doe Sr.',
				emails: ['john.doe@ibm.cm'],
				phones: ['(905) 555-1234', '(905) 666-1234'],
				organization: 'IBM',
				title: 'Money Counter',
				urls: ['http://www.ibm.com']
			}
		]
	},
	'ez-vcard_gmail-single2.vcf': {
		cards: [
			{
				name: 'VCard Test',
				emails: [
					'email@example.com',
					'homeemail@example.com',
					'workemail@example.com',
					'otheremail@example.com',
					'customcategory@example.com'
				],
				phones: Array.from({ length: 11 }, (_, i) => `55555511${String(11 + i)}`),
				organization: 'TheCompany',
				title: 'TheJobTitle',
				urls: [1, 2, 3, 4, 5, 6].map((n) => `http://www.example${n}.com`)
			}
		]
	},
	'node-vcf_empty-lines.vcf': {
		cards: [
			{
				name: 'Dr. Erika Mustermann',
				emails: ['erika@mustermann.de'],
				phones: ['+49 221 9999123', '+49 221 1234567'],
				organization: 'Wikimedia',
				title: 'Redaktion & Gestaltung',
				urls: ['http://de.wikipedia.org/']
			}
		]
	},
	'node-vcf_multiple.vcf': {
		cards: [
			{
				name: 'Dr. Erika Mustermann',
				emails: ['erika@mustermann.de'],
				phones: ['+49-221-9999123', '+49-221-1234567'],
				organization: 'Wikimedia'
			},
			{
				name: 'Dr. Erika Mustermann',
				emails: ['erika@mustermann.de'],
				phones: ['(0221) 9999123', '(0221) 1234567'],
				organization: 'Wikimedia'
			},
			{
				name: 'Dr. Erika Mustermann',
				emails: ['erika@mustermann.de'],
				phones: ['+49 221 9999123', '+49 221 1234567'],
				organization: 'Wikimedia'
			}
		]
	},
	// A card holding only a photo or only a phone has no name: reported, not imported.
	'node-vcf_photo-base64.vcf': { cards: [], errors: 1 },
	'node-vcf_quoted-list.vcf': { cards: [], errors: 1 },
	'node-vcf_vcard-2.1.vcf': {
		cards: [
			{
				name: 'Forrest Gump',
				emails: ['forrestgump@example.com'],
				phones: ['(111) 555-1212', '(404) 555-1212'],
				organization: 'Bubba Gump Shrimp Co.',
				title: 'Shrimp Man'
			}
		]
	},
	'node-vcf_vcard-3.0.vcf': {
		cards: [
			{
				name: 'Forrest Gump',
				emails: ['forrestgump@example.com'],
				phones: ['(111) 555-1212', '(404) 555-1212'],
				organization: 'Bubba Gump Shrimp Co.'
			}
		]
	},
	'node-vcf_vcard-4.0.vcf': {
		cards: [
			{
				name: 'Forrest Gump',
				emails: ['forrestgump@example.com'],
				phones: ['+11115551212', '+14045551212', '+14045551213'],
				organization: 'Bubba Gump Shrimp Co.'
			}
		]
	}
};

describe('parseVCard over every shared fixture', () => {
	it('has an expectation for every file in the fixtures folder', () => {
		expect(fixtureNames('vcard')).toEqual(Object.keys(EXPECTED).sort());
	});

	for (const [file, expected] of Object.entries(EXPECTED)) {
		it(file, () => {
			const bytes = fixture(`vcard/${file}`);
			const result = parseVCard(bytes);
			expect(result.errors).toHaveLength(expected.errors ?? 0);
			expect(result.items).toHaveLength(expected.cards.length);
			expected.cards.forEach((card, i) => {
				const got = result.items[i]!;
				expect(got.source).toBe('vcard');
				expect(got.name).toBe(card.name);
				if (card.emails) expect(got.emails).toEqual(card.emails);
				if (card.phones) expect(got.phones).toEqual(card.phones);
				if (card.organization) expect(got.organization).toBe(card.organization);
				if (card.title) expect(got.title).toBe(card.title);
				if (card.urls) expect(got.urls).toEqual(card.urls);
			});
			// The same file as a string (already decoded) gives the same names, except where a
			// CHARSET names a non-UTF-8 encoding (only bytes can be decoded by it).
			if (!file.startsWith('aosp_v21_multiple'))
				expect(parseVCard(new TextDecoder().decode(bytes)).items.map((c) => c.name)).toEqual(
					result.items.map((c) => c.name)
				);
		});
	}

	it('reads notes with escapes and folding, and skips the embedded photo', () => {
		const gmail = parseVCard(fixture('vcard/ez-vcard_John_Doe_GMAIL.vcf')).items[0]!;
		expect(gmail.note).toMatch(
			/^THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"/
		);
		expect(gmail.note).toContain('LIMITED TO, THE IMPLIED');
		expect(gmail.note).toMatch(/\nFavotire Color: Blue$/);
		const iphone = parseVCard(fixture('vcard/ez-vcard_John_Doe_IPHONE.vcf')).items[0]!;
		expect(JSON.stringify(iphone)).not.toContain('/9j/');
	});
});

const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

describe('parseVCard details', () => {
	it('decodes quoted-printable with soft line breaks in the declared charset', () => {
		const latin1 = crlf([
			'BEGIN:VCARD',
			'VERSION:2.1',
			'N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCr=',
			'gen',
			'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Line one=0D=0ALine =C3=A9',
			'END:VCARD'
		]);
		const card = parseVCard(latin1).items[0]!;
		expect(card.name).toBe('Jürgen Müller');
		expect(card.note).toBe('Line one\r\nLine é');
	});

	it('decodes raw Windows-1252 bytes by CHARSET (Shift_JIS: the aosp fixture)', () => {
		const head = new TextEncoder().encode(
			'BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=WINDOWS-1252:Ren'
		);
		const tail = new TextEncoder().encode('\r\nEND:VCARD\r\n');
		const bytes = new Uint8Array([...head, 0xe9, 0x20, 0x80, ...tail]);
		expect(parseVCard(bytes).items[0]!.name).toBe('René €');
	});

	it('takes a UTF-8 file with a BOM and LF line ends', () => {
		const text = '\uFEFFBEGIN:VCARD\nVERSION:3.0\nFN:Zoë\n Ångström\nEND:VCARD\n';
		expect(parseVCard(new TextEncoder().encode(text)).items[0]!.name).toBe('ZoëÅngström');
	});

	it('takes UTF-16 with a BOM', () => {
		const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Łukasz Nowak\r\nEND:VCARD\r\n';
		const le = new Uint8Array(2 + text.length * 2);
		le[0] = 0xff;
		le[1] = 0xfe;
		for (let i = 0; i < text.length; i++) {
			le[2 + i * 2] = text.charCodeAt(i) & 0xff;
			le[3 + i * 2] = text.charCodeAt(i) >> 8;
		}
		expect(parseVCard(le).items[0]!.name).toBe('Łukasz Nowak');
	});

	it('unescapes \\, \\; \\n and backslashes', () => {
		const card = parseVCard(
			crlf([
				'BEGIN:VCARD',
				'VERSION:3.0',
				'FN:Smith\\, Jo',
				'ORG:Acme\\; Sons;Sales',
				'NOTE:one\\ntwo \\\\ three',
				'END:VCARD'
			])
		).items[0]!;
		expect(card).toMatchObject({
			name: 'Smith, Jo',
			organization: 'Acme; Sons',
			note: 'one\ntwo \\ three'
		});
	});

	it('builds the name from N when there is no FN', () => {
		const card = parseVCard(
			crlf(['BEGIN:VCARD', 'VERSION:3.0', 'N:Okafor;Amara;;Dr.;', 'END:VCARD'])
		).items[0]!;
		expect(card.name).toBe('Dr. Amara Okafor');
	});

	it('reports a malformed card with its line and still imports the others', () => {
		const text = crlf([
			'BEGIN:VCARD',
			'FN:First',
			'END:VCARD',
			'BEGIN:VCARD',
			'TEL:123',
			'END:VCARD',
			'BEGIN:VCARD',
			'FN:Cut short',
			'BEGIN:VCARD',
			'FN:Third',
			'END:VCARD'
		]);
		const result = parseVCard(text);
		expect(result.items.map((c) => c.name)).toEqual(['First', 'Third']);
		expect(result.errors).toEqual([
			{ message: expect.stringContaining('no name'), line: 4 },
			{ message: expect.stringContaining('no END:VCARD'), line: 7 }
		]);
		expect(result.items[1]!.line).toBe(9);
	});
});

describe('parseVCard on hostile input', () => {
	const cases: [string, string | Uint8Array, RegExp][] = [
		['empty', '', /empty/],
		['empty bytes', new Uint8Array(), /empty/],
		['only blank lines', '\r\n\n  \n', /empty/],
		['a JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), /This file is a photo/],
		['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]), /This file is a photo/],
		[
			'random binary',
			new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256)),
			/not text|photo|archive/
		],
		['a CSV', 'Name,Email\nA,a@b\n', /no BEGIN:VCARD/],
		['a card without END:VCARD', 'BEGIN:VCARD\nFN:Half\n', /no END:VCARD/]
	];
	for (const [label, input, message] of cases)
		it(label, () => {
			const result = parseVCard(input);
			expect(result.items).toEqual([]);
			expect(result.errors[0]!.message).toMatch(message);
		});

	it('survives 10 MB on one line', () => {
		const big = 'BEGIN:VCARD\r\nFN:' + 'x'.repeat(10 * 1024 * 1024) + '\r\nEND:VCARD\r\n';
		const result = parseVCard(big);
		expect(result.items[0]!.name).toHaveLength(10 * 1024 * 1024);
		expect(parseVCard('y'.repeat(10 * 1024 * 1024)).errors[0]!.message).toMatch(/no BEGIN:VCARD/);
	});

	it('takes a wrongly declared charset without failing', () => {
		const result = parseVCard('BEGIN:VCARD\r\nFN;CHARSET=NOT-A-CHARSET:Ann\r\nEND:VCARD\r\n');
		expect(result.items[0]!.name).toBe('Ann');
	});
});

describe('parseVCard progress', () => {
	it('reports how far it is, rising, without a report per line', () => {
		const text = Array.from(
			{ length: 3000 },
			(_, i) => `BEGIN:VCARD\r\nFN:P ${i}\r\nEND:VCARD\r\n`
		).join('');
		const seen: number[] = [];
		const result = parseVCard(text, { onProgress: (done) => seen.push(done) });
		expect(result.items).toHaveLength(3000);
		expect(seen.length).toBeGreaterThan(2);
		expect(seen.length).toBeLessThan(20);
		expect(seen).toEqual([...seen].sort((a, b) => a - b));
		expect(seen.every((d) => d >= 0 && d < 1)).toBe(true);
	});
});
