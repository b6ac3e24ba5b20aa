import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemoryPersistence } from '../../../src/lib/adapters/persistence/memory';
import { insertRecord, targetSpec } from '../../../src/lib/doc';
import { addDays, isoDateIn } from '../../../src/lib/model/dates';
import { People } from '../../../src/lib/state/people.svelte';
import { WorkbookSession } from '../../../src/lib/state/session.svelte';

async function openPeople(updates: Uint8Array[] = []) {
	const session = await new WorkbookSession({
		persistence: new MemoryPersistence(updates),
		connectTabs: null,
		whenIdle: () => {}
	}).open();
	return { session, people: new People(session) };
}

describe('People: live contacts and their commands', () => {
	it('adds a contact from a name alone, and refuses a blank one', async () => {
		const { people } = await openPeople();
		expect(people.addContact('   ')).toBeNull();
		const id = people.addContact('  Ann Lee ')!;
		expect(people.contacts.get(id)?.name).toBe('Ann Lee');
		expect(people.contacts.all.map((c) => c.name)).toEqual(['Ann Lee']);
	});

	it('re-reads only the record that changed, keeping the others as they were', async () => {
		const { people } = await openPeople();
		const a = people.addContact('Ann')!;
		const b = people.addContact('Bob')!;
		const before = people.contacts.get(b);
		people.updateContact(a, { org: 'Acme', notes: 'Sails' });
		expect(people.contacts.get(a)).toMatchObject({ org: 'Acme', notes: 'Sails' });
		expect(people.contacts.get(b)).toBe(before);
	});

	it('tells effects when a contact changes, including its notes text', async () => {
		const { people } = await openPeople();
		const a = people.addContact('Ann')!;
		const seen: string[] = [];
		const stop = $effect.root(() => {
			$effect(() => void seen.push(people.contacts.get(a)?.notes ?? ''));
		});
		flushSync();
		people.updateContact(a, { notes: 'Hi' });
		flushSync();
		expect(seen).toEqual(['', 'Hi']);
		stop();
	});

	it('keeps one tie per pair, whichever page it is added from', async () => {
		const { people } = await openPeople();
		const a = people.addContact('Ann')!;
		const b = people.addContact('Bob')!;
		people.addTie(a, b);
		people.addTie(b, a);
		people.addTie(a, a);
		expect(people.ties.all).toHaveLength(1);
		expect(people.tiedTo(b).map((c) => c.name)).toEqual(['Ann']);
		people.removeTie(b, a);
		expect(people.ties.all).toHaveLength(0);
	});

	it('logs a conversation and restarts the clock in one undoable step', async () => {
		const { session, people } = await openPeople();
		const today = isoDateIn(new Date());
		const a = people.addContact('Ann', { followUpOn: addDays(today, -3) })!;
		session.stopCapturing();
		expect(people.overdueIds().has(a)).toBe(true);
		people.logConversation({ contactId: a, on: today, kind: 'coffee', theyOffered: 'An intro' });
		expect(people.conversations.all).toHaveLength(1);
		expect(people.contacts.get(a)).toMatchObject({ lastContactOn: today, followUpOn: null });
		expect(people.overdueIds().has(a)).toBe(false);
		session.undo();
		expect(people.conversations.all).toHaveLength(0);
		expect(people.contacts.get(a)?.followUpOn).toBe(addDays(today, -3));
	});

	it('deletes a contact with their ties, conversations and asks, and frees a reached target', async () => {
		const { session, people } = await openPeople();
		const a = people.addContact('Ann')!;
		const b = people.addContact('Bob', {})!;
		people.updateContact(b, { introducedBy: a });
		people.addTie(a, b);
		people.logConversation({ contactId: a, on: '2026-01-02', kind: 'call' });
		people.addAsk(a, 'An intro', '2026-01-03');
		session.write((doc) => {
			insertRecord(doc, targetSpec, { id: 't1', role: 'CTO', reachedContactId: a });
		});
		people.removeContact(a);
		expect(people.contacts.get(a)).toBeNull();
		expect(people.ties.all).toHaveLength(0);
		expect(people.conversations.all).toHaveLength(0);
		expect(people.asks.all).toHaveLength(0);
		expect(people.contacts.get(b)?.introducedBy).toBeNull();
		expect(people.targets.get('t1')?.reachedContactId).toBeNull();
		session.undo();
		expect(people.contacts.get(a)?.name).toBe('Ann');
		expect(people.ties.all).toHaveLength(1);
	});

	it('changes nothing when the workbook is read-only', async () => {
		const newer = new Y.Doc();
		newer.getMap('meta').set('schemaVersion', 999);
		const { session, people } = await openPeople([Y.encodeStateAsUpdate(newer)]);
		expect(session.writable).toBe(false);
		expect(people.addContact('Ann')).toBeNull();
		expect(people.contacts.size).toBe(0);
	});

	it('marks a target reached and links it to the contact', async () => {
		const { session, people } = await openPeople();
		const a = people.addContact('Ann')!;
		const target = 't1';
		session.write((doc) => {
			insertRecord(doc, targetSpec, { id: target, role: 'Head of data', org: 'Acme' });
		});
		people.markTargetReached(target, a);
		expect(people.targets.get(target)?.reachedContactId).toBe(a);
		expect(people.contacts.get(a)?.helpsGoal).toBe(true);
	});
});
