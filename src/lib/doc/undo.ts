import * as Y from 'yjs';
import { ORIGIN } from './origins';

/** Keystrokes closer together than this undo as one step, like a word processor. */
export const UNDO_CAPTURE_MS = 600;

/**
 * Undo for the user's own edits only: changes from other tabs, devices, imports and migrations
 * carry other origins and are never reverted by this device's Ctrl+Z.
 */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
	return new Y.UndoManager(doc, {
		trackedOrigins: new Set([ORIGIN.local]),
		captureTimeout: UNDO_CAPTURE_MS
	});
}
