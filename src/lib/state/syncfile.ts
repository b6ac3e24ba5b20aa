import type * as Y from 'yjs';
import { ORIGIN } from '../doc';

/** What the "Sync by file" panel needs from a partnership or a device link. */
export interface FileSync {
	exportFile(): Promise<Uint8Array | null>;
	importFile(bytes: Uint8Array, fileName: string): Promise<{ ok: boolean; text: string }>;
}

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/**
 * Sync by file for one document and key. Remembers, per space, the other side's state vector
 * from the last file it sent, so the next export holds only what it lacks.
 */
export function fileSync(
	getDoc: () => Y.Doc | null,
	getKey: () => { spaceId: string; secret: string } | null,
	afterImport: () => void = () => {}
): FileSync {
	const stateKey = (spaceId: string) => `village:sync-file:${spaceId}`;
	return {
		async exportFile() {
			const doc = getDoc();
			const key = getKey();
			if (!doc || !key) return null;
			const { exportSyncFile } = await import('../adapters/sync/file');
			const saved = localStorage.getItem(stateKey(key.spaceId));
			return exportSyncFile(doc, key, saved ? unb64(saved) : null);
		},
		async importFile(bytes, fileName) {
			const doc = getDoc();
			const key = getKey();
			if (!doc || !key) return { ok: false, text: 'Nothing is set up to sync with yet.' };
			const { importSyncFile } = await import('../adapters/sync/file');
			const result = await importSyncFile(doc, bytes, key, ORIGIN.remote);
			if (!result.ok) return { ok: false, text: `${fileName}: ${result.problem}` };
			localStorage.setItem(stateKey(key.spaceId), b64(result.theirState));
			afterImport();
			return {
				ok: true,
				text: result.changed
					? `${fileName}: merged. Everything from the other side is here now.`
					: `${fileName}: nothing new in it; you already had all of it.`
			};
		}
	};
}
