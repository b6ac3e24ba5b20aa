import { describe, expect, it } from 'vitest';
import { clearAllDrafts, clearDraft, loadDraft, saveDraft } from '../../../src/lib/state/drafts';
import { memoryStorage } from '../support/memory-storage';

const isNote = (v: unknown): v is { text: string } =>
	typeof v === 'object' && v !== null && typeof (v as { text?: unknown }).text === 'string';

describe('drafts', () => {
	it('keeps a draft until it is cleared', () => {
		const storage = memoryStorage();
		saveDraft('note', { text: 'half a thought' }, storage);
		expect(loadDraft('note', isNote, storage)).toEqual({ text: 'half a thought' });
		clearDraft('note', storage);
		expect(loadDraft('note', isNote, storage)).toBeNull();
	});

	it('ignores a draft that is malformed or of another shape', () => {
		const storage = memoryStorage();
		storage.setItem('village:draft:note', '{"text":');
		expect(loadDraft('note', isNote, storage)).toBeNull();
		storage.setItem('village:draft:note', '{"text":42}');
		expect(loadDraft('note', isNote, storage)).toBeNull();
	});

	it('clears every draft, and nothing else, for "Delete everything"', () => {
		const storage = memoryStorage();
		saveDraft('a', { text: '1' }, storage);
		saveDraft('b', { text: '2' }, storage);
		storage.setItem('village:theme', 'dark');
		clearAllDrafts(storage);
		expect(storage.length).toBe(1);
		expect(storage.getItem('village:theme')).toBe('dark');
	});

	it('survives storage that refuses to store', () => {
		const storage = memoryStorage();
		storage.setItem = () => {
			throw new DOMException('full', 'QuotaExceededError');
		};
		expect(() => saveDraft('note', { text: 'x' }, storage)).not.toThrow();
	});
});
