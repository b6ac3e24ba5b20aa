/**
 * People's summary saved on the device: what is written, what is refused when read back, the
 * list painting from it while the workbook loads and then going live, and the writer loading
 * only when there is something to write.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { MemoryPersistence } from '../../../src/lib/adapters/persistence/memory';
import { contactSpec, insertRecord } from '../../../src/lib/doc';
import { cadenceDefaults } from '../../../src/lib/model/cadenceDefaults';
import { addDays, todayIn } from '../../../src/lib/model/dates';
import type { Tier } from '../../../src/lib/model/records';
import { buildContactIndex, PEOPLE_PAGE_SIZE, queryContacts } from '../../../src/lib/model/search';
import { clearSummaries, HOME_SUMMARY_KEY, keepSummaries } from '../../../src/lib/state/home';
import { PeopleListState } from '../../../src/lib/state/peopleList.svelte';
import {
	isPeopleSummary,
	PEOPLE_SUMMARY_KEY,
	savedPeople,
	summarisePeople,
	type PeopleSummary
} from '../../../src/lib/state/peopleSaved';
import { WorkbookSession } from '../../../src/lib/state/session.svelte';
import { contact, contacts } from '../model/people-fixtures';
import { memoryStorage } from '../support/memory-storage';

/** The keep-in-touch days a workbook with no plan answers uses, as the live list does. */
const DEFAULTS: Record<Tier, number> = cadenceDefaults({});
const today = todayIn();

/** Three people: one overdue, one due in three days, one not due for months. */
function village() {
	return [
		contact({ id: 'a', name: 'Cy Dunn', tier: 'inner', lastContactOn: addDays(today, -400) }),
		contact({
			id: 'b',
			name: ' Ann Lee',
			org: 'Acme',
			roles: ['mentors'],
			followUpOn: addDays(today, 3)
		}),
		contact({ id: 'c', name: 'Bo Chen', title: 'CTO', lastContactOn: today })
	];
}

function stored(summary: unknown): Storage {
	const storage = memoryStorage();
	storage.setItem(PEOPLE_SUMMARY_KEY, JSON.stringify(summary));
	return storage;
}

/** A session over a workbook holding `people`, not yet opened (as on a cold start). */
function loadingSession(people = village()) {
	const doc = new Y.Doc();
	doc.transact(() => {
		for (const { id, ...values } of people) {
			insertRecord(doc, contactSpec, values);
			void id;
		}
	});
	return new WorkbookSession({
		persistence: new MemoryPersistence([Y.encodeStateAsUpdate(doc)]),
		connectTabs: null,
		whenIdle: () => {}
	});
}

describe("People's saved summary", () => {
	it('holds the first page in the live list’s name order, every row’s next follow-up, and the due days', () => {
		const many = [...village(), ...contacts(PEOPLE_PAGE_SIZE + 10, 'p')];
		const summary = summarisePeople(many, DEFAULTS);
		expect(summary.total).toBe(many.length);
		const live = queryContacts(buildContactIndex(many), { text: '', sort: 'name' });
		expect(summary.rows.map((r) => r.id)).toEqual(live.slice(0, PEOPLE_PAGE_SIZE).map((c) => c.id));
		const ann = summary.rows.find((r) => r.id === 'b')!;
		expect(ann).toMatchObject({ name: ' Ann Lee', org: 'Acme', roles: ['mentors'] });
		expect(ann.due).toBe(addDays(today, 3));
		expect(summary.dues.reduce((n, [, count]) => n + count, 0)).toBe(many.length);
		expect(isPeopleSummary(JSON.parse(JSON.stringify(summary)))).toBe(true);
	});

	it('is refused when anything in it is off, and storage is left as it was', () => {
		const good = summarisePeople(village(), DEFAULTS);
		const row = good.rows[0]!;
		const broken: [string, unknown][] = [
			['an older version', { ...good, v: 0 }],
			['another schema', { ...good, schema: 99 }],
			['a negative total', { ...good, total: -1 }],
			['more rows than people', { ...good, total: 1 }],
			['a fractional count', { ...good, dues: [[today, 1.5]] }],
			['a bad due day', { ...good, dues: [['2026-13-45', 1]] }],
			['a row without id', { ...good, rows: [{ ...row, id: '' }] }],
			['an unknown tier', { ...good, rows: [{ ...row, tier: 'closest' }] }],
			['an unknown role', { ...good, rows: [{ ...row, roles: ['boss'] }] }],
			['roles not a list', { ...good, rows: [{ ...row, roles: 'mentors' }] }],
			['a name not text', { ...good, rows: [{ ...row, name: { toString: 1 } }] }],
			['a bad last-contact day', { ...good, rows: [{ ...row, lastContactOn: 'yesterday' }] }],
			['rows not a list', { ...good, rows: null }],
			['not an object', 'people']
		];
		for (const [what, value] of broken) {
			const storage = stored(value);
			const before = storage.getItem(PEOPLE_SUMMARY_KEY);
			expect(savedPeople(storage), what).toBeNull();
			expect(storage.getItem(PEOPLE_SUMMARY_KEY), what).toBe(before);
		}
		const storage = memoryStorage();
		storage.setItem(PEOPLE_SUMMARY_KEY, '{"v":1,"rows":[');
		expect(savedPeople(storage)).toBeNull();
		expect(savedPeople(memoryStorage())).toBeNull();
		expect(savedPeople(stored(good))).toEqual(good);
	});
});

describe('the People list on a cold start', () => {
	it('paints from the summary while the workbook loads, then goes live', async () => {
		const session = loadingSession();
		const storage = stored(summarisePeople(village(), DEFAULTS));
		const list = new PeopleListState(session, false, storage);
		list.clearFilters();
		list.sort = 'name';
		expect(list.opening).toBe(false);
		expect(list.waiting).toBe(false);
		expect(list.writable).toBe(false);
		expect(list.total).toBe(3);
		expect(list.shown.map((p) => p.name.trim())).toEqual(['Ann Lee', 'Bo Chen', 'Cy Dunn']);
		expect(list.countText).toBe('3 people');
		expect(list.overdueCount).toBe(1);
		expect(list.dueThisWeek).toBe(1);
		expect(list.followUp(list.shown[0]!)).toEqual({ text: 'Follow up in 3 days', overdue: false });

		// A search typed now waits for the workbook instead of searching one page.
		list.text = 'acme';
		expect(list.waiting).toBe(true);
		expect(list.shown).toEqual([]);
		expect(list.countText).toBe('Opening your workbook…');

		await session.open();
		expect(list.waiting).toBe(false);
		expect(list.writable).toBe(true);
		expect(list.countText).toBe('1 match');
		expect(list.shown.map((p) => p.id)).toHaveLength(1);
		list.clearFilters();
		expect(list.countText).toBe('3 people');
		expect(list.overdueCount).toBe(1);
	});

	it('with nothing saved, says it is opening rather than that the village is empty', async () => {
		const session = loadingSession();
		const list = new PeopleListState(session, false, memoryStorage());
		list.clearFilters();
		expect(list.opening).toBe(true);
		expect(list.total).toBe(0);
		await session.open();
		expect(list.opening).toBe(false);
		expect(list.total).toBe(3);
	});
});

describe('keeping the summaries written', () => {
	afterEach(() => vi.unstubAllGlobals());

	function stubPage() {
		vi.stubGlobal('window', new EventTarget());
		vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
	}
	const hide = () => window.dispatchEvent(new Event('pagehide'));

	it('writes both at once for a workbook with content and none saved, and again after changes', async () => {
		stubPage();
		const session = await loadingSession().open();
		const storage = memoryStorage();
		const stop = keepSummaries(session, storage);
		await vi.waitFor(() => {
			hide();
			expect(storage.getItem(PEOPLE_SUMMARY_KEY)).not.toBeNull();
		});
		expect(savedPeople(storage)?.total).toBe(3);
		expect(JSON.parse(storage.getItem(HOME_SUMMARY_KEY)!)).toMatchObject({ started: true });

		session.write((doc) => insertRecord(doc, contactSpec, { name: 'Di Evans' }));
		hide();
		const summary = savedPeople(storage) as PeopleSummary;
		expect(summary.total).toBe(4);
		expect(summary.rows.map((r) => r.name)).toContain('Di Evans');

		stop();
		session.write((doc) => insertRecord(doc, contactSpec, { name: 'Ed Fox' }));
		hide();
		expect(savedPeople(storage)?.total).toBe(4);
		clearSummaries(storage);
		expect(storage.length).toBe(0);
	});

	it('loads no writer for an empty workbook until something changes', async () => {
		stubPage();
		const session = await loadingSession([]).open();
		const storage = memoryStorage();
		// The writer's module is ready, so had it been asked for it would be running by now.
		await import('../../../src/lib/state/summaries');
		keepSummaries(session, storage);
		await new Promise((resolve) => setTimeout(resolve, 50));
		hide();
		expect(storage.length).toBe(0);
		session.write((doc) => insertRecord(doc, contactSpec, { name: 'Ann Lee' }));
		await vi.waitFor(() => {
			hide();
			expect(savedPeople(storage)?.total).toBe(1);
		});
	});
});
