import { describe, expect, it } from 'vitest';
import { parseContactsCsv, parseLooseDate } from '../../../src/lib/io/contacts-csv';
import { fixture, fixtureNames } from './fixtures';

describe('parseContactsCsv over every shared fixture', () => {
	it('covers every file in the fixtures folder', () => {
		expect(fixtureNames('csv')).toEqual(['google-contacts.csv', 'linkedin-Connections.csv']);
	});

	it('reads LinkedIn Connections.csv after its Notes preamble', () => {
		const { items, errors } = parseContactsCsv(fixture('csv/linkedin-Connections.csv'));
		expect(errors).toEqual([]);
		expect(items.map((c) => [c.name, c.emails, c.organization, c.title, c.connectedOn])).toEqual([
			['Amara Okafor', [], 'Northwind Traders', 'Head of Partnerships', '2024-03-14'],
			[
				'Jonas Lindqvist',
				['jonas.lindqvist@example.com'],
				'Fabrikam, Inc.',
				'Staff Engineer',
				'2023-01-02'
			],
			['Priya Raman', [], 'Contoso Health', 'Director, Product Design', '2021-09-28'],
			['Mateo García Núñez', [], 'Tailspin Toys', 'VP "Growth" & Revenue', '2025-11-11'],
			['Wei Zhang', [], undefined, undefined, '2019-06-05']
		]);
		expect(items.every((c) => c.source === 'linkedin' && c.phones.length === 0)).toBe(true);
		expect(items[0]!.urls).toEqual(['https://www.linkedin.com/in/amara-okafor-0001']);
		expect(items.map((c) => c.line)).toEqual([5, 6, 7, 8, 9]);
	});

	it('reads Google Contacts CSV with a BOM, multi-line notes and several E-mail columns', () => {
		const { items, errors } = parseContactsCsv(fixture('csv/google-contacts.csv'));
		expect(errors).toEqual([]);
		expect(items.map((c) => [c.name, c.emails, c.phones, c.organization])).toEqual([
			['Amara Okafor', ['amara@northwind.example'], ['+44 20 7946 0018'], 'Northwind Traders'],
			[
				'Dr. Jürgen Weiß',
				['j.weiss@fabrikam.example', 'juergen@home.example'],
				['+49 30 901820'],
				'Fabrikam'
			],
			['Lena', ['lena@example.net'], [], undefined]
		]);
		expect(items[0]!.note).toBe(
			'Met at the Women in Product meetup.\nWants an intro to a hospital CTO.'
		);
		expect(items[1]!.urls).toEqual(['https://example.org/jweiss']);
		expect(items.every((c) => c.source === 'google')).toBe(true);
		// Amara's note spans two lines, so Jürgen starts on line 4.
		expect(items.map((c) => c.line)).toEqual([2, 4, 5]);
	});

	it('reads the same files re-saved with CRLF, as UTF-16 and as Windows-1252', () => {
		const text = new TextDecoder().decode(fixture('csv/linkedin-Connections.csv'));
		const crlf = text.replace(/\r?\n/g, '\r\n');
		const names = (input: string | Uint8Array) => parseContactsCsv(input).items.map((c) => c.name);
		const expected = names(text);
		expect(names(crlf)).toEqual(expected);
		const utf16 = new Uint8Array(2 + crlf.length * 2);
		utf16.set([0xff, 0xfe]);
		for (let i = 0; i < crlf.length; i++) {
			utf16[2 + 2 * i] = crlf.charCodeAt(i) & 0xff;
			utf16[3 + 2 * i] = crlf.charCodeAt(i) >> 8;
		}
		expect(names(utf16)).toEqual(expected);
		const cp1252 = Uint8Array.from(crlf, (ch) => ch.charCodeAt(0));
		expect(names(cp1252)).toEqual(expected);
	});
});

describe('other layouts', () => {
	it('reads Outlook CSV', () => {
		const csv = [
			'First Name,Middle Name,Last Name,Title,Suffix,Company,Job Title,Business Phone,Mobile Phone,E-mail Address,E-mail 2 Address,Web Page,Notes',
			'Ana,,Silva,Ms.,,Contoso,CFO,+1 555 0100,+1 555 0101,ana@contoso.example,ana@home.example,https://contoso.example,"Likes ""chess"", not golf"'
		].join('\r\n');
		const { items, errors } = parseContactsCsv(csv);
		expect(errors).toEqual([]);
		expect(items[0]).toMatchObject({
			name: 'Ms. Ana Silva',
			source: 'outlook',
			organization: 'Contoso',
			title: 'CFO',
			phones: ['+1 555 0100', '+1 555 0101'],
			emails: ['ana@contoso.example', 'ana@home.example'],
			urls: ['https://contoso.example'],
			note: 'Likes "chess", not golf'
		});
	});

	it('reads the older Google layout with ::: multi-values and many E-mail columns', () => {
		const csv = [
			'Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value,E-mail 3 - Type,E-mail 3 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Name,Organization 1 - Title',
			'Kim Lee,Kim,Lee,* Home ::: Work,kim@a.example ::: kim@b.example,Other,kim@c.example,,,Mobile,+82 2 1234 ::: +82 2 5678,Initech,Analyst'
		].join('\n');
		const { items } = parseContactsCsv(csv);
		expect(items[0]).toMatchObject({
			name: 'Kim Lee',
			source: 'google',
			emails: ['kim@a.example', 'kim@b.example', 'kim@c.example'],
			phones: ['+82 2 1234', '+82 2 5678'],
			organization: 'Initech',
			title: 'Analyst'
		});
	});

	it('finds the header after any preamble, and names rows without a name by line', () => {
		const csv =
			'Exported by X\n\nSome note,with a comma\nFirst Name,Last Name,Email Address,Company,Position,Connected On\nA,B,,,,7-Feb-22\n,,,Acme,,\n';
		const { items, errors } = parseContactsCsv(csv);
		expect(items).toMatchObject([{ name: 'A B', connectedOn: '2022-02-07', line: 5 }]);
		expect(errors).toEqual([{ message: 'Line 6: this row has no name.', line: 6 }]);
	});
});

describe('parseLooseDate', () => {
	it.each([
		['14 Mar 2024', '2024-03-14'],
		['7-Feb-22', '2022-02-07'],
		['02 Jan 2023', '2023-01-02'],
		['Mar 14, 2024', '2024-03-14'],
		['2024-03-14', '2024-03-14'],
		['3/14/2024', '2024-03-14'],
		['31/12/2024', '2024-12-31'],
		['30 Feb 2024', undefined],
		['soon', undefined],
		['', undefined]
	])('%s → %s', (input, expected) => expect(parseLooseDate(input)).toBe(expected));
});

describe('parseContactsCsv on hostile input', () => {
	it('says a spreadsheet has no name column', () => {
		const { items, errors } = parseContactsCsv('Product,Price\nTea,3\n');
		expect(items).toEqual([]);
		expect(errors[0]!.message).toMatch(/^This looks like a spreadsheet without a name column/);
	});

	it('says a photo is a photo', () => {
		const { errors } = parseContactsCsv(new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 0, 0]));
		expect(errors[0]!.message).toBe('This file is a photo, not a contacts file.');
	});

	it.each([
		['empty', ''],
		['empty bytes', new Uint8Array()],
		['binary', new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 31) % 256))]
	])('refuses %s with a message', (_, input) => {
		const result = parseContactsCsv(input);
		expect(result.items).toEqual([]);
		expect(result.errors).toHaveLength(1);
	});

	it('names the line of an unterminated quote and keeps the rows before it', () => {
		const csv = 'Name,E-mail Address\nAnn,ann@x.example\n"Bob,bob@x.example\nCyd,cyd@x.example\n';
		const { items, errors } = parseContactsCsv(csv);
		expect(items.map((c) => c.name)).toEqual(['Ann']);
		expect(errors).toEqual([
			{ message: expect.stringMatching(/^Line 3: a quoted field never ends/), line: 3 }
		]);
	});

	it('survives 10 MB on one line', () => {
		const result = parseContactsCsv('x'.repeat(10 * 1024 * 1024));
		expect(result.items).toEqual([]);
		expect(result.errors[0]!.message).toMatch(/without a name column/);
	});

	it('tells a vCard apart', () => {
		expect(parseContactsCsv('BEGIN:VCARD\r\nFN:A\r\nEND:VCARD').errors[0]!.message).toMatch(
			/vCard/
		);
	});
});

describe('parseContactsCsv progress', () => {
	it('reports the rows half of the work, rising, a few times for a large file', () => {
		const rows = Array.from({ length: 2600 }, (_, i) => `P${i},Lee,p${i}@example.org`);
		const seen: number[] = [];
		const result = parseContactsCsv(['First Name,Last Name,E-mail Address', ...rows].join('\n'), {
			onProgress: (done) => seen.push(done)
		});
		expect(result.items).toHaveLength(2600);
		expect(seen[0]).toBe(0.5);
		expect(seen.length).toBeGreaterThan(3);
		expect(seen).toEqual([...seen].sort((a, b) => a - b));
		expect(seen.every((d) => d >= 0.5 && d < 1)).toBe(true);
	});
});
