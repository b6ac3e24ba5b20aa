/**
 * The plan out as an iCalendar file (RFC 5545): weekly networking slots as recurring events in
 * the user's time zone (with a VTIMEZONE built from the zone's real transitions), follow-ups as
 * all-day events on the day they are due, and dated 30/60/90-day actions. UIDs are derived from
 * record ids, so importing the file again updates the same events instead of duplicating them.
 */
import { addDays, isoWeekday } from '../model/dates';
import type { Action, Id, IsoDate, IsoDateTime, Slot } from '../model/records';
import { contentLines, escapeText } from './lines';

export interface FollowUpDue {
	contactId: Id;
	name: string;
	on: IsoDate;
}

export interface CalendarInput {
	slots: readonly Slot[];
	actions: readonly Action[];
	followUps: readonly FollowUpDue[];
	/** IANA zone the slot times are in, e.g. "Europe/Berlin"; "UTC" for none. */
	timeZone: string;
	/** The first day the weekly slots start from (usually today). */
	from: IsoDate;
	/** When the file is made (DTSTAMP). */
	now: IsoDateTime;
	/** Words for a slot kind, e.g. "Coffee". */
	slotLabel?: (kind: Slot['kind']) => string;
}

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const DOMAIN = 'village.local';

const compactDate = (d: IsoDate) => d.replace(/-/g, '');
const stamp = (iso: IsoDateTime) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '');

/** Minutes east of UTC that `timeZone` is at `instant`. */
export function zoneOffset(timeZone: string, instant: number): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(new Date(instant));
	const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
	const local = Date.UTC(
		get('year'),
		get('month') - 1,
		get('day'),
		get('hour'),
		get('minute'),
		get('second')
	);
	return Math.round((local - Math.floor(instant / 1000) * 1000) / 60000);
}

const offsetText = (minutes: number) => {
	const sign = minutes < 0 ? '-' : '+';
	const m = Math.abs(minutes);
	return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}${String(m % 60).padStart(2, '0')}`;
};

function localStamp(instant: number, offset: number): string {
	return new Date(instant + offset * 60000)
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d+Z$/, '');
}

/**
 * A VTIMEZONE listing the zone's transitions from a year before `from` to three years after,
 * found from the platform's own zone data (Intl), so any zone works without a bundled database.
 */
export function vtimezone(timeZone: string, from: IsoDate): string[] {
	const start = Date.parse(`${from}T00:00:00Z`) - 366 * 86400000;
	const end = start + 4 * 366 * 86400000;
	const HOUR = 3600000;
	const transitions: { at: number; before: number; after: number }[] = [];
	let prev = zoneOffset(timeZone, start);
	for (let t = start + 24 * HOUR; t <= end; t += 24 * HOUR) {
		const now = zoneOffset(timeZone, t);
		if (now === prev) continue;
		// Narrow down to the minute the offset changes.
		let lo = t - 24 * HOUR;
		let hi = t;
		while (hi - lo > 60000) {
			const mid = lo + Math.floor((hi - lo) / 120000) * 60000;
			if (zoneOffset(timeZone, mid) === prev) lo = mid;
			else hi = mid;
		}
		transitions.push({ at: hi, before: prev, after: now });
		prev = now;
	}
	const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
	if (transitions.length === 0) {
		const offset = offsetText(zoneOffset(timeZone, start));
		lines.push(
			'BEGIN:STANDARD',
			'DTSTART:19700101T000000',
			`TZOFFSETFROM:${offset}`,
			`TZOFFSETTO:${offset}`,
			'END:STANDARD'
		);
	} else {
		const standard = Math.min(...transitions.map((t) => t.after));
		for (const t of transitions) {
			const kind = t.after > standard ? 'DAYLIGHT' : 'STANDARD';
			lines.push(
				`BEGIN:${kind}`,
				`DTSTART:${localStamp(t.at, t.before)}`,
				`TZOFFSETFROM:${offsetText(t.before)}`,
				`TZOFFSETTO:${offsetText(t.after)}`,
				`END:${kind}`
			);
		}
	}
	lines.push('END:VTIMEZONE');
	return lines;
}

function isUtc(timeZone: string): boolean {
	return /^(utc|etc\/utc|gmt|etc\/gmt|z)$/i.test(timeZone.trim());
}

/** The first day on or after `from` that falls on an ISO weekday. */
function firstOn(from: IsoDate, weekday: number): IsoDate {
	return addDays(from, (weekday - isoWeekday(from) + 7) % 7);
}

export function exportICalendar(input: CalendarInput): string {
	const zone = isUtc(input.timeZone) ? null : input.timeZone;
	const dtstamp = `DTSTAMP:${stamp(input.now)}`;
	const label = input.slotLabel ?? ((k: Slot['kind']) => k[0]!.toUpperCase() + k.slice(1));
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Village//Networking workbook//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		'X-WR-CALNAME:Village networking'
	];
	if (zone && input.slots.length) lines.push(...vtimezone(zone, input.from));
	for (const slot of input.slots) {
		const day = firstOn(input.from, slot.weekday);
		const time = slot.start.replace(':', '') + '00';
		let dtstart: string;
		if (zone) dtstart = `DTSTART;TZID=${zone}:${compactDate(day)}T${time}`;
		else dtstart = `DTSTART:${compactDate(day)}T${time}Z`;
		lines.push(
			'BEGIN:VEVENT',
			`UID:slot-${slot.id}@${DOMAIN}`,
			dtstamp,
			dtstart,
			`DURATION:PT${slot.minutes}M`,
			`RRULE:FREQ=WEEKLY;BYDAY=${BYDAY[slot.weekday - 1]}`,
			`SUMMARY:${escapeText(`Networking: ${label(slot.kind)}`)}`,
			`DESCRIPTION:${escapeText('Your weekly networking slot from Village. Reach out, meet, follow up.')}`,
			'TRANSP:OPAQUE',
			'END:VEVENT'
		);
	}
	for (const f of input.followUps) {
		lines.push(
			'BEGIN:VEVENT',
			`UID:follow-up-${f.contactId}@${DOMAIN}`,
			dtstamp,
			`DTSTART;VALUE=DATE:${compactDate(f.on)}`,
			`DTEND;VALUE=DATE:${compactDate(addDays(f.on, 1))}`,
			`SUMMARY:${escapeText(`Follow up with ${f.name}`)}`,
			'TRANSP:TRANSPARENT',
			'END:VEVENT'
		);
	}
	for (const a of input.actions) {
		if (!a.due || a.done) continue;
		lines.push(
			'BEGIN:VEVENT',
			`UID:action-${a.id}@${DOMAIN}`,
			dtstamp,
			`DTSTART;VALUE=DATE:${compactDate(a.due)}`,
			`DTEND;VALUE=DATE:${compactDate(addDays(a.due, 1))}`,
			`SUMMARY:${escapeText(`${a.horizon}-day plan: ${a.text}`)}`,
			'TRANSP:TRANSPARENT',
			'END:VEVENT'
		);
	}
	lines.push('END:VCALENDAR');
	return contentLines(lines);
}
