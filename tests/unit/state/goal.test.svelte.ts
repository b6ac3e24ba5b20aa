import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { contactsOf } from '../../../src/lib/state/collections';
import { GoalState } from '../../../src/lib/state/goal.svelte';
import { openSession } from '../support/session';

const TODAY = '2026-03-10';

describe('GoalState', () => {
	it('offers a three-year horizon until the goal is written, then keeps it as an answer', async () => {
		const session = await openSession();
		const goal = new GoalState(session, TODAY);
		expect(goal.storedHorizon).toBeUndefined();
		expect(goal.horizon).toBe('2029-03-10');
		expect(goal.fit).toBeNull();
		goal.writeStatement('Lead a data team');
		expect(goal.statement.value).toBe('Lead a data team');
		expect(goal.storedHorizon).toBe('2029-03-10');
		// One write: a single undo takes back both the words and the horizon.
		session.undo();
		expect(goal.statement.value).toBe('');
		expect(goal.storedHorizon).toBeUndefined();
	});

	it('judges a chosen horizon and clears one that is not a date', async () => {
		const goal = new GoalState(await openSession(), TODAY);
		goal.setHorizon('2027-01-01');
		expect(goal.fit).toBe('near');
		goal.setHorizon('soon');
		expect(goal.storedHorizon).toBeUndefined();
	});

	it('counts written milestones', async () => {
		const goal = new GoalState(await openSession(), TODAY);
		goal.milestones[0]!.text.value = 'Run a project';
		goal.milestones[2]!.text.value = '   ';
		expect(goal.filledMilestones).toBe(1);
	});

	it('adds helpers with a trimmed name, lists them by name, and lets one go', async () => {
		const session = await openSession();
		const goal = new GoalState(session, TODAY);
		const zoe = goal.addHelper('  Zoë Park ')!;
		const ann = goal.addHelper('Ann Lee')!;
		expect(goal.addHelper('   ')).toBeNull();
		expect(goal.helpers.map((c) => c.name)).toEqual(['Ann Lee', 'Zoë Park']);
		expect(goal.helperIds.has(zoe)).toBe(true);
		goal.markHelper(ann, false);
		expect(goal.helpers.map((c) => c.id)).toEqual([zoe]);
		// The same store every other screen reads.
		expect(contactsOf(session).get(ann)?.helpsGoal).toBe(false);
	});

	it('adds, edits and removes targets, and finds warm paths to them', async () => {
		const session = await openSession();
		const goal = new GoalState(session, TODAY);
		const id = goal.addTarget()!;
		goal.updateTarget(id, { role: 'Head of Data', org: 'Acme' });
		contactsOf(session).add({ name: 'Ann', org: 'Acme' });
		expect(goal.targets.map((t) => t.role)).toEqual(['Head of Data']);
		expect(goal.pathsByTarget.get(id)?.map((p) => [p.contact.name, p.reason])).toEqual([
			['Ann', 'Works at Acme']
		]);
		goal.removeTarget(id);
		expect(goal.targets).toEqual([]);
	});

	it('re-renders what reads the helpers when a contact changes elsewhere', async () => {
		const session = await openSession();
		const goal = new GoalState(session, TODAY);
		const seen: number[] = [];
		const stop = $effect.root(() => {
			$effect(() => void seen.push(goal.helpers.length));
		});
		flushSync();
		contactsOf(session).add({ name: 'Bo', helpsGoal: true });
		flushSync();
		expect(seen).toEqual([0, 1]);
		stop();
	});

	it('changes nothing when the workbook is read-only', async () => {
		const session = await openSession();
		const goal = new GoalState(session, TODAY);
		session.status = 'read-only';
		expect(goal.readOnly).toBe(true);
		expect(goal.addTarget()).toBeNull();
		goal.writeStatement('x');
		expect(goal.statement.value).toBe('');
	});
});
