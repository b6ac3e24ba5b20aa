import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemoryPersistence } from '../../../src/lib/adapters/persistence/memory';
import { ORIGIN } from '../../../src/lib/doc/origins';
import { metaMap, SCHEMA_VERSION } from '../../../src/lib/doc/schema';
import { readText, writeText } from '../../../src/lib/doc/answers';
import { WorkbookSession } from '../../../src/lib/state/session.svelte';
import { writeInSlices } from '../../../src/lib/state/slices';

function storedDoc(change: (doc: Y.Doc) => void): Uint8Array[] {
	const doc = new Y.Doc();
	change(doc);
	return [Y.encodeStateAsUpdate(doc)];
}

function fakeStorage(grant: boolean) {
	const calls: string[] = [];
	const storage = {
		persisted: async () => (calls.push('persisted'), false),
		persist: async () => (calls.push('persist'), grant),
		estimate: async () => ({ usage: 0, quota: 0 })
	} as unknown as StorageManager;
	return { storage, calls };
}

describe('WorkbookSession', () => {
	it('loads what was stored, migrates, and is ready for writing', async () => {
		const updates = storedDoc((d) => d.getText('text:goal.statement').insert(0, 'Lead'));
		const session = await new WorkbookSession({
			persistence: new MemoryPersistence(updates)
		}).open();
		expect(session.status).toBe('ready');
		expect(readText(session.doc, 'goal.statement')).toBe('Lead');
		expect(metaMap(session.doc).get('schemaVersion')).toBe(SCHEMA_VERSION);
	});

	it('writes a long change in slices that one undo takes back, keeping what was typed before', async () => {
		const persistence = new MemoryPersistence();
		const session = await new WorkbookSession({ persistence }).open();
		session.write((d) => writeText(d, 'goal.statement', 'Lead a team'));
		await session.flush();
		const before = persistence.updates.length;
		const seen: number[] = [];
		const names = Array.from({ length: 40 }, (_, i) => `Person ${i}`);
		const done = await writeInSlices(
			session,
			names,
			(doc, name) => doc.getArray<string>('test:names').push([name]),
			{ origin: ORIGIN.import, sliceMs: 0, onProgress: (p) => seen.push(p) }
		);
		expect(done).toBe(true);
		await session.flush();
		// sliceMs 0: one item per transaction, so the page could breathe between each.
		expect(persistence.updates.length - before).toBe(40);
		expect(seen).toHaveLength(40);
		expect(seen.at(-1)).toBe(1);
		expect(seen).toEqual([...seen].sort((a, b) => a - b));
		expect(session.doc.getArray('test:names').length).toBe(40);
		session.undo();
		expect(session.doc.getArray('test:names').length).toBe(0);
		expect(readText(session.doc, 'goal.statement')).toBe('Lead a team');
		// Undo capture is back to normal afterwards: the next keystroke is its own step.
		session.write((d) => writeText(d, 'goal.statement', 'Lead a bigger team'));
		session.undo();
		expect(readText(session.doc, 'goal.statement')).toBe('Lead a team');
	});

	it('writes no slice once the workbook stops taking changes', async () => {
		const session = await new WorkbookSession({ persistence: new MemoryPersistence() }).open();
		let calls = 0;
		const run = writeInSlices(
			session,
			[1, 2, 3, 4],
			(doc, n) => {
				calls++;
				if (n === 1) metaMap(doc).set('schemaVersion', SCHEMA_VERSION + 1);
			},
			{ origin: ORIGIN.import, sliceMs: 0 }
		);
		expect(await run).toBe(false);
		expect(calls).toBe(1);
		expect(session.status).toBe('read-only');
	});

	it('writes nothing before the stored document has loaded', async () => {
		const persistence = new MemoryPersistence();
		const session = new WorkbookSession({ persistence });
		expect(session.write((d) => writeText(d, 'goal.statement', 'too early'))).toBe(false);
		expect(persistence.updates).toHaveLength(0);
		await session.open();
		expect(readText(session.doc, 'goal.statement')).toBe('');
	});

	it('opens a newer-schema document read-only and never writes to it', async () => {
		const updates = storedDoc((d) => {
			metaMap(d).set('schemaVersion', SCHEMA_VERSION + 5);
			d.getText('text:goal.statement').insert(0, 'From the future');
		});
		const persistence = new MemoryPersistence([...updates]);
		const session = await new WorkbookSession({ persistence }).open();
		expect(session.status).toBe('read-only');
		expect(session.problem).toMatch(/newer version of Village/);
		expect(session.write((d) => writeText(d, 'goal.statement', 'overwrite'))).toBe(false);
		expect(await session.compactIfNeeded()).toBe(false);
		expect(persistence.updates).toEqual(updates);
		expect(readText(session.doc, 'goal.statement')).toBe('From the future');
	});

	it('turns read-only when another tab upgrades the document', async () => {
		const session = await new WorkbookSession({ persistence: new MemoryPersistence() }).open();
		Y.transact(session.doc, () => metaMap(session.doc).set('schemaVersion', 99), ORIGIN.remote);
		expect(session.status).toBe('read-only');
	});

	it('undoes and redoes only its own edits, not remote ones', async () => {
		const session = await new WorkbookSession({ persistence: new MemoryPersistence() }).open();
		session.write((d) => writeText(d, 'goal.statement', 'Mine'));
		session.stopCapturing();
		Y.transact(session.doc, () => session.doc.getMap('answers').set('remote', 1), ORIGIN.remote);
		expect(session.canUndo).toBe(true);
		session.undo();
		expect(readText(session.doc, 'goal.statement')).toBe('');
		expect(session.doc.getMap('answers').get('remote')).toBe(1);
		expect(session.canRedo).toBe(true);
		session.redo();
		expect(readText(session.doc, 'goal.statement')).toBe('Mine');
	});

	it('asks for persistent storage on the first save, once', async () => {
		const { storage, calls } = fakeStorage(true);
		const session = await new WorkbookSession({
			persistence: new MemoryPersistence(),
			storage,
			whenIdle: () => {}
		}).open();
		calls.length = 0;
		session.write((d) => writeText(d, 'goal.statement', 'a'));
		session.write((d) => writeText(d, 'goal.statement', 'ab'));
		await session.flush();
		await new Promise((r) => setTimeout(r, 0));
		expect(calls).toEqual(['persisted', 'persist']);
		expect(session.persisted).toBe(true);
		expect(session.saveState).toBe('saved');
	});

	it('says "saving" until storage has the change, and "saved" only after', async () => {
		const persistence = new MemoryPersistence();
		const session = await new WorkbookSession({ persistence, whenIdle: () => {} }).open();
		const before = persistence.updates.length;
		session.write((d) => writeText(d, 'goal.statement', 'Lead'));
		expect(session.saveState).toBe('saving');
		expect(persistence.updates).toHaveLength(before);
		await session.flush();
		expect(session.saveState).toBe('saved');
		expect(persistence.updates).toHaveLength(before + 1);
	});

	it('reports a storage failure, keeps the change, and clears the warning once it is saved', async () => {
		const persistence = new MemoryPersistence();
		persistence.failWith = new Error('QuotaExceededError');
		const session = await new WorkbookSession({ persistence, whenIdle: () => {} }).open();
		session.write((d) => writeText(d, 'goal.statement', 'x'));
		await new Promise((r) => setTimeout(r, 0));
		expect(session.saveState).toBe('failed');
		expect(session.problem).toMatch(/QuotaExceededError/);
		expect(readText(session.doc, 'goal.statement')).toBe('x');
		persistence.failWith = null;
		await session.flush();
		expect(session.saveState).toBe('saved');
		expect(session.problem).toBeNull();
		const reopened = await new WorkbookSession({
			persistence: new MemoryPersistence(persistence.updates)
		}).open();
		expect(readText(reopened.doc, 'goal.statement')).toBe('x');
	});

	it('says clearly when storage cannot be opened, and stays closed for writing', async () => {
		const persistence = new MemoryPersistence();
		persistence.load = async () => {
			throw new Error('IndexedDB is disabled');
		};
		const session = await new WorkbookSession({ persistence }).open();
		expect(session.status).toBe('failed');
		expect(session.problem).toMatch(/IndexedDB is disabled/);
		expect(session.write(() => {})).toBe(false);
	});

	it('compacts storage once it has piled up', async () => {
		const persistence = new MemoryPersistence();
		const session = await new WorkbookSession({ persistence, whenIdle: () => {} }).open();
		for (let i = 0; i < 30; i++) session.write((d) => d.getMap('answers').set('n', i));
		await session.flush();
		expect(persistence.updates.length).toBeGreaterThan(20);
		expect(await session.compactIfNeeded()).toBe(true);
		expect(persistence.updates).toHaveLength(1);
	});
});
