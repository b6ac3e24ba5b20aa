import { describe, expect, it } from 'vitest';
import { cadenceKey } from '../../../src/lib/model/plan';
import { PlanState } from '../../../src/lib/state/plan.svelte';
import { ScalarAnswers } from '../../../src/lib/state/workbook.svelte';
import { openSession } from '../support/session';

const TODAY = '2026-03-10';

describe('PlanState', () => {
	it('orders slots through the week and adds up their time', async () => {
		const plan = new PlanState(await openSession(), TODAY);
		const a = plan.addSlot()!;
		const b = plan.addSlot()!;
		plan.slots.update(a, { weekday: 4, start: '12:30', minutes: 45 });
		plan.slots.update(b, { weekday: 2, start: '18:30', minutes: 30 });
		expect(plan.sortedSlots.map((s) => s.id)).toEqual([b, a]);
		expect(plan.totalMinutes).toBe(75);
		expect(plan.outsideCount).toBe(1);
	});

	it('adds an event by its tidied name, and nothing without one', async () => {
		const plan = new PlanState(await openSession(), TODAY);
		expect(plan.addEvent('   ', 'event')).toBe(false);
		expect(plan.addEvent('  Data   meetup ', 'organisation')).toBe(true);
		expect(plan.events.all.map((e) => [e.name, e.kind])).toEqual([['Data meetup', 'organisation']]);
	});

	it('adds actions due at the end of their horizon unless a date is given, and counts them', async () => {
		const plan = new PlanState(await openSession(), TODAY);
		expect(plan.addAction(' ', 30, '')).toBe(false);
		plan.addAction('Write to Ann', 60, '');
		plan.addAction('Book a coffee', 30, '2026-03-01');
		expect(plan.actions.all.map((a) => [a.text, a.due])).toEqual([
			['Write to Ann', '2026-05-09'],
			['Book a coffee', '2026-03-01']
		]);
		expect(plan.overdueCount).toBe(1);
		expect(plan.doneCount).toBe(0);
		expect(plan.actionsByHorizon.map((g) => g.items.length)).toEqual([1, 1, 0]);
	});

	it('keeps a cadence in range, refuses one outside it, and clears one left blank', async () => {
		const session = await openSession();
		const plan = new PlanState(session, TODAY);
		const answers = new ScalarAnswers(session);
		expect(plan.cadence).toEqual({ inner: 30, key: 60, wider: 120 });
		expect(plan.setCadence('inner', '14')).toBe(true);
		expect(plan.cadence.inner).toBe(14);
		expect(plan.setCadence('inner', '3')).toBe(false);
		expect(plan.setCadence('inner', '2.5')).toBe(false);
		expect(plan.cadence.inner).toBe(14);
		expect(plan.setCadence('inner', '')).toBe(true);
		expect(answers.current[cadenceKey('inner')]).toBeUndefined();
		expect(plan.cadence.inner).toBe(30);
	});

	it('shows the cadence People uses when a stored one is out of range', async () => {
		const session = await openSession();
		new ScalarAnswers(session).set(cadenceKey('key'), 2);
		expect(new PlanState(session, TODAY).cadence.key).toBe(60);
	});
});
