import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { MemoryPersistence } from '../../../src/lib/adapters/persistence/memory';
import {
	actionSpec,
	answersMap,
	contactSpec,
	conversationSpec,
	insertRecord,
	listRecords,
	metaMap,
	recordText,
	SCHEMA_VERSION,
	slotSpec,
	updateRecord,
	writeSetting
} from '../../../src/lib/doc';
import { writeText } from '../../../src/lib/doc/answers';
import { workbookSnapshot } from '../../../src/lib/doc/snapshot';
import { crc32, toBase64 } from '../../../src/lib/io/backup';
import { backupIsDue, lastBackupAt } from '../../../src/lib/state/home-backup';
import { WorkbookSession } from '../../../src/lib/state/session.svelte';
import {
	commitImport,
	makeBackup,
	mergeBackup,
	previewImport,
	previewRestore,
	replaceWithBackup
} from '../../../src/lib/state/transfer/transfer';
import { memoryStorage } from '../support/memory-storage';
import { fixture } from '../io/fixtures';

beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
afterEach(() => vi.unstubAllGlobals());

async function openSession(updates: Uint8Array[] = []) {
	return new WorkbookSession({ persistence: new MemoryPersistence(updates) }).open();
}

/** A workbook with something of everything, including edited texts. */
async function fullWorkbook() {
	const session = await openSession();
	session.write((doc) => {
		const id = insertRecord(doc, contactSpec, {
			name: 'Amara Okafor',
			org: 'Northwind',
			emails: ['amara@northwind.example'],
			notes: 'First note',
			roles: ['mentors']
		});
		updateRecord(doc, contactSpec, id, { notes: 'First note, edited ✓' });
		insertRecord(doc, conversationSpec, { contactId: id, on: '2026-11-02', kind: 'coffee' });
		insertRecord(doc, slotSpec, { weekday: 3, start: '08:00', minutes: 30, kind: 'call' });
		insertRecord(doc, actionSpec, { text: 'Join the guild', horizon: 60, due: '2027-01-10' });
		writeText(doc, 'goal.statement', 'Lead a product team in health care');
		answersMap(doc).set('diagnose.q1', 4);
		writeSetting(doc, 'theme', 'dark');
	});
	return session;
}

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('backup and restore', () => {
	it('back up → delete everything → restore gives an equal workbook, texts included', async () => {
		const original = await fullWorkbook();
		const file = makeBackup(original);
		expect(file.name).toMatch(/^village-backup-\d{4}-\d{2}-\d{2}\.json$/);
		expect(lastBackupAt()).not.toBeNull();
		const envelope = JSON.parse(file.text);
		expect(envelope).toMatchObject({
			type: 'village-backup',
			version: 1,
			schemaVersion: SCHEMA_VERSION
		});
		expect(envelope.data.collections.contacts[0].name).toBe('Amara Okafor');

		const before = workbookSnapshot(original.doc);
		await original.deleteEverything();
		for (const how of ['merge', 'replace'] as const) {
			const fresh = await openSession();
			const preview = await previewRestore(bytesOf(file.text), file.name);
			if (!preview.ok) throw new Error(preview.message);
			expect(preview.preview.counts).toMatchObject({
				contacts: 1,
				conversations: 1,
				slots: 1,
				actions: 1
			});
			if (how === 'merge') expect(mergeBackup(fresh, preview.preview)).toBe(true);
			else expect(replaceWithBackup(fresh, preview.preview)).not.toBeNull();
			expect(workbookSnapshot(fresh.doc)).toEqual(before);
			const contact = listRecords(fresh.doc, contactSpec)[0]!;
			expect(recordText(fresh.doc, contactSpec, contact.id, 'notes')?.toString()).toBe(
				'First note, edited ✓'
			);
		}
	});

	it('merge keeps what is on both sides; replace keeps only the backup, after backing up', async () => {
		const a = await fullWorkbook();
		const file = makeBackup(a);
		const b = await openSession();
		b.write((doc) => insertRecord(doc, contactSpec, { name: 'Only here' }));
		const preview = await previewRestore(bytesOf(file.text), file.name);
		if (!preview.ok) throw new Error(preview.message);
		mergeBackup(b, preview.preview);
		expect(
			listRecords(b.doc, contactSpec)
				.map((c) => c.name)
				.sort()
		).toEqual(['Amara Okafor', 'Only here']);
		const before = replaceWithBackup(b, preview.preview)!;
		expect(before.name).toMatch(/-before-restore\.json$/);
		expect(JSON.parse(before.text).data.collections.contacts).toHaveLength(2);
		expect(listRecords(b.doc, contactSpec).map((c) => c.name)).toEqual(['Amara Okafor']);
		// One undo takes the replace back.
		b.undo();
		expect(listRecords(b.doc, contactSpec)).toHaveLength(2);
	});

	it('refuses hostile files with a clear message and changes nothing', async () => {
		const source = await fullWorkbook();
		const good = JSON.parse(makeBackup(source).text);
		const target = await fullWorkbook();
		const snapshot = () => JSON.stringify(workbookSnapshot(target.doc));
		const before = snapshot();
		const tampered = Y.encodeStateAsUpdate(source.doc).slice(0, 40);
		const newer = new Y.Doc();
		metaMap(newer).set('schemaVersion', SCHEMA_VERSION + 1);
		const newerBytes = Y.encodeStateAsUpdate(newer);
		const cases: [string, string, RegExp][] = [
			['truncated', JSON.stringify(good).slice(0, 500), /incomplete/],
			['wrong type', JSON.stringify({ ...good, type: 'other-app' }), /not a Village backup/],
			[
				'newer schema',
				JSON.stringify({ ...good, schemaVersion: SCHEMA_VERSION + 1 }),
				/newer version/
			],
			[
				'payload swapped, checksum wrong',
				JSON.stringify({ ...good, state: { ...good.state, data: toBase64(tampered) } }),
				/checksum/
			],
			[
				'payload cut, checksum recomputed',
				JSON.stringify({
					...good,
					state: {
						encoding: 'base64',
						bytes: tampered.length,
						crc32: crc32(tampered),
						data: toBase64(tampered)
					}
				}),
				/damaged|incomplete/
			],
			[
				'newer document inside an older envelope',
				JSON.stringify({
					...good,
					state: {
						encoding: 'base64',
						bytes: newerBytes.length,
						crc32: crc32(newerBytes),
						data: toBase64(newerBytes)
					}
				}),
				/newer version/
			],
			['not JSON', 'hello', /not a Village backup/],
			['empty', '', /empty/]
		];
		for (const [label, text, message] of cases) {
			const result = await previewRestore(bytesOf(text), 'x.json');
			expect(result.ok, label).toBe(false);
			if (!result.ok) expect(result.message, label).toMatch(message);
			expect(snapshot(), label).toBe(before);
		}
	});

	it('a fuzzed backup (bytes flipped, cut, payload swapped) never changes the workbook', async () => {
		const source = await fullWorkbook();
		const text = makeBackup(source).text;
		const target = await fullWorkbook();
		const before = Y.encodeStateVector(target.doc);
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(
					fc
						.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) })
						.map(({ at, byte }) => {
							const b = bytesOf(text);
							b[at % b.length] = byte;
							return b;
						}),
					fc.nat().map((n) => bytesOf(text.slice(0, n % text.length))),
					fc.uint8Array({ maxLength: 300 }).map((payload) => {
						const env = JSON.parse(text);
						env.state = {
							encoding: 'base64',
							bytes: payload.length,
							crc32: crc32(payload),
							data: toBase64(payload)
						};
						return bytesOf(JSON.stringify(env));
					})
				),
				async (bytes) => {
					const result = await previewRestore(bytes, 'fuzz.json');
					// A flip inside the readable part may leave the backup valid; it is only a preview.
					expect(typeof result.ok).toBe('boolean');
					expect(Y.encodeStateVector(target.doc)).toEqual(before);
				}
			),
			{ numRuns: 150 }
		);
	});

	it('any backup this build writes restores to an equal document', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(
					fc.record({ name: fc.string({ minLength: 1 }), notes: fc.string(), org: fc.string() }),
					{
						maxLength: 8
					}
				),
				fc.string(),
				async (people, goal) => {
					const s = await openSession();
					s.write((doc) => {
						for (const p of people) insertRecord(doc, contactSpec, p);
						writeText(doc, 'goal.statement', goal);
					});
					const file = makeBackup(s);
					const fresh = await openSession();
					const preview = await previewRestore(bytesOf(file.text), file.name);
					if (!preview.ok) throw new Error(preview.message);
					mergeBackup(fresh, preview.preview);
					expect(workbookSnapshot(fresh.doc)).toEqual(workbookSnapshot(s.doc));
				}
			),
			{ numRuns: 40 }
		);
	});

	it('nudges when there has never been a backup or the last is over 30 days old', () => {
		const now = new Date('2026-12-04T12:00:00Z');
		expect(backupIsDue(now, null)).toBe(true);
		expect(backupIsDue(now, '2026-11-20T12:00:00Z')).toBe(false);
		expect(backupIsDue(now, '2026-10-01T12:00:00Z')).toBe(true);
	});
});

describe('contacts import', () => {
	it('previews new, duplicate and error rows, commits in one step, and one undo takes it back', async () => {
		const session = await openSession();
		session.write((doc) => {
			insertRecord(doc, contactSpec, { name: 'Someone', emails: ['jonas.lindqvist@example.com'] });
			insertRecord(doc, contactSpec, { name: 'Priya Raman', org: 'Contoso Health' });
		});
		const preview = await previewImport(
			session,
			fixture('csv/linkedin-Connections.csv'),
			'Connections.csv'
		);
		expect(preview.statuses.map((s) => s.kind)).toEqual([
			'new',
			'duplicate',
			'duplicate',
			'new',
			'new'
		]);
		const outcome = await commitImport(session, preview, {
			include: new Set([0, 1, 2, 3, 4]),
			duplicates: 'merge'
		});
		expect(outcome).toEqual({ added: 3, merged: 2, skipped: 0 });
		const names = () =>
			listRecords(session.doc, contactSpec)
				.map((c) => c.name)
				.sort();
		expect(names()).toEqual([
			'Amara Okafor',
			'Mateo García Núñez',
			'Priya Raman',
			'Someone',
			'Wei Zhang'
		]);
		const priya = listRecords(session.doc, contactSpec).find((c) => c.name === 'Priya Raman')!;
		expect(priya.links).toEqual(['https://www.linkedin.com/in/priya-raman-ux']);
		expect(priya.title).toBe('Director, Product Design');
		session.undo();
		expect(names()).toEqual(['Priya Raman', 'Someone']);
		expect(
			listRecords(session.doc, contactSpec).find((c) => c.name === 'Priya Raman')!.links
		).toEqual([]);
	});

	it('skips duplicates when asked, and brings a file listing someone twice in once', async () => {
		const session = await openSession();
		const vcf =
			'BEGIN:VCARD\r\nFN:Ann\r\nEMAIL:ann@x.example\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Ann B\r\nEMAIL:ANN@x.example\r\nEND:VCARD\r\n';
		const preview = await previewImport(session, bytesOf(vcf), 'a.vcf');
		expect(preview.statuses.map((s) => s.kind)).toEqual(['new', 'duplicate']);
		await commitImport(session, preview, { include: new Set([0, 1]), duplicates: 'skip' });
		expect(listRecords(session.doc, contactSpec).map((c) => c.name)).toEqual(['Ann']);
	});

	it('arbitrary bytes never throw and never change the workbook', async () => {
		const session = await fullWorkbook();
		const before = Y.encodeStateVector(session.doc);
		await fc.assert(
			fc.asyncProperty(
				fc.uint8Array({ maxLength: 2000 }),
				fc.constantFrom('a.vcf', 'a.csv', 'a.bin'),
				async (bytes, name) => {
					const preview = await previewImport(session, bytes, name);
					expect(Array.isArray(preview.drafts)).toBe(true);
					expect(Y.encodeStateVector(session.doc)).toEqual(before);
				}
			),
			{ numRuns: 300 }
		);
		// Text that looks almost right, too.
		await fc.assert(
			fc.asyncProperty(
				fc.array(
					fc.constantFrom(
						'BEGIN:VCARD',
						'END:VCARD',
						'FN:',
						'N:;;',
						'EMAIL:',
						' ',
						'=',
						'"',
						',',
						'\r\n',
						'\n',
						'ENCODING=QUOTED-PRINTABLE',
						';',
						':',
						'é',
						'First Name',
						'Name'
					)
				),
				async (parts) => {
					await previewImport(session, bytesOf(parts.join('')), 'x');
					expect(Y.encodeStateVector(session.doc)).toEqual(before);
				}
			),
			{ numRuns: 300 }
		);
	});
});
