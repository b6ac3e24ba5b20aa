/**
 * The whole workbook as plain JSON, and back: what a backup shows in readable form, what a
 * "replace" restore writes, and how tests compare two workbooks (every Y.Text included).
 */
import * as Y from 'yjs';
import { listRecords, insertRecord, type RecordSpec } from './records';
import {
	answersMap,
	collectionMap,
	COLLECTIONS,
	metaMap,
	settingsMap,
	storedSchemaVersion,
	TEXT_PREFIX,
	type CollectionName
} from './schema';
import { applyTextChange } from './text';
import { actionSpec } from './specs/action';
import { askSpec } from './specs/ask';
import { contactSpec } from './specs/contact';
import { conversationSpec } from './specs/conversation';
import { eventSpec } from './specs/event';
import { offerSpec } from './specs/offer';
import { reviewSpec } from './specs/review';
import { slotSpec } from './specs/slot';
import { targetSpec } from './specs/target';
import { tieSpec } from './specs/tie';

type AnySpec = RecordSpec<{ id: string }>;

export const SPECS: Record<CollectionName, AnySpec> = {
	contacts: contactSpec as unknown as AnySpec,
	ties: tieSpec as unknown as AnySpec,
	conversations: conversationSpec as unknown as AnySpec,
	targets: targetSpec as unknown as AnySpec,
	events: eventSpec as unknown as AnySpec,
	slots: slotSpec as unknown as AnySpec,
	actions: actionSpec as unknown as AnySpec,
	asks: askSpec as unknown as AnySpec,
	offers: offerSpec as unknown as AnySpec,
	reviews: reviewSpec as unknown as AnySpec
};

export interface WorkbookSnapshot {
	schemaVersion: number;
	createdAt: string | null;
	answers: Record<string, unknown>;
	texts: Record<string, string>;
	settings: Record<string, unknown>;
	collections: Record<CollectionName, { id: string }[]>;
}

function plainMap(map: Y.Map<unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of [...map.keys()].sort()) {
		const v = map.get(key);
		out[key] = v instanceof Y.AbstractType ? v.toJSON() : v;
	}
	return out;
}

/** Names of the root-level answer texts a document holds. */
export function textNames(doc: Y.Doc): string[] {
	return [...doc.share.keys()].filter((k) => k.startsWith(TEXT_PREFIX)).sort();
}

/**
 * The workbook as plain, validated data (records read through their specs). Texts that are
 * empty are left out, so a text never typed into equals one typed into and cleared.
 */
export function workbookSnapshot(doc: Y.Doc): WorkbookSnapshot {
	const texts: Record<string, string> = {};
	for (const name of textNames(doc)) {
		const value = doc.getText(name).toString();
		if (value !== '') texts[name.slice(TEXT_PREFIX.length)] = value;
	}
	const collections = {} as WorkbookSnapshot['collections'];
	for (const name of COLLECTIONS) collections[name] = listRecords(doc, SPECS[name]);
	const createdAt = metaMap(doc).get('createdAt');
	return {
		schemaVersion: storedSchemaVersion(doc),
		createdAt: typeof createdAt === 'string' ? createdAt : null,
		answers: plainMap(answersMap(doc)),
		texts,
		settings: plainMap(settingsMap(doc)),
		collections
	};
}

export function snapshotCounts(snapshot: WorkbookSnapshot): Record<CollectionName, number> & {
	answers: number;
} {
	const counts = {} as Record<CollectionName, number>;
	for (const name of COLLECTIONS) counts[name] = snapshot.collections[name].length;
	return {
		...counts,
		answers: Object.keys(snapshot.answers).length + Object.keys(snapshot.texts).length
	};
}

/**
 * Makes the document hold exactly what the snapshot holds (call inside one transaction): every
 * record, answer, text and setting is replaced. Texts are edited in place, so they keep merging.
 */
export function replaceWorkbook(doc: Y.Doc, snapshot: WorkbookSnapshot): void {
	keepEarlierCreation(doc, snapshot.createdAt, true);
	for (const name of COLLECTIONS) {
		const map = collectionMap(doc, name);
		for (const id of [...map.keys()]) map.delete(id);
		for (const record of snapshot.collections[name] ?? []) insertRecord(doc, SPECS[name], record);
	}
	const answers = answersMap(doc);
	for (const key of [...answers.keys()]) answers.delete(key);
	for (const [key, value] of Object.entries(snapshot.answers)) answers.set(key, value);
	const settings = settingsMap(doc);
	for (const key of [...settings.keys()]) settings.delete(key);
	for (const [key, value] of Object.entries(snapshot.settings)) settings.set(key, value);
	const names = new Set([
		...textNames(doc),
		...Object.keys(snapshot.texts).map((k) => TEXT_PREFIX + k)
	]);
	for (const name of names)
		applyTextChange(doc.getText(name), snapshot.texts[name.slice(TEXT_PREFIX.length)] ?? '');
}

/**
 * A workbook restored from a backup began when the backup's workbook began: the earlier of the
 * two creation moments wins (or the backup's, when replacing). Call inside a transaction.
 */
export function keepEarlierCreation(doc: Y.Doc, createdAt: string | null, replace = false): void {
	if (!createdAt) return;
	const meta = metaMap(doc);
	const current = meta.get('createdAt');
	if (replace || typeof current !== 'string' || createdAt < current)
		meta.set('createdAt', createdAt);
}

export type UntrustedResult =
	{ ok: true; snapshot: WorkbookSnapshot; state: Uint8Array } | { ok: false; message: string };

/**
 * Applies bytes from outside (a backup) to a scratch document and reads it back. Yjs may throw
 * on bad bytes, or silently keep a broken update pending; both are refused. Run this in a
 * worker with a time limit: a crafted update can make Yjs spin (yjs issue #687).
 */
export function loadUntrusted(bytes: Uint8Array, readsUpTo: number): UntrustedResult {
	const scratch = new Y.Doc();
	try {
		try {
			Y.applyUpdate(scratch, bytes);
		} catch {
			return { ok: false, message: 'This backup’s workbook data is damaged and cannot be read.' };
		}
		if (scratch.store.pendingStructs || scratch.store.pendingDs)
			return {
				ok: false,
				message: 'This backup’s workbook data is incomplete (parts of it are missing).'
			};
		const version = storedSchemaVersion(scratch);
		if (version > readsUpTo)
			return {
				ok: false,
				message: `This backup was made by a newer version of Village (format ${version}; this one reads up to ${readsUpTo}). Reload the page to update Village, then try again.`
			};
		let snapshot: WorkbookSnapshot;
		try {
			snapshot = workbookSnapshot(scratch);
		} catch {
			return { ok: false, message: 'This backup’s workbook data has the wrong shape.' };
		}
		return { ok: true, snapshot, state: Y.encodeStateAsUpdate(scratch) };
	} finally {
		scratch.destroy();
	}
}
