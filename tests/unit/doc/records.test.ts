import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	actionSpec,
	contactSpec,
	deleteRecord,
	getRecord,
	insertRecord,
	listRecords,
	newId,
	recordText,
	slotSpec,
	updateRecord
} from '../../../src/lib/doc/records';
import { collectionMap } from '../../../src/lib/doc/schema';

describe('records', () => {
	it('adds a contact with only a name and reads back every default', () => {
		const doc = new Y.Doc();
		const id = doc.transact(() => insertRecord(doc, contactSpec, { name: 'Amara Okafor' }));
		const c = getRecord(doc, contactSpec, id)!;
		expect(c).toMatchObject({
			id,
			name: 'Amara Okafor',
			tier: 'wider',
			strength: 3,
			roles: [],
			stage: 'contact',
			introducedBy: null,
			notes: '',
			helpsGoal: false
		});
	});

	it('stores notes as Y.Text so two devices editing them merge by character', () => {
		const a = new Y.Doc();
		const id = a.transact(() =>
			insertRecord(a, contactSpec, { name: 'B', notes: 'Met at the summit.' })
		);
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		a.transact(() => updateRecord(a, contactSpec, id, { notes: 'First met at the summit.' }));
		b.transact(() =>
			updateRecord(b, contactSpec, id, { notes: 'Met at the summit. Likes cycling.' })
		);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(getRecord(a, contactSpec, id)!.notes).toBe('First met at the summit. Likes cycling.');
		expect(getRecord(b, contactSpec, id)!.notes).toBe('First met at the summit. Likes cycling.');
		expect(recordText(a, contactSpec, id, 'notes')).toBeInstanceOf(Y.Text);
	});

	it('refuses to write a value of the wrong shape', () => {
		const doc = new Y.Doc();
		const id = doc.transact(() => insertRecord(doc, contactSpec, { name: 'C' }));
		expect(() => updateRecord(doc, contactSpec, id, { strength: 9 })).toThrow(/strength/);
		expect(() => updateRecord(doc, contactSpec, id, { roles: ['boss' as never] })).toThrow(/roles/);
		expect(() => insertRecord(doc, slotSpec, { start: '25:00' })).toThrow(/start/);
		expect(getRecord(doc, contactSpec, id)!.strength).toBe(3);
	});

	it('reads a hostile or malformed stored value as the default, leaving it stored', () => {
		const doc = new Y.Doc();
		const record = new Y.Map<unknown>();
		record.set('name', { evil: true });
		record.set('strength', '5; drop table');
		record.set('roles', ['mentors', 42]);
		record.set('followUpOn', '2026-02-30');
		collectionMap(doc, 'contacts').set('x', record);
		const c = getRecord(doc, contactSpec, 'x')!;
		expect(c.name).toBe('');
		expect(c.strength).toBe(3);
		expect(c.roles).toEqual([]);
		expect(c.followUpOn).toBeNull();
		expect(record.get('strength')).toBe('5; drop table');
	});

	it('lists records in creation order and skips entries that are not records', () => {
		const doc = new Y.Doc();
		const first = doc.transact(() =>
			insertRecord(doc, actionSpec, { id: newId(1_000), text: 'Book coffee' })
		);
		const second = doc.transact(() =>
			insertRecord(doc, actionSpec, { id: newId(2_000), text: 'Join the guild' })
		);
		(collectionMap(doc, 'actions') as Y.Map<unknown>).set('junk', 'not a record');
		expect(listRecords(doc, actionSpec).map((a) => a.id)).toEqual([first, second]);
	});

	it('updates only fields that changed, and deletes', () => {
		const doc = new Y.Doc();
		const id = doc.transact(() => insertRecord(doc, actionSpec, { text: 'Call Sam' }));
		let updates = 0;
		doc.on('update', () => updates++);
		doc.transact(() => updateRecord(doc, actionSpec, id, { text: 'Call Sam', done: false }));
		expect(updates).toBe(0);
		doc.transact(() => updateRecord(doc, actionSpec, id, { done: true }));
		expect(getRecord(doc, actionSpec, id)!.done).toBe(true);
		doc.transact(() => deleteRecord(doc, actionSpec, id));
		expect(getRecord(doc, actionSpec, id)).toBeNull();
		expect(() => updateRecord(doc, actionSpec, id, { done: false })).toThrow(/No actions/);
	});

	it('makes ids that sort by creation time and do not collide', () => {
		const ids = Array.from({ length: 1000 }, (_, i) => newId(1_700_000_000_000 + i));
		expect(new Set(ids).size).toBe(1000);
		expect([...ids].sort()).toEqual(ids);
	});
});
