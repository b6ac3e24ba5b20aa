import { flushSync } from 'svelte';
import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import { collectionMap, writeScalar, writeText } from '../../../src/lib/doc';
import { GOAL_KEYS } from '../../../src/lib/model/goal';
import { contactsOf, conversationsOf } from '../../../src/lib/state/collections';
import { ProgressState, readProgressInput } from '../../../src/lib/state/progress.svelte';
import { openSession } from '../support/session';

describe('ProgressState', () => {
	it('marks a step done when what it asks for is there, live', async () => {
		const session = await openSession();
		const progress = new ProgressState(session);
		const seen: string[] = [];
		const stop = $effect.root(() => {
			$effect(() => void seen.push(progress.current.done.join()));
		});
		flushSync();
		session.write((doc) => {
			writeText(doc, GOAL_KEYS.statement, 'Lead a data team');
			writeScalar(doc, GOAL_KEYS.horizon, '2029-03-10');
			writeText(doc, GOAL_KEYS.milestone1, 'Run a project');
		});
		flushSync();
		const contacts = contactsOf(session);
		for (const name of ['A', 'B', 'C', 'D', 'E']) contacts.add({ name, roles: ['informs'] });
		flushSync();
		const ann = contacts.add({ name: 'Ann', stage: 'ally' })!;
		conversationsOf(session).add({ contactId: ann, on: '2026-03-10', kind: 'call' });
		flushSync();
		// Champions asks for two people on your side: one ally is not yet enough.
		contacts.add({ name: 'Bo', stage: 'champion' });
		flushSync();
		expect(seen).toEqual(['', 'goal', 'goal,map', 'goal,map,relate', 'goal,map,relate,champions']);
		stop();
	});

	it('counts the contacts again only when a contact changed, not on every keystroke', async () => {
		const session = await openSession();
		const contacts = contactsOf(session);
		contacts.add({ name: 'Bo', roles: ['informs'] });
		const progress = new ProgressState(session);
		const reads = vi.spyOn(contacts, 'byId', 'get');
		const stop = $effect.root(() => {
			$effect(() => void progress.current);
		});
		flushSync();
		expect(reads).toHaveBeenCalledTimes(1);
		for (const text of ['L', 'Le', 'Lea', 'Lead']) {
			session.write((doc) => writeText(doc, GOAL_KEYS.statement, text));
			flushSync();
		}
		expect(reads).toHaveBeenCalledTimes(1);
		contacts.add({ name: 'Cy' });
		flushSync();
		expect(reads).toHaveBeenCalledTimes(2);
		stop();
	});

	it('reads contacts through their validators: a role or stage of the wrong shape counts for nothing', async () => {
		const session = await openSession();
		const progress = new ProgressState(session);
		session.write((doc) => {
			const contacts = collectionMap(doc, 'contacts');
			for (let i = 0; i < 5; i++) {
				const record = new Y.Map<unknown>();
				record.set('name', `Odd ${i}`);
				record.set('roles', ['not-a-role']);
				record.set('stage', 'Champion!');
				contacts.set(`odd${i}`, record);
			}
			collectionMap(doc, 'conversations').set('junk', 42);
		});
		const input = readProgressInput(session.doc);
		expect(input).toMatchObject({
			contacts: 5,
			contactsWithRoles: 0,
			champions: 0,
			conversations: 0
		});
		expect(progress.current.done).toEqual([]);
	});
});
