/**
 * Files in and out of an open workbook: contacts import (preview, then one transaction),
 * backup and restore (merge or replace), and vCard / iCalendar export. Loaded only by the
 * Import & export screen.
 */
import * as Y from 'yjs';
import {
	actionSpec,
	contactSpec,
	getRecord,
	insertRecord,
	listRecords,
	migrate,
	ORIGIN,
	SCHEMA_VERSION,
	slotSpec,
	updateRecord
} from '../../doc';
import {
	keepEarlierCreation,
	replaceWorkbook,
	snapshotCounts,
	workbookSnapshot,
	type WorkbookSnapshot
} from '../../doc/snapshot';
import { backupFileName, writeBackup } from '../../io/backup';
import { exportICalendar, type FollowUpDue } from '../../io/icalendar';
import { draftToContact, mergePatch, type DraftStatus } from '../../io/import-plan';
import type { ContactDraft, ImportError } from '../../io/types';
import { exportVCard } from '../../io/vcard-export';
import { nowIso, todayIn } from '../../model/dates';
import type { Contact, Id, IsoDate } from '../../model/records';
import { recordBackup } from '../home-backup';
import type { WorkbookSession } from '../session.svelte';
import { writeInSlices } from '../slices';
import { peopleOf } from '../people.svelte';
import { runInWorker, WorkerTimeout } from './worker-client';

export type { DraftStatus } from '../../io/import-plan';
export type { ContactDraft, ImportError } from '../../io/types';

export interface ImportPreview {
	fileName: string;
	drafts: ContactDraft[];
	statuses: DraftStatus[];
	errors: ImportError[];
}

export interface ImportChoice {
	/** Which drafts to bring in (by index). */
	include: ReadonlySet<number>;
	/** What to do with a duplicate: add what is new to the existing contact, or leave it. */
	duplicates: 'merge' | 'skip';
}

export interface ImportOutcome {
	added: number;
	merged: number;
	skipped: number;
}

export interface RestorePreview {
	fileName: string;
	exportedAt: string;
	snapshot: WorkbookSnapshot;
	state: Uint8Array;
	counts: ReturnType<typeof snapshotCounts>;
}

export interface FileOut {
	name: string;
	type: string;
	text: string;
}

function tooSlow(error: unknown): string {
	return error instanceof WorkerTimeout
		? 'This file took too long to read, so Village stopped. Nothing was changed.'
		: `This file could not be read (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`;
}

/**
 * Reads a contacts file off the main thread and compares it with the workbook's contacts (in
 * the worker too, so a 10,000-row file never blocks the page).
 */
export async function previewImport(
	session: WorkbookSession,
	bytes: Uint8Array,
	fileName: string,
	onProgress?: (done: number) => void
): Promise<ImportPreview> {
	// The session's contact store already holds them read and checked: no second pass over the doc.
	const existing = peopleOf(session).contacts.all.map(({ id, name, org, emails }) => ({
		id,
		name,
		org,
		emails
	}));
	let reply;
	try {
		reply = await runInWorker({ kind: 'parse', bytes, fileName, existing }, onProgress);
	} catch (error) {
		return { fileName, drafts: [], statuses: [], errors: [{ message: tooSlow(error) }] };
	}
	if (reply.kind !== 'parsed') return { fileName, drafts: [], statuses: [], errors: [] };
	const { items, errors } = reply.result;
	return { fileName, drafts: items, statuses: reply.statuses, errors };
}

/** The indexes of the ticked rows. */
export function ticked(flags: readonly boolean[]): ReadonlySet<number> {
	return new Set(flags.flatMap((on, i) => (on ? [i] : [])));
}

/**
 * Brings the chosen contacts in, with the import origin, as one undo step: one undo takes the
 * whole import back. A large import is written in slices short enough to keep the page
 * responsive, with `onProgress` told how far it is. Returns null when the workbook is read-only.
 */
export async function commitImport(
	session: WorkbookSession,
	preview: ImportPreview,
	choice: ImportChoice,
	onProgress?: (done: number) => void
): Promise<ImportOutcome | null> {
	const outcome: ImportOutcome = { added: 0, merged: 0, skipped: 0 };
	const createdAt = nowIso();
	const ok = await writeInSlices(
		session,
		preview.drafts,
		(doc, draft, i) => {
			const status = preview.statuses[i]!;
			if (!choice.include.has(i)) {
				outcome.skipped++;
				return;
			}
			if (status.kind === 'duplicate') {
				const existing = getRecord(doc, contactSpec, status.of);
				if (choice.duplicates === 'skip' || !existing) {
					outcome.skipped++;
					return;
				}
				const patch = mergePatch(existing, draft);
				if (Object.keys(patch).length) updateRecord(doc, contactSpec, status.of, patch);
				outcome.merged++;
				return;
			}
			insertRecord(doc, contactSpec, { ...draftToContact(draft), createdAt });
			outcome.added++;
		},
		{ origin: ORIGIN.import, onProgress }
	);
	return ok ? outcome : null;
}

/** The whole workbook as one backup file; remembers when it was made. */
export function makeBackup(session: WorkbookSession, suffix = ''): FileOut {
	const exportedAt = nowIso();
	const snapshot = workbookSnapshot(session.doc);
	const text = writeBackup({
		state: Y.encodeStateAsUpdate(session.doc),
		data: snapshot,
		schemaVersion: Math.max(SCHEMA_VERSION, snapshot.schemaVersion),
		counts: snapshotCounts(snapshot),
		exportedAt
	});
	recordBackup(exportedAt);
	return { name: backupFileName(exportedAt, suffix), type: 'application/json', text };
}

/**
 * Checks a backup file in a worker (envelope, checksum, then the Yjs bytes on a scratch
 * document, with a time limit) and says what it holds. Nothing is written.
 */
export async function previewRestore(
	bytes: Uint8Array,
	fileName: string
): Promise<{ ok: true; preview: RestorePreview } | { ok: false; message: string }> {
	let reply;
	try {
		reply = await runInWorker({ kind: 'backup', bytes, readsUpTo: SCHEMA_VERSION });
	} catch (error) {
		return { ok: false, message: tooSlow(error) };
	}
	if (reply.kind !== 'backup') return { ok: false, message: 'This backup could not be read.' };
	const result = reply.result;
	if (!result.ok) return result;
	return {
		ok: true,
		preview: {
			fileName,
			exportedAt: result.exportedAt,
			snapshot: result.snapshot,
			state: result.state,
			counts: snapshotCounts(result.snapshot)
		}
	};
}

/** A CRDT merge: what the backup holds joins what is here; nothing on either side is lost. */
export function mergeBackup(session: WorkbookSession, preview: RestorePreview): boolean {
	session.stopCapturing();
	const ok = session.write((doc) => {
		Y.applyUpdate(doc, preview.state);
		keepEarlierCreation(doc, preview.snapshot.createdAt);
		migrate(doc);
	}, ORIGIN.import);
	session.stopCapturing();
	return ok;
}

/**
 * Replaces the workbook with the backup's contents. Returns the automatic backup of what it
 * replaced (for the screen to download), or null when the workbook is read-only.
 */
export function replaceWithBackup(
	session: WorkbookSession,
	preview: RestorePreview
): FileOut | null {
	if (!session.writable) return null;
	const before = makeBackup(session, '-before-restore');
	session.stopCapturing();
	const ok = session.write((doc) => replaceWorkbook(doc, preview.snapshot), ORIGIN.import);
	session.stopCapturing();
	return ok ? before : null;
}

/** Contacts as one vCard 4.0 file (all, or the ids given). */
export function exportContacts(session: WorkbookSession, ids?: readonly Id[]): FileOut {
	const only = ids && new Set(ids);
	const contacts = listRecords(session.doc, contactSpec).filter((c) => !only || only.has(c.id));
	return {
		name: `village-contacts-${todayIn()}.vcf`,
		type: 'text/vcard',
		text: exportVCard(contacts)
	};
}

/** Weekly slots, follow-ups due and dated plan actions as one .ics file. */
export function exportCalendar(
	session: WorkbookSession,
	nextFollowUps: ReadonlyMap<Id, IsoDate | null>,
	slotLabel?: (kind: string) => string
): FileOut {
	const contacts = new Map<Id, Contact>(
		listRecords(session.doc, contactSpec).map((c) => [c.id, c] as const)
	);
	const followUps: FollowUpDue[] = [];
	for (const [id, on] of nextFollowUps) {
		const c = contacts.get(id);
		if (c && on) followUps.push({ contactId: id, name: c.name, on });
	}
	const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
	return {
		name: `village-plan-${todayIn()}.ics`,
		type: 'text/calendar',
		text: exportICalendar({
			slots: listRecords(session.doc, slotSpec),
			actions: listRecords(session.doc, actionSpec),
			followUps,
			timeZone,
			from: todayIn(),
			now: nowIso(),
			slotLabel
		})
	};
}
