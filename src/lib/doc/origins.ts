/**
 * Every write to a workbook carries one of these as its Yjs transaction origin, so that undo
 * touches only the user's own edits and persistence/sync can tell where a change came from.
 */
export const ORIGIN = {
	/** The user typed or clicked on this device. Undo tracks this and `import`. */
	local: 'village:local',
	/** A file import or restore: one transaction, undone as one step. */
	import: 'village:import',
	/** A schema migration run while opening the document. */
	migration: 'village:migration',
	/** Another tab, device or partner. */
	remote: 'village:remote'
} as const;

export type Origin = (typeof ORIGIN)[keyof typeof ORIGIN];
