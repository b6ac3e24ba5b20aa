/**
 * Half-finished forms kept on this device, so leaving a page mid-sentence loses nothing. A
 * draft is scratch: it is not part of the workbook, never synced, and read back only when it
 * still has the expected shape.
 */
const PREFIX = 'village:draft:';

export function loadDraft<T>(
	name: string,
	valid: (value: unknown) => value is T,
	storage: Storage = localStorage
): T | null {
	try {
		const value: unknown = JSON.parse(storage.getItem(PREFIX + name) ?? 'null');
		return valid(value) ? value : null;
	} catch {
		return null;
	}
}

export function saveDraft(name: string, value: unknown, storage: Storage = localStorage): void {
	try {
		storage.setItem(PREFIX + name, JSON.stringify(value));
	} catch {
		// Storage full or blocked: the draft is a convenience, the form still works.
	}
}

export function clearDraft(name: string, storage: Storage = localStorage): void {
	storage.removeItem(PREFIX + name);
}

/** Every draft on this device (for "Delete everything"). */
export function clearAllDrafts(storage: Storage = localStorage): void {
	for (let i = storage.length - 1; i >= 0; i--) {
		const key = storage.key(i);
		if (key?.startsWith(PREFIX)) storage.removeItem(key);
	}
}
