import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	actionSpec,
	contactSpec,
	insertRecord,
	slotSpec,
	writeScalar,
	writeText
} from '../../../src/lib/doc';
import { clearSummaries, savedHome } from '../../../src/lib/state/home';
import { summarise } from '../../../src/lib/state/summaries';
import { memoryStorage } from '../support/memory-storage';

const NOW = new Date('2026-11-25T09:00:00Z');
const ZONE = 'Europe/London';

function workbook() {
	const doc = new Y.Doc();
	doc.transact(() => {
		writeText(doc, 'goal.statement', 'Lead a climate product team');
		writeScalar(doc, 'diagnose.time.1', 5);
		writeScalar(doc, 'diagnose.time.2', 5);
		writeScalar(doc, 'diagnose.mindset.1', 2);
		insertRecord(doc, slotSpec, { weekday: 4, start: '12:30', minutes: 45, kind: 'lunch' });
		insertRecord(doc, actionSpec, { text: 'Book coffee with Sam', due: '2026-11-27' });
		insertRecord(doc, actionSpec, { text: 'Old, done', due: '2026-11-01', done: true });
		insertRecord(doc, contactSpec, {
			name: 'Amara',
			tier: 'inner',
			lastContactOn: '2026-10-01',
			createdAt: '2026-01-01T00:00:00.000Z'
		});
		insertRecord(doc, contactSpec, {
			name: 'Soon Sara',
			tier: 'inner',
			lastContactOn: '2026-11-10',
			createdAt: '2026-01-01T00:00:00.000Z'
		});
		insertRecord(doc, contactSpec, {
			name: 'Later Larry',
			tier: 'wider',
			lastContactOn: '2026-11-20',
			createdAt: '2026-01-01T00:00:00.000Z'
		});
	});
	return doc;
}

function save(doc: Y.Doc, storage: Storage, now = NOW) {
	storage.setItem('village:home', JSON.stringify(summarise(doc, now, ZONE)));
}

describe('the Home summary', () => {
	it('shows the same Home as the live workbook', () => {
		const storage = memoryStorage();
		const doc = workbook();
		save(doc, storage);
		const home = savedHome(NOW, storage)!;
		expect(home.started).toBe(true);
		expect(home.goal).toBe('Lead a climate product team');
		expect(home.top.map((o) => o.id)).toEqual(['time', 'mindset']);
		const week = home.weekAt(NOW);
		expect(week.slots.map((s) => s.date)).toEqual(['2026-11-26']);
		expect(week.actionsDue.map((a) => a.text)).toEqual(['Book coffee with Sam']);
		// Amara: inner circle, 30 days from 1 Oct → overdue since 31 Oct. Larry: not this week.
		expect(week.followUps).toEqual([
			expect.objectContaining({ name: 'Amara', due: '2026-10-31', overdue: true })
		]);
	});

	it('keeps follow-ups that fall due after it was saved, within its horizon', () => {
		const storage = memoryStorage();
		save(workbook(), storage);
		// Ten days on, Sara (30 days from 10 Nov: due 10 Dec) has come due; Larry (120 days
		// from 20 Nov) has not; Amara still is.
		const later = new Date('2026-12-05T09:00:00Z');
		const names = savedHome(later, storage)!
			.weekAt(later)
			.followUps.map((f) => f.name);
		expect(names).toEqual(['Amara', 'Soon Sara']);
	});

	it('is not used when missing, malformed, too old, from the future or another schema', () => {
		const storage = memoryStorage();
		expect(savedHome(NOW, storage)).toBeNull();
		storage.setItem('village:home', '{not json');
		expect(savedHome(NOW, storage)).toBeNull();
		storage.setItem('village:home', JSON.stringify({ v: 1, goal: 42 }));
		expect(savedHome(NOW, storage)).toBeNull();
		const summary = summarise(workbook(), NOW, ZONE);
		storage.setItem('village:home', JSON.stringify({ ...summary, schema: 999 }));
		expect(savedHome(NOW, storage)).toBeNull();
		save(workbook(), storage);
		expect(savedHome(new Date('2026-12-16T09:00:00Z'), storage)).toBeNull();
		expect(savedHome(new Date('2026-11-20T09:00:00Z'), storage)).toBeNull();
		clearSummaries(storage);
		expect(storage.getItem('village:home')).toBeNull();
	});

	it('says a new workbook has not started', () => {
		const storage = memoryStorage();
		save(new Y.Doc(), storage);
		expect(savedHome(NOW, storage)!.started).toBe(false);
	});
});
