import * as Y from 'yjs';
import { ORIGIN } from './origins';

/** Keystrokes closer together than this undo as one step, like a word processor. */
export const UNDO_CAPTURE_MS = 600;

/**
 * Undo for what the user did on this device: their own edits, and a file import or restore as
 * one step (the import is one transaction). Changes from other tabs, devices and migrations
 * carry other origins and are never reverted by this device's Ctrl+Z.
 */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
	return new Y.UndoManager(doc, {
		trackedOrigins: new Set([ORIGIN.local, ORIGIN.import]),
		captureTimeout: UNDO_CAPTURE_MS
	});
}
