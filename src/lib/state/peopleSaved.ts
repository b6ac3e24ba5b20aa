/**
 * The People list as it last stood, saved on this device so the screen paints at once on a cold
 * start while the workbook loads (Home does the same, see home.ts). It holds what the list's
 * first page and its header show: how many people, how many are next due on each day, and the
 * first page of rows in name order. Derived data, never a source of truth: it is rewritten from
 * the live workbook after changes (summaries.ts), read only when every field has the expected
 * shape, and replaced by the live list as soon as the workbook has loaded.
 */
import { SCHEMA_VERSION } from '../doc';
import { isIsoDate } from '../model/dates';
import { nextFollowUp } from '../model/cadence';
import { ROLES, TIERS, type Contact, type IsoDate, type Tier } from '../model/records';
import { inNameOrder, PEOPLE_PAGE_SIZE } from '../model/search';
import { PEOPLE_SUMMARY_KEY } from './home';

export { PEOPLE_SUMMARY_KEY };
/** Bumped when the summary's shape changes; an older summary is ignored. */
const PEOPLE_SUMMARY_VERSION = 1;

/** What a row of the People list shows about a person. */
export type ListedPerson = Pick<
	Contact,
	'id' | 'name' | 'title' | 'org' | 'tier' | 'roles' | 'lastContactOn'
>;

/** A saved row: the person and their next follow-up day. */
export interface SavedPerson extends ListedPerson {
	due: IsoDate | null;
}

export interface PeopleSummary {
	v: typeof PEOPLE_SUMMARY_VERSION;
	schema: number;
	total: number;
	/** How many people are next due on each day: the overdue and due-this-week counts. */
	dues: [IsoDate, number][];
	/** The list's first page, in name order. */
	rows: SavedPerson[];
}

/**
 * The summary of these contacts as it would be saved now. `defaults`: keep-in-touch days per
 * tier, as the live list uses them for the next follow-up.
 */
export function summarisePeople(
	contacts: readonly Contact[],
	defaults: Readonly<Record<Tier, number>>
): PeopleSummary {
	const dues = new Map<IsoDate, number>();
	for (const c of contacts) {
		const due = nextFollowUp(c, defaults);
		if (due !== null) dues.set(due, (dues.get(due) ?? 0) + 1);
	}
	const rows = inNameOrder(contacts)
		.slice(0, PEOPLE_PAGE_SIZE)
		.map((c) => ({
			id: c.id,
			name: c.name,
			title: c.title,
			org: c.org,
			tier: c.tier,
			roles: c.roles,
			lastContactOn: c.lastContactOn,
			due: nextFollowUp(c, defaults)
		}));
	return {
		v: PEOPLE_SUMMARY_VERSION,
		schema: SCHEMA_VERSION,
		total: contacts.length,
		dues: [...dues],
		rows
	};
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isDay = (v: unknown) => v === null || isIsoDate(v);

function isSavedPerson(value: unknown): value is SavedPerson {
	if (typeof value !== 'object' || value === null) return false;
	const p = value as Record<string, unknown>;
	return (
		typeof p.id === 'string' &&
		p.id !== '' &&
		typeof p.name === 'string' &&
		typeof p.title === 'string' &&
		typeof p.org === 'string' &&
		(TIERS as readonly unknown[]).includes(p.tier) &&
		Array.isArray(p.roles) &&
		p.roles.every((r) => (ROLES as readonly unknown[]).includes(r)) &&
		isDay(p.lastContactOn) &&
		isDay(p.due)
	);
}

/** Whether a parsed value is a summary this version can show, every row and count checked. */
export function isPeopleSummary(value: unknown): value is PeopleSummary {
	if (typeof value !== 'object' || value === null) return false;
	const s = value as Record<string, unknown>;
	return (
		s.v === PEOPLE_SUMMARY_VERSION &&
		s.schema === SCHEMA_VERSION &&
		isCount(s.total) &&
		Array.isArray(s.dues) &&
		s.dues.every((d) => Array.isArray(d) && d.length === 2 && isIsoDate(d[0]) && isCount(d[1])) &&
		Array.isArray(s.rows) &&
		s.rows.length <= Math.min(s.total, PEOPLE_PAGE_SIZE) &&
		s.rows.every(isSavedPerson)
	);
}

/** The summary saved on this device, or null when there is none worth showing. */
export function savedPeople(storage: Storage = localStorage): PeopleSummary | null {
	try {
		const value: unknown = JSON.parse(storage.getItem(PEOPLE_SUMMARY_KEY) ?? 'null');
		return isPeopleSummary(value) ? value : null;
	} catch {
		// Malformed or blocked storage: the screen waits for the workbook instead.
		return null;
	}
}
