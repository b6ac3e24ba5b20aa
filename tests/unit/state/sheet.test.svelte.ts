import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { MemoryPersistence } from '../../../src/lib/adapters/persistence/memory';
import { contactSpec, insertRecord, writeScalar, writeText } from '../../../src/lib/doc';
import { PaperSetting, SheetState } from '../../../src/lib/state/sheet.svelte';
import { WorkbookSession } from '../../../src/lib/state/session.svelte';
import { memoryStorage } from '../support/memory-storage';

async function openSession() {
	return new WorkbookSession({
		persistence: new MemoryPersistence([]),
		connectTabs: null,
		whenIdle: () => {}
	}).open();
}

describe('SheetState: the sheet from the live workbook', () => {
	it('follows every change to the workbook: answers, texts and records', async () => {
		const session = await openSession();
		const state = new SheetState(session);
		let goal = '';
		let champions: string[] = [];
		const stop = $effect.root(() => {
			$effect(() => {
				const sheet = state.at('2026-03-10');
				goal = sheet.goal.statement;
				champions = sheet.champions.people.map((c) => c.name);
			});
		});
		flushSync();
		expect(goal).toBe('');

		session.write((doc) => {
			writeText(doc, 'goal.statement', 'Lead a product team');
			writeScalar(doc, 'goal.horizon', '2029-03-10');
			insertRecord(doc, contactSpec, { name: 'Priya', stage: 'champion' });
		});
		flushSync();
		expect(goal).toBe('Lead a product team');
		expect(champions).toEqual(['Priya']);
		expect(state.at('2026-03-10').goal.years).toBe(3);
		expect(state.layout.nodes.map((n) => n.name)).toEqual(['Priya']);
		stop();
	});
});

describe('PaperSetting', () => {
	it('starts from the locale, then keeps the choice on this device', () => {
		const storage = memoryStorage();
		const us = new PaperSetting(storage, ['en-US']);
		expect(us.current).toBe('letter');
		us.current = 'a4';
		expect(new PaperSetting(storage, ['en-US']).current).toBe('a4');
	});

	it('ignores a stored value it does not know, and works with no storage at all', () => {
		const storage = memoryStorage();
		storage.setItem('village:paper', 'tabloid');
		expect(new PaperSetting(storage, ['de-DE']).current).toBe('a4');
		const none = new PaperSetting(null, ['en-CA']);
		expect(none.current).toBe('letter');
		none.current = 'a4';
		expect(none.current).toBe('a4');
	});
});
