import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	actionSpec,
	contactSpec,
	conversationSpec,
	isStoredRecord,
	readStored,
	deleteRecord,
	getRecord,
	insertRecord,
	listRecords,
	newId,
	recordText,
	slotSpec,
	updateRecord
} from '../../../src/lib/doc';
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

	it('keeps ids made within one millisecond in the order they were made', () => {
		const ids = Array.from({ length: 200 }, () => newId());
		expect([...ids].sort()).toEqual(ids);
	});

	it('stores a contact sparsely: only fields that differ from their defaults', () => {
		const doc = new Y.Doc();
		const id = doc.transact(() =>
			insertRecord(doc, contactSpec, { name: 'Dana', tier: 'wider', strength: 4 })
		);
		const stored = collectionMap(doc, 'contacts').get(id) as Y.Map<unknown>;
		expect([...stored.keys()].sort()).toEqual(['name', 'notes', 'strength']);
		// A field set back to its default is written (another device may hold a different value).
		doc.transact(() => updateRecord(doc, contactSpec, id, { tier: 'key' }));
		doc.transact(() => updateRecord(doc, contactSpec, id, { tier: 'wider' }));
		expect(stored.get('tier')).toBe('wider');
		expect(getRecord(doc, contactSpec, id)!.tier).toBe('wider');
	});

	it('stores a conversation as one value and edits it whole', () => {
		const doc = new Y.Doc();
		const id = doc.transact(() =>
			insertRecord(doc, conversationSpec, {
				contactId: 'c1',
				on: '2026-11-02',
				kind: 'lunch',
				iOffered: 'An intro to Priya'
			})
		);
		const stored = collectionMap(doc, 'conversations').get(id);
		expect(stored).not.toBeInstanceOf(Y.Map);
		expect(isStoredRecord(stored)).toBe(true);
		doc.transact(() => updateRecord(doc, conversationSpec, id, { offerDelivered: true }));
		expect(getRecord(doc, conversationSpec, id)).toMatchObject({
			id,
			contactId: 'c1',
			kind: 'lunch',
			iOffered: 'An intro to Priya',
			offerDelivered: true
		});
		expect(() => updateRecord(doc, conversationSpec, id, { kind: 'party' as never })).toThrow(
			/kind/
		);
		let updates = 0;
		doc.on('update', () => updates++);
		doc.transact(() => updateRecord(doc, conversationSpec, id, { kind: 'lunch' }));
		expect(updates).toBe(0);
	});

	it('reads a hostile one-value record field by field, with defaults for what is wrong', () => {
		expect(
			readStored(conversationSpec, 'x', {
				contactId: 42,
				on: 'yesterday',
				kind: 'lunch',
				theirWork: ['not', 'text']
			})
		).toMatchObject({ id: 'x', contactId: '', on: '1970-01-01', kind: 'lunch', theirWork: '' });
		// A value whose prototype was swapped (a "__proto__" key in decoded data) is no record.
		const tampered = JSON.parse('{"contactId":"c1"}');
		Object.setPrototypeOf(tampered, { polluted: true });
		expect(readStored(conversationSpec, 'x', tampered)).toBeNull();
		expect(readStored(conversationSpec, 'x', 'just a string')).toBeNull();
		expect(readStored(conversationSpec, 'x', null)).toBeNull();
		expect(readStored(conversationSpec, 'x', new Date())).toBeNull();
	});
});
