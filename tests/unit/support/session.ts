import { MemoryPersistence } from '../../../src/lib/adapters/persistence/memory';
import { WorkbookSession } from '../../../src/lib/state/session.svelte';

/** An open, writable workbook in memory, with no tabs and no idle work. */
export function openSession(updates: Uint8Array[] = []): Promise<WorkbookSession> {
	return new WorkbookSession({
		persistence: new MemoryPersistence(updates),
		connectTabs: null,
		whenIdle: () => {}
	}).open();
}
