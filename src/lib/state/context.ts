import { getContext, setContext } from 'svelte';
import type { WorkbookSession } from './session.svelte';

const KEY = Symbol('village:workbook');

export function provideWorkbook(session: WorkbookSession): void {
	setContext(KEY, session);
}

/** The open workbook session, provided by the root layout once it is open. */
export function useWorkbook(): WorkbookSession {
	const session = getContext<WorkbookSession | undefined>(KEY);
	if (!session) throw new Error('useWorkbook() called outside the workbook layout');
	return session;
}
