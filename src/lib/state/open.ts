import { IndexedDbPersistence } from '../adapters/persistence/indexeddb';
import { connectTabs } from '../adapters/sync/tabs';
import { ORIGIN } from '../doc';
import { deviceDrafts } from './drafts';
import { WorkbookSession } from './session.svelte';

/** The IndexedDB database (and tab channel) that holds this device's private workbook. */
export const WORKBOOK_STORE = 'village-workbook';

/**
 * This device's workbook, kept in IndexedDB and live-synced with the app's other tabs.
 * Not yet open: call `open()` (the root layout does, once, after providing it to the pages).
 */
export function createDeviceWorkbook(): WorkbookSession {
	return new WorkbookSession({
		persistence: new IndexedDbPersistence(WORKBOOK_STORE),
		connectTabs: (doc) => connectTabs(doc, WORKBOOK_STORE, ORIGIN.remote),
		storage: typeof navigator !== 'undefined' ? (navigator.storage ?? null) : null,
		// Drafts are read as a screen opens: they must be loaded before it shows.
		alongside: [
			{
				open: () => deviceDrafts().open(typeof localStorage === 'undefined' ? null : localStorage),
				flush: () => deviceDrafts().flush()
			}
		],
		whenIdle: (work) =>
			'requestIdleCallback' in globalThis
				? requestIdleCallback(() => work(), { timeout: 5000 })
				: setTimeout(work, 1000)
	});
}
