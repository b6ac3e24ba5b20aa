import { describe, expect, it } from 'vitest';
import { MemoryPersistence } from '../../../src/lib/adapters/persistence/memory';
import {
	clearAllDrafts,
	clearDraft,
	DraftStore,
	loadDraft,
	saveDraft
} from '../../../src/lib/state/drafts';
import { memoryStorage } from '../support/memory-storage';

const isNote = (v: unknown): v is { text: string } =>
	typeof v === 'object' && v !== null && typeof (v as { text?: unknown }).text === 'string';

async function openStore(updates: Uint8Array[] = [], legacy: Storage | null = null) {
	const persistence = new MemoryPersistence(updates);
	const store = new DraftStore(persistence);
	await store.open(legacy);
	return { store, persistence };
}

describe('drafts', () => {
	it('keeps a draft, through the same writer as the workbook, until it is cleared', async () => {
		const { store, persistence } = await openStore();
		saveDraft('note', { text: 'half a thought' }, store);
		expect(loadDraft('note', isNote, store)).toEqual({ text: 'half a thought' });
		await store.flush();
		const reopened = await openStore(persistence.updates);
		expect(loadDraft('note', isNote, reopened.store)).toEqual({ text: 'half a thought' });
		clearDraft('note', reopened.store);
		expect(loadDraft('note', isNote, reopened.store)).toBeNull();
	});

	it('moves drafts left in localStorage by an earlier Village, and ignores malformed ones', async () => {
		const legacy = memoryStorage();
		legacy.setItem('village:draft:note', '{"text":"from before"}');
		legacy.setItem('village:draft:broken', '{"text":');
		legacy.setItem('village:draft:other', '{"text":42}');
		legacy.setItem('village:theme', 'dark');
		const { store } = await openStore([], legacy);
		expect(loadDraft('note', isNote, store)).toEqual({ text: 'from before' });
		expect(loadDraft('broken', isNote, store)).toBeNull();
		expect(loadDraft('other', isNote, store)).toBeNull();
		expect(legacy.length).toBe(1);
		expect(legacy.getItem('village:theme')).toBe('dark');
	});

	it('clears every draft for "Delete everything"', async () => {
		const { store } = await openStore();
		saveDraft('a', { text: '1' }, store);
		saveDraft('b', { text: '2' }, store);
		clearAllDrafts(store);
		expect(loadDraft('a', isNote, store)).toBeNull();
		expect(loadDraft('b', isNote, store)).toBeNull();
	});

	it('still works for this visit when storage cannot be opened', async () => {
		const persistence = new MemoryPersistence();
		persistence.load = async () => {
			throw new DOMException('blocked', 'SecurityError');
		};
		const store = new DraftStore(persistence);
		await expect(store.open()).resolves.toBeUndefined();
		saveDraft('note', { text: 'x' }, store);
		expect(loadDraft('note', isNote, store)).toEqual({ text: 'x' });
	});
});
