import { describe, expect, it } from 'vitest';
import { MemoryPersistence } from '../../../src/lib/adapters/persistence/memory';
import { People } from '../../../src/lib/state/people.svelte';
import { WorkbookSession } from '../../../src/lib/state/session.svelte';
import { ImportContactsState, ROWS_PAGE } from '../../../src/lib/state/transfer/import.svelte';

async function openImport() {
	const session = await new WorkbookSession({
		persistence: new MemoryPersistence(),
		connectTabs: null,
		whenIdle: () => {}
	}).open();
	return { session, people: new People(session), importer: new ImportContactsState(session) };
}

const vcards = (n: number, email = (i: number) => `p${i}@example.org`) =>
	new TextEncoder().encode(
		Array.from(
			{ length: n },
			(_, i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i}\r\nEMAIL:${email(i)}\r\nEND:VCARD\r\n`
		).join('')
	);

describe('ImportContactsState: the Bring in contacts screen', () => {
	it('reads a file with progress, lists a page of rows, and shows more on request', async () => {
		const { importer } = await openImport();
		const reading = importer.read('big.vcf', vcards(450));
		expect(importer.reading).toBe('big.vcf');
		expect(importer.canChoose).toBe(false);
		await reading;
		expect(importer.reading).toBeNull();
		expect(importer.progress).toBe(1);
		expect(importer.counts).toEqual({ new: 450, duplicate: 0 });
		expect(importer.chosen).toBe(450);
		expect(importer.rows).toHaveLength(ROWS_PAGE);
		expect(importer.hiddenRows).toBe(450 - ROWS_PAGE);
		importer.showMore();
		importer.showMore();
		expect(importer.rows).toHaveLength(450);
		expect(importer.hiddenRows).toBe(0);
	});

	it('counts what will come in as rows are ticked, and duplicates only when merging', async () => {
		const { importer, people } = await openImport();
		people.addContact('Someone');
		const id = people.contacts.all[0]!.id;
		people.updateContact(id, { emails: ['p1@example.org'] });
		await importer.read('a.vcf', vcards(3));
		expect(importer.counts).toEqual({ new: 2, duplicate: 1 });
		expect(importer.rows[1]!.status).toEqual({ kind: 'duplicate', of: id, why: 'email' });
		expect(importer.existingName(id)).toBe('Someone');
		expect(importer.chosen).toBe(3);
		importer.duplicates = 'skip';
		expect(importer.chosen).toBe(2);
		importer.toggle(0);
		expect(importer.chosen).toBe(1);
		importer.chooseAll(false);
		expect(importer.chosen).toBe(0);
		importer.chooseAll(true);
		expect(importer.chosen).toBe(2);
	});

	it('brings the chosen people in with progress, and one undo takes them all back', async () => {
		const { importer, people } = await openImport();
		await importer.read('a.vcf', vcards(300));
		importer.toggle(5);
		const run = importer.bringIn();
		expect(importer.bringing).toBe(true);
		expect(importer.canChoose).toBe(false);
		await run;
		expect(importer.bringing).toBe(false);
		expect(importer.progress).toBe(1);
		expect(importer.outcome).toEqual({ added: 299, merged: 0, skipped: 1, fileName: 'a.vcf' });
		expect(importer.preview).toBeNull();
		expect(people.contacts.all).toHaveLength(299);
		expect(importer.canUndo).toBe(true);
		importer.undo();
		expect(importer.undone).toBe(true);
		expect(people.contacts.all).toHaveLength(0);
	});

	it('says why a file holds nothing to bring in, and changes nothing', async () => {
		const { importer, people } = await openImport();
		await importer.read('photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
		expect(importer.preview?.drafts).toEqual([]);
		expect(importer.preview?.errors[0]?.message).toMatch(/photo/i);
		expect(importer.chosen).toBe(0);
		expect(people.contacts.all).toHaveLength(0);
	});
});
