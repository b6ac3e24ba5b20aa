import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	IndexedDbPersistence,
	storedRowCount
} from '../../../src/lib/adapters/persistence/indexeddb';
import { COMPACT_AFTER_ROWS } from '../../../src/lib/adapters/persistence/types';

let name = '';
let n = 0;
const open: IndexedDbPersistence[] = [];

async function openDoc() {
	const doc = new Y.Doc();
	const store = new IndexedDbPersistence(name);
	open.push(store);
	await store.load(doc);
	return { doc, store };
}

afterEach(async () => {
	await Promise.all(open.splice(0).map((s) => s.close()));
	name = '';
});

function fresh() {
	name = `test-${Date.now()}-${n++}`;
}

describe('IndexedDbPersistence', () => {
	it('keeps what was written across a reopen', async () => {
		fresh();
		const a = await openDoc();
		a.doc.getText('text:goal.statement').insert(0, 'Lead a team');
		await a.store.flush();
		await a.store.close();
		const b = await openDoc();
		expect(b.doc.getText('text:goal.statement').toString()).toBe('Lead a team');
	});

	it('compacts to one row holding everything', async () => {
		fresh();
		const a = await openDoc();
		for (let i = 0; i < 50; i++) a.doc.getMap('answers').set(`k${i}`, i);
		await a.store.flush();
		expect((await a.store.stats()).rows).toBeGreaterThanOrEqual(50);
		await a.store.compact();
		expect((await a.store.stats()).rows).toBe(1);
		await a.store.close();
		const b = await openDoc();
		expect(b.doc.getMap('answers').get('k49')).toBe(49);
	});

	it('keeps rows another tab wrote after this one loaded when it compacts', async () => {
		fresh();
		const a = await openDoc();
		const b = await openDoc();
		b.doc.getMap('answers').set('from-b', true);
		await b.store.flush();
		a.doc.getMap('answers').set('from-a', true);
		await a.store.compact();
		await a.store.close();
		await b.store.close();
		const c = await openDoc();
		expect(c.doc.getMap('answers').toJSON()).toEqual({ 'from-a': true, 'from-b': true });
	});

	it('stays bounded over many edits and reopens when compacting on open', async () => {
		fresh();
		let rowsSeen = 0;
		for (let reload = 0; reload < 30; reload++) {
			const { doc, store } = await openDoc();
			if ((await store.stats()).rows > COMPACT_AFTER_ROWS) await store.compact();
			for (let i = 0; i < 40; i++) doc.getMap('answers').set('counter', reload * 40 + i);
			await store.flush();
			rowsSeen = Math.max(rowsSeen, (await store.stats()).rows);
			await store.close();
		}
		const last = await openDoc();
		expect(last.doc.getMap('answers').get('counter')).toBe(30 * 40 - 1);
		// 30 reopens x 41 rows each would be 1,230 rows without compaction.
		expect(rowsSeen).toBeLessThanOrEqual(COMPACT_AFTER_ROWS + 42);
		expect(await storedRowCount(name)).toBeLessThanOrEqual(COMPACT_AFTER_ROWS + 42);
	});

	it('deletes everything with destroy', async () => {
		fresh();
		const a = await openDoc();
		a.doc.getMap('answers').set('x', 1);
		await a.store.flush();
		await a.store.destroy();
		open.splice(open.indexOf(a.store), 1);
		const b = await openDoc();
		expect(b.doc.getMap('answers').size).toBe(0);
	});
});
