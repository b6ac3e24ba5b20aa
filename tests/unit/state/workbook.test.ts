import { describe, expect, it } from 'vitest';
import { MemoryPersistence } from '../../../src/lib/adapters/persistence/memory';
import {
	actionSpec,
	contactSpec,
	insertRecord,
	slotSpec,
	writeScalar,
	writeText
} from '../../../src/lib/doc';
import { WorkbookSession } from '../../../src/lib/state/session.svelte';
import { ThisWeekState, workbookHasContent } from '../../../src/lib/state/workbook.svelte';

async function openSession() {
	return new WorkbookSession({ persistence: new MemoryPersistence(), whenIdle: () => {} }).open();
}

describe('workbookHasContent', () => {
	it('is false for a new workbook and true once anything is written', async () => {
		const empty = await openSession();
		expect(workbookHasContent(empty.doc)).toBe(false);

		const rated = await openSession();
		rated.write((doc) => writeScalar(doc, 'diagnose.time.1', 4));
		expect(workbookHasContent(rated.doc)).toBe(true);

		const written = await openSession();
		written.write((doc) => writeText(doc, 'goal.statement', 'Lead a team'));
		expect(workbookHasContent(written.doc)).toBe(true);

		const withSlot = await openSession();
		withSlot.write((doc) => insertRecord(doc, slotSpec, {}));
		expect(workbookHasContent(withSlot.doc)).toBe(true);
	});

	it('does not count a text that was written and then emptied', async () => {
		const session = await openSession();
		session.write((doc) => writeText(doc, 'goal.statement', 'x'));
		session.write((doc) => writeText(doc, 'goal.statement', ''));
		expect(workbookHasContent(session.doc)).toBe(false);
	});
});

describe('ThisWeekState', () => {
	it('brings slots, actions and follow-ups from the workbook, with the plan step cadence', async () => {
		const session = await openSession();
		session.write((doc) => {
			// Wednesday 14 January 2026 at 09:00 in London; a Thursday coffee is tomorrow.
			insertRecord(doc, slotSpec, { weekday: 4, start: '12:30' });
			insertRecord(doc, actionSpec, { text: 'Overdue', due: '2026-01-10' });
			insertRecord(doc, actionSpec, { text: 'Later', due: '2026-02-10' });
			// Last in touch 20 days ago: due with a 21-day inner-circle cadence, not with 30.
			insertRecord(doc, contactSpec, {
				name: 'Amara',
				tier: 'inner',
				lastContactOn: '2025-12-25',
				createdAt: '2025-01-01T00:00:00.000Z'
			});
		});
		const week = new ThisWeekState(session, 'Europe/London');
		const now = new Date('2026-01-14T09:00:00Z');

		let result = week.at(now);
		expect(result.slots.map((s) => s.date)).toEqual(['2026-01-15']);
		expect(result.actionsDue.map((a) => [a.text, a.overdue])).toEqual([['Overdue', true]]);
		expect(result.followUps).toEqual([]);

		session.write((doc) => writeScalar(doc, 'plan.cadence.inner', 21));
		result = week.at(now);
		expect(result.followUps).toMatchObject([{ name: 'Amara', due: '2026-01-15', overdue: false }]);
	});
});
