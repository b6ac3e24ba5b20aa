import ICAL from 'ical.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportICalendar, vtimezone } from '../../../src/lib/io/icalendar';
import { foldLine } from '../../../src/lib/io/lines';
import { exportVCard } from '../../../src/lib/io/vcard-export';
import { parseVCard } from '../../../src/lib/io/vcard';
import type { Action, Slot } from '../../../src/lib/model/records';

const slot = (id: string, weekday: number, start: string, minutes = 45): Slot => ({
	id,
	weekday,
	start,
	minutes,
	kind: 'coffee'
});
const action = (id: string, due: string | null, text: string, done = false): Action => ({
	id,
	text,
	horizon: 30,
	due,
	done
});

const input = {
	slots: [slot('s1', 2, '08:30'), slot('s2', 5, '12:00', 60)],
	actions: [
		action('a1', '2026-12-20', 'Ask Priya, for an intro; then "thank" her'),
		action('a2', null, 'Undated'),
		action('a3', '2026-12-21', 'Done already', true)
	],
	followUps: [{ contactId: 'c1', name: 'Amara Okafor', on: '2026-12-10' }],
	timeZone: 'Europe/Berlin',
	from: '2026-12-04',
	now: '2026-12-04T18:00:00.000Z'
};

function lines(text: string) {
	return text.split('\r\n').slice(0, -1);
}

describe('exportICalendar', () => {
	const text = exportICalendar(input);

	it('is CRLF throughout, folded at 75 octets, with escaped text', () => {
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		for (const l of lines(text)) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
		expect(text.replace(/\r\n /g, '')).toContain(
			'SUMMARY:30-day plan: Ask Priya\\, for an intro\\; then "thank" her'
		);
	});

	it('parses with ical.js: weekly slots recur in the user’s zone, follow-ups and dated actions', () => {
		const comp = new ICAL.Component(ICAL.parse(text));
		const zone = new ICAL.Timezone(comp.getFirstSubcomponent('vtimezone')!);
		ICAL.TimezoneService.register(zone, 'Europe/Berlin');
		const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
		expect(events.map((e) => e.uid)).toEqual([
			'slot-s1@village.local',
			'slot-s2@village.local',
			'follow-up-c1@village.local',
			'action-a1@village.local'
		]);
		const tuesday = events[0]!;
		expect(tuesday.isRecurring()).toBe(true);
		const it = tuesday.iterator();
		const starts: string[] = [];
		for (let next = it.next(); next && starts.length < 20; next = it.next())
			starts.push(next.convertToZone(ICAL.Timezone.utcTimezone).toString());
		// 08:30 in Berlin: 07:30 UTC in winter, 06:30 UTC after the clocks go forward (29 Mar 2027).
		expect(starts[0]).toBe('2026-12-08T07:30:00Z');
		expect(starts[1]).toBe('2026-12-15T07:30:00Z');
		expect(starts).toContain('2027-03-30T06:30:00Z');
		expect(tuesday.duration.toSeconds()).toBe(45 * 60);
		expect(events[1]!.startDate.toString()).toBe('2026-12-04T12:00:00');
		expect(events[2]!.summary).toBe('Follow up with Amara Okafor');
		expect(events[2]!.startDate.isDate).toBe(true);
		expect(events[2]!.startDate.toString()).toBe('2026-12-10');
		expect(events[3]!.summary).toBe('30-day plan: Ask Priya, for an intro; then "thank" her');
	});

	it('keeps UIDs stable between exports', () => {
		const again = exportICalendar({ ...input, now: '2027-01-01T00:00:00.000Z' });
		const uids = (t: string) => t.match(/^UID:.*$/gm);
		expect(uids(again)).toEqual(uids(text));
	});

	it('writes UTC times when the zone is UTC', () => {
		const utc = exportICalendar({ ...input, timeZone: 'UTC' });
		expect(utc).not.toContain('VTIMEZONE');
		expect(utc).toContain('DTSTART:20261208T083000Z');
	});

	it('describes a zone without daylight saving', () => {
		const tz = vtimezone('Asia/Tokyo', '2026-12-04');
		expect(tz).toContain('TZOFFSETTO:+0900');
		expect(tz.filter((l) => l === 'BEGIN:STANDARD')).toHaveLength(1);
	});
});

describe('foldLine', () => {
	it('never splits a multi-byte character', () => {
		const folded = foldLine('NOTE:' + '€'.repeat(60) + '😀'.repeat(20));
		for (const part of folded.split('\r\n')) {
			expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
			expect(part).not.toMatch(/\uFFFD/);
		}
		expect(
			folded
				.split('\r\n')
				.map((p, i) => (i ? p.slice(1) : p))
				.join('')
		).toBe('NOTE:' + '€'.repeat(60) + '😀'.repeat(20));
	});
});

describe('exportVCard', () => {
	const contact = {
		id: 'c1',
		name: 'Jürgen Weiß',
		org: 'Fabrikam; Clinical',
		title: 'CMO',
		emails: ['j@fabrikam.example'],
		phones: ['+49 30 901820'],
		links: ['https://example.org/jw'],
		notes: 'Met at a conference,\nwants an intro.',
		roles: ['mentors', 'sponsors'] as ('mentors' | 'sponsors')[]
	};

	it('writes vCard 4.0 with roles in CATEGORIES, notes and links, and reads back', () => {
		const text = exportVCard([contact]);
		expect(text).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/);
		expect(text).toContain('CATEGORIES:Mentors me,Sponsors me\r\n');
		expect(text).toContain('NOTE:Met at a conference\\,\\nwants an intro.\r\n');
		const back = parseVCard(text);
		expect(back.errors).toEqual([]);
		expect(back.items[0]).toMatchObject({
			name: 'Jürgen Weiß',
			organization: 'Fabrikam; Clinical',
			title: 'CMO',
			emails: ['j@fabrikam.example'],
			phones: ['+49 30 901820'],
			urls: ['https://example.org/jw'],
			note: 'Met at a conference,\nwants an intro.'
		});
	});
});

describe('vCard export → import (property)', () => {
	/** Single-line text as people type it: no control characters, single spaces, trimmed. */
	const word = fc
		.string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
		.map((s) => s.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\s]+/gu, ' ').trim())
		.filter((s) => s !== '');
	const line = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
	const note = fc
		.array(line, { maxLength: 3 })
		.map((ls) => ls.join('\n'))
		.filter((s) => s.trim() === s);
	const contact = fc.record({
		id: fc.uuid(),
		name: line,
		org: fc.oneof(fc.constant(''), line),
		title: fc.oneof(fc.constant(''), line),
		emails: fc.uniqueArray(fc.emailAddress(), { maxLength: 3 }),
		phones: fc.uniqueArray(fc.stringMatching(/^\+?[0-9]{1,4}([ ()-][0-9]{1,4}){0,4}$/), {
			maxLength: 3
		}),
		links: fc.uniqueArray(fc.webUrl(), { maxLength: 2 }),
		notes: note,
		roles: fc.uniqueArray(fc.constantFrom('informs', 'mentors', 'sponsors' as const), {
			maxLength: 3
		})
	});

	it('gives back the same contacts', () => {
		fc.assert(
			fc.property(fc.array(contact, { minLength: 1, maxLength: 5 }), (contacts) => {
				const back = parseVCard(exportVCard(contacts));
				expect(back.errors).toEqual([]);
				expect(
					back.items.map((c) => ({
						name: c.name,
						org: c.organization ?? '',
						title: c.title ?? '',
						emails: c.emails,
						phones: c.phones,
						links: c.urls,
						notes: c.note ?? ''
					}))
				).toEqual(
					contacts.map((c) => ({
						name: c.name,
						org: c.org,
						title: c.title,
						emails: c.emails,
						phones: c.phones,
						links: c.links,
						notes: c.notes
					}))
				);
			}),
			{ numRuns: 300 }
		);
	});
});
