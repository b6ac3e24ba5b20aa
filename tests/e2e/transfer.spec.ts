/**
 * Files in and out, as a person does it: import each kind of contacts file through the screen
 * (preview, commit, undo), back up and restore into an empty browser profile, download the
 * calendar and vCard files, and hostile files that leave the workbook as it was.
 */
import { expect, test, type Download, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import {
	actionSpec,
	contactSpec,
	insertRecord,
	metaMap,
	SCHEMA_VERSION,
	slotSpec,
	writeText
} from '../../src/lib/doc/index';
import { snapshotCounts, workbookSnapshot } from '../../src/lib/doc/snapshot';
import { writeBackup } from '../../src/lib/io/backup';
import { BASE_URL, checkA11y, repoRoot, shoot } from './support';
import { watchPolicies, type PolicyWatch } from './support/security';

// Importing, restoring and exporting run under the Content-Security-Policy (the worker, the
// downloads): any violation fails the test.
let watch: PolicyWatch;
test.beforeEach(async ({ context }) => {
	watch = await watchPolicies(context);
});
test.afterEach(() => {
	expect(watch.problems()).toEqual([]);
});

const FIXTURES = path.join(repoRoot, '../shared/fixtures');

async function openTransfer(page: Page) {
	await page.goto('/transfer');
	await expect(page.getByRole('heading', { name: 'Import and export', level: 1 })).toBeVisible();
}

async function chooseContacts(page: Page, file: string | { name: string; buffer: Buffer }) {
	await page
		.getByLabel('Choose a contacts file')
		.setInputFiles(
			typeof file === 'string'
				? path.join(FIXTURES, file)
				: { name: file.name, mimeType: 'application/octet-stream', buffer: file.buffer }
		);
}

async function downloaded(download: Download): Promise<string> {
	return readFileSync((await download.path())!, 'utf8');
}

/** A backup made with the app's own code: two people, a weekly slot, a dated action, a goal. */
function seededBackup(): string {
	const doc = new Y.Doc();
	doc.transact(() => {
		metaMap(doc).set('schemaVersion', SCHEMA_VERSION);
		metaMap(doc).set('createdAt', '2026-01-05T09:00:00.000Z');
		insertRecord(doc, contactSpec, {
			name: 'Amara Okafor',
			org: 'Northwind',
			emails: ['amara@northwind.example'],
			roles: ['mentors'],
			notes: 'Met at the meetup',
			followUpOn: '2030-01-07'
		});
		insertRecord(doc, contactSpec, { name: 'Jonas Lindqvist', org: 'Fabrikam' });
		insertRecord(doc, slotSpec, { weekday: 2, start: '08:30', minutes: 45, kind: 'coffee' });
		insertRecord(doc, actionSpec, {
			text: 'Join the product guild',
			horizon: 30,
			due: '2030-02-01'
		});
		writeText(doc, 'goal.statement', 'Lead a product team in health care');
	});
	const snapshot = workbookSnapshot(doc);
	return writeBackup({
		state: Y.encodeStateAsUpdate(doc),
		data: snapshot,
		schemaVersion: SCHEMA_VERSION,
		counts: snapshotCounts(snapshot),
		exportedAt: '2026-11-30T10:00:00.000Z'
	});
}

async function restore(page: Page, name: string, text: string) {
	await page
		.getByLabel('Restore a backup')
		.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('each kind of contacts file: preview, bring in, undo', async ({ page }) => {
	await openTransfer(page);
	// Google's Amara duplicates LinkedIn's (same name and organisation); Erika's cards are one.
	const files: [string, string[], number, string][] = [
		['csv/linkedin-Connections.csv', ['Amara Okafor', 'Jonas Lindqvist'], 5, '5 new people added.'],
		[
			'csv/google-contacts.csv',
			['Amara Okafor', 'Dr. Jürgen Weiß', 'Lena'],
			3,
			'2 new people added, 1 existing contact updated.'
		],
		['vcard/node-vcf_multiple.vcf', ['Dr. Erika Mustermann'], 3, '1 new person added.'],
		['vcard/aosp_v21_multiple_entry.vcf', ['安藤ロイド3'], 3, '3 new people added.']
	];
	for (const [file, names, rows, outcome] of files) {
		await chooseContacts(page, file);
		const preview = page.getByTestId('import-preview');
		await expect(
			preview.getByRole('heading', { name: `What ${path.basename(file)} holds` })
		).toBeVisible();
		await expect(preview.locator('tbody tr')).toHaveCount(rows);
		for (const name of names)
			await expect(preview.getByRole('cell', { name, exact: true }).first()).toBeVisible();
		await preview.getByRole('button', { name: /^Bring in \d+ (person|people)$/ }).click();
		await expect(page.getByTestId('import-outcome')).toContainText(
			`From ${path.basename(file)}: ${outcome}`
		);
	}

	await page.getByRole('button', { name: 'Undo this import' }).click();
	await expect(page.getByTestId('import-outcome')).toContainText('Import undone');
	await page.goto('/people');
	await expect(page.getByTestId('people-count')).toHaveText(/8 people/);
	await expect(page.getByRole('link', { name: '安藤ロイド3' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Dr. Erika Mustermann' })).toBeVisible();
});

test('the preview shows duplicates and errors, and skipping duplicates leaves them alone', async ({
	page
}) => {
	await page.goto('/people');
	await page.getByLabel('Add someone').fill('Priya Raman');
	await page.getByLabel('Add someone').press('Enter');
	await expect(page.getByRole('status').getByRole('link', { name: 'Priya Raman' })).toBeVisible();
	await page.getByRole('link', { name: 'Import or export' }).click();
	await expect(page.getByRole('heading', { name: 'Import and export', level: 1 })).toBeVisible();
	await chooseContacts(page, {
		name: 'mixed.vcf',
		buffer: Buffer.from(
			'BEGIN:VCARD\r\nFN:Priya Raman\r\nEND:VCARD\r\nBEGIN:VCARD\r\nTEL:1\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Ola Nordmann\r\nEND:VCARD\r\n'
		)
	});
	const preview = page.getByTestId('import-preview');
	await expect(preview.getByText('1 new person, 1 already in Village, 1 problem.')).toBeVisible();
	await expect(preview.getByText('Already here: Priya Raman')).toBeVisible();
	await expect(preview.getByText(/Line 4:/)).toBeVisible();
	await preview.getByLabel('Leave them as they are').check();
	await expect(preview.getByRole('button', { name: 'Bring in 1 person' })).toBeVisible();
	await checkA11y(page);
	await shoot(page, 'transfer-import-preview');
	await preview.getByRole('button', { name: 'Bring in 1 person' }).click();
	await expect(page.getByTestId('import-outcome')).toContainText('1 new person added.');
	await page.goto('/people');
	await expect(page.getByTestId('people-count')).toHaveText(/2 people/);
});

test('a large file: every row can be reviewed, ticked in bulk, brought in and undone at once', async ({
	page
}) => {
	// Thousands of rows, two accessibility scans and eight screenshots: slow on a busy machine.
	test.slow();
	await openTransfer(page);
	const rows = Array.from(
		{ length: 2500 },
		(_, i) => `Person,Number ${i},Firm ${i % 30},p${i}@example.org`
	);
	await chooseContacts(page, {
		name: 'big.csv',
		buffer: Buffer.from(['First Name,Last Name,Company,E-mail Address', ...rows].join('\r\n'))
	});
	const preview = page.getByTestId('import-preview');
	await expect(preview.getByText('2,500 new people, 0 already in Village.')).toBeVisible();
	const listed = preview.getByRole('checkbox', { name: /^Bring in Person Number/ });
	await expect(listed).toHaveCount(200);
	await expect(preview.getByText('And 2,300 more not listed yet; they come in too.')).toBeVisible();
	await preview.getByRole('button', { name: 'Show 200 more' }).click();
	await expect(listed).toHaveCount(400);
	await expect(preview.getByRole('checkbox', { name: 'Bring in Person Number 399' })).toBeVisible();
	await checkA11y(page);
	await shoot(page, 'transfer-import-large');

	await preview.getByRole('button', { name: 'Untick all' }).click();
	await expect(preview.getByRole('button', { name: 'Bring in 0 people' })).toBeDisabled();
	await preview.getByRole('button', { name: 'Tick all', exact: true }).click();
	await preview.getByRole('checkbox', { name: 'Bring in Person Number 7', exact: true }).uncheck();
	await preview.getByRole('button', { name: 'Bring in 2,499 people' }).click();
	const outcome = page.getByTestId('import-outcome');
	await expect(outcome).toContainText('From big.csv: 2,499 new people added.');
	await expect(page.getByText('2,499 people in your village.')).toBeVisible();

	// Choosing whom to export works with thousands: find by name, then pick.
	await page.getByText('Choose people').click();
	await expect(page.getByText('Showing 200 of 2,499')).toBeVisible();
	await page.getByLabel('Find people').fill('number 1234');
	await page.getByLabel('Person Number 1234').check();
	await expect(page.getByRole('button', { name: 'Download 1 chosen (.vcf)' })).toBeEnabled();
	await checkA11y(page);
	await shoot(page, 'transfer-export-find');

	await outcome.getByRole('button', { name: 'Undo this import' }).click();
	await expect(outcome).toContainText('Import undone');
	await expect(page.getByText('0 people in your village.')).toBeVisible();
});

test('a photo or a spreadsheet without names gets a clear message and changes nothing', async ({
	page
}) => {
	await openTransfer(page);
	await chooseContacts(page, {
		name: 'holiday.jpg',
		buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])
	});
	await expect(page.getByRole('alert')).toHaveText('This file is a photo, not a contacts file.');
	await chooseContacts(page, { name: 'prices.csv', buffer: Buffer.from('Product,Price\nTea,3\n') });
	await expect(page.getByRole('alert')).toContainText(
		'This looks like a spreadsheet without a name column'
	);
	await expect(page.getByRole('button', { name: /^Bring in/ })).toHaveCount(0);
	await page.goto('/people');
	await expect(page.getByRole('heading', { name: 'Who is in your village?' })).toBeVisible();
});

test('back up, then restore into an empty browser profile; Home and Settings know', async ({
	page,
	browser
}) => {
	// Twelve full-page screenshots and three axe runs besides the flow itself.
	test.setTimeout(90_000);
	await page.goto('/people');
	for (const name of ['Ann Lee', 'Bob Stone']) {
		await page.getByLabel('Add someone').fill(name);
		await page.getByLabel('Add someone').press('Enter');
		await expect(page.getByRole('status').getByRole('link', { name })).toBeVisible();
	}
	await expect(page.getByRole('link', { name: 'Import or export' })).toBeVisible();
	await shoot(page, 'transfer-people-header');
	await page.goto('/');
	await expect(page.getByTestId('backup-nudge')).toBeVisible();
	await checkA11y(page);
	await shoot(page, 'transfer-home-nudge');
	await page.goto('/settings');
	await expect(page.getByTestId('settings-last-backup')).toHaveText(
		'No backup made on this device yet.'
	);
	await checkA11y(page);
	await shoot(page, 'transfer-settings');
	await page.getByRole('link', { name: 'Import and export' }).click();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Back up everything' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^village-backup-\d{4}-\d{2}-\d{2}\.json$/);
	const text = await downloaded(download);
	expect(JSON.parse(text)).toMatchObject({ type: 'village-backup', counts: { contacts: 2 } });
	await expect(page.getByTestId('last-backup')).toContainText('Last backup from this device');
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Your village' })).toBeVisible();
	await expect(page.getByTestId('backup-nudge')).toHaveCount(0);

	const empty = await browser.newContext({ baseURL: BASE_URL });
	const other = await empty.newPage();
	await openTransfer(other);
	await restore(other, download.suggestedFilename(), text);
	const preview = other.getByTestId('restore-preview');
	await expect(preview).toContainText('2 people, 0 conversations');
	await checkA11y(other);
	await shoot(other, 'transfer-restore-preview');
	await preview.getByRole('button', { name: 'Merge into this workbook' }).click();
	await expect(
		other.getByRole('status').filter({ hasText: 'Nothing on either side was lost' })
	).toBeVisible();
	await other.goto('/people');
	await expect(other.getByRole('link', { name: 'Ann Lee' })).toBeVisible();
	await expect(other.getByRole('link', { name: 'Bob Stone' })).toBeVisible();
	await empty.close();
});

test('replace asks first, downloads what it replaces, and the calendar and vCard files are right', async ({
	page
}) => {
	await page.goto('/people');
	await page.getByLabel('Add someone').fill('Someone Here');
	await page.getByLabel('Add someone').press('Enter');
	await expect(page.getByRole('status').getByRole('link', { name: 'Someone Here' })).toBeVisible();
	await openTransfer(page);
	await restore(page, 'seed.json', seededBackup());
	await expect(page.getByTestId('restore-preview')).toContainText('2 people');
	await page.getByRole('button', { name: 'Replace this workbook…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Replace this workbook?' });
	await expect(dialog).toBeVisible();
	await checkA11y(page);
	await dialog.getByRole('button', { name: 'Keep what is here' }).click();
	await expect(dialog).toBeHidden();
	await page.getByRole('button', { name: 'Replace this workbook…' }).click();
	const [before] = await Promise.all([
		page.waitForEvent('download'),
		dialog.getByRole('button', { name: 'Replace' }).click()
	]);
	expect(before.suggestedFilename()).toMatch(/-before-restore\.json$/);
	expect(JSON.parse(await downloaded(before)).data.collections.contacts[0].name).toBe(
		'Someone Here'
	);
	await expect(page.getByText(/now holds what seed\.json held/)).toBeVisible();

	const [ics] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download calendar (.ics)' }).click()
	]);
	const calendar = await downloaded(ics);
	expect(calendar).toMatch(/^BEGIN:VCALENDAR\r\n/);
	const comp = new ICAL.Component(ICAL.parse(calendar));
	const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
	const slot = events.find((e) => e.isRecurring())!;
	expect(slot.summary).toBe('Networking: Coffee');
	const it = slot.iterator();
	const first = it.next()!;
	const second = it.next()!;
	expect(first.dayOfWeek()).toBe(ICAL.Time.TUESDAY);
	expect(second.subtractDate(first).toSeconds()).toBe(7 * 86400);
	expect(events.map((e) => e.summary)).toEqual(
		expect.arrayContaining(['Follow up with Amara Okafor', '30-day plan: Join the product guild'])
	);

	const [vcf] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download everyone (.vcf)' }).click()
	]);
	const cards = await downloaded(vcf);
	expect(cards.match(/BEGIN:VCARD/g)).toHaveLength(2);
	expect(cards).toContain('FN:Amara Okafor\r\n');
	expect(cards).toContain('CATEGORIES:Mentors me\r\n');
	await page.getByText('Choose people').click();
	await page.getByLabel(/Jonas Lindqvist/).check();
	const [one] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download 1 chosen (.vcf)' }).click()
	]);
	const single = await downloaded(one);
	expect(single.match(/BEGIN:VCARD/g)).toHaveLength(1);
	expect(single).toContain('FN:Jonas Lindqvist');
	await shoot(page, 'transfer');
});

test('hostile backups leave the workbook unchanged and the page alive', async ({ page }) => {
	await page.goto('/people');
	await page.getByLabel('Add someone').fill('Keep Me');
	await page.getByLabel('Add someone').press('Enter');
	await expect(page.getByRole('status').getByRole('link', { name: 'Keep Me' })).toBeVisible();
	await openTransfer(page);
	const good = JSON.parse(seededBackup());
	const junk = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 131) % 256)).toString(
		'base64'
	);
	const hostile: [string, string, RegExp][] = [
		['cut.json', JSON.stringify(good).slice(0, 300), /incomplete/],
		['other.json', JSON.stringify({ ...good, type: 'something-else' }), /not a Village backup/],
		['newer.json', JSON.stringify({ ...good, schemaVersion: 99 }), /newer version of Village/],
		[
			'tampered.json',
			JSON.stringify({ ...good, state: { ...good.state, data: junk } }),
			/checksum|damaged/
		]
	];
	for (const [name, text, message] of hostile) {
		await restore(page, name, text);
		await expect(page.getByTestId('restore-problem')).toContainText(message);
		await expect(page.getByTestId('restore-problem')).toContainText(name);
		await expect(page.getByTestId('restore-preview')).toHaveCount(0);
	}
	await checkA11y(page);
	await page.goto('/people');
	await expect(page.getByTestId('people-count')).toHaveText(/1 person/);
	await page.getByLabel('Add someone').fill('Still Works');
	await page.getByLabel('Add someone').press('Enter');
	await expect(page.getByRole('status').getByRole('link', { name: 'Still Works' })).toBeVisible();
});
