/**
 * Accountability partner over real WebRTC: every side is its own Chromium (two tabs of one
 * browser would sync over BroadcastChannel and prove nothing), in the loopback-only namespace,
 * with the project's signaling server from global-setup.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { buildWorkbookDoc, seedWorkbook } from '../bench/lib/big-workbook';
import { checkA11y, launchPersistent, shoot, BASE_URL, type PersistentContext } from './support';
import { addAction, checkIn, invite, join, storedDoc } from './support/partner';
import { watchPolicies, type PolicyWatch } from './support/security';

test.setTimeout(90_000);

const open: BrowserContext[] = [];
// Pairing runs under the Content-Security-Policy like everything else: any violation fails it.
const watches: PolicyWatch[] = [];
test.afterEach(async () => {
	const problems = watches.splice(0).flatMap((w) => w.problems());
	await Promise.all(open.splice(0).map((c) => c.close()));
	expect(problems).toEqual([]);
});

async function browser(): Promise<{ context: PersistentContext; page: Page }> {
	const context = await launchPersistent();
	open.push(context);
	watches.push(await watchPolicies(context));
	const page = context.pages()[0] ?? (await context.newPage());
	return { context, page };
}

const status = (page: Page) => page.getByTestId('link-status');

/** Every byte this browser stores for its partnership, as text (Yjs keeps strings as UTF-8). */
function storedSharedSpace(page: Page): Promise<string> {
	return page.evaluate(async () => {
		const names = (await indexedDB.databases())
			.map((d) => d.name ?? '')
			.filter((n) => n.startsWith('village-partner-'));
		let text = '';
		for (const name of names) {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const r = indexedDB.open(name);
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			});
			const rows = await new Promise<Uint8Array[]>((resolve, reject) => {
				const r = db.transaction('updates').objectStore('updates').getAll();
				r.onsuccess = () => resolve(r.result as Uint8Array[]);
				r.onerror = () => reject(r.error);
			});
			for (const row of rows) text += new TextDecoder().decode(row) + '\n';
			db.close();
		}
		return `${names.length} databases\n${text}`;
	});
}

test('invite, join, share a commitment and a check-in; private names never leave', async () => {
	const a = await browser();
	const b = await browser();

	// A has a private network: 40 people whose names must never reach the partner.
	const seedDoc = buildWorkbookDoc({ contacts: 40, conversations: 30 });
	const privateNames: string[] = [];
	seedDoc.getMap('contacts').forEach((c) => {
		const name = c instanceof Y.Map ? c.get('name') : (c as { name: string }).name;
		privateNames.push(String(name instanceof Y.Text ? name.toString() : name));
	});
	expect(privateNames.length).toBe(40);
	await seedWorkbook(a.page, BASE_URL, Y.encodeStateAsUpdate(seedDoc));
	await addAction(a.page, 'Draft the panel talk outline');

	const link = await invite(a.page, 'Alex');
	expect(link).toMatch(/#room=[\w-]+&secret=[\w-]{22,}&signal=ws%3A%2F%2F127\.0\.0\.1%3A4444/);
	await expect(a.page.getByTestId('invite-qr')).toBeVisible();
	await shoot(a.page, 'partner-invite');
	await a.page.getByTestId('invite-qr').screenshot({ path: 'tests/output/screens/partner-qr.png' });
	await checkA11y(a.page);

	await b.page.goto(link);
	await expect(b.page.getByTestId('invited-by')).toHaveText('Alex invited you');
	await shoot(b.page, 'partner-join');
	await checkA11y(b.page);
	await join(b.page, link, 'Sam');

	await expect(status(b.page)).toContainText('Alex is online');
	await expect(status(a.page)).toContainText('Sam is online');
	await expect(b.page.getByTestId('last-synced')).toContainText('Last synced');

	// A shares the action from the Plan step; it shows on B as A's commitment.
	await a.page.goto('/workbook/plan');
	await a.page.getByLabel('Share with partner: Draft the panel talk outline').check();
	await a.page.goto('/partner');
	await expect(b.page.getByTestId('partner-commitments')).toContainText(
		'Draft the panel talk outline'
	);

	await checkIn(a.page, 'Had coffee with two people from the guild', 'Book the venue', 'Slides');
	await expect(b.page.getByTestId('checkins')).toContainText(
		'Had coffee with two people from the guild'
	);

	// B ticks A's commitment; A's own plan follows.
	await b.page.getByLabel('Draft the panel talk outline').check();
	await expect(a.page.getByTestId('my-commitments').getByRole('checkbox')).toBeChecked();
	await a.page.goto('/workbook/plan');
	await expect(
		a.page.getByRole('checkbox', { name: 'Done: Draft the panel talk outline' })
	).toBeChecked();
	await a.page.goto('/partner');

	// B cheers A's check-in; A sees it.
	await b.page.getByRole('button', { name: 'Cheer' }).click();
	await expect(a.page.getByTestId('checkins')).toContainText('Sam cheered this.');
	await shoot(b.page, 'partner-connected');
	await checkA11y(b.page);

	// Home on B shows Alex's latest check-in.
	await b.page.goto('/');
	await expect(b.page.getByTestId('partner-glance')).toContainText('Book the venue');
	await shoot(b.page, 'partner-home');

	// Nothing of A's private network is in B's copy of the shared space.
	const stored = await storedSharedSpace(b.page);
	expect(stored).toContain('1 databases');
	expect(stored).toContain('Draft the panel talk outline');
	for (const name of privateNames) expect(stored).not.toContain(name);
	const storedA = await storedSharedSpace(a.page);
	for (const name of privateNames) expect(storedA).not.toContain(name);
});

/** A and B partnered and both online, with one shared commitment from A. */
async function partnered(commitment = 'Send the quarterly update') {
	const a = await browser();
	const b = await browser();
	await a.page.goto('/');
	await addAction(a.page, commitment);
	const link = await invite(a.page, 'Alex');
	await join(b.page, link, 'Sam');
	await expect(status(a.page)).toContainText('Sam is online');
	await a.page.goto('/workbook/plan');
	await a.page.getByLabel(`Share with partner: ${commitment}`).check();
	await a.page.goto('/partner');
	await expect(b.page.getByTestId('partner-commitments')).toContainText(commitment);
	return { a, b, link };
}

test('both go offline, both edit, both come back: nothing is lost', async () => {
	const { a, b } = await partnered();
	await a.page.getByRole('button', { name: 'Pause syncing' }).click();
	await b.page.getByRole('button', { name: 'Pause syncing' }).click();
	await expect(status(a.page)).toContainText('Paused');
	await checkIn(a.page, 'Alex wrote this offline');
	await checkIn(b.page, 'Sam wrote this offline');
	await b.page.getByLabel('Send the quarterly update').check();
	await expect(b.page.getByTestId('checkins')).not.toContainText('Alex wrote this offline');
	await a.page.getByRole('button', { name: 'Resume syncing' }).click();
	await b.page.getByRole('button', { name: 'Resume syncing' }).click();
	for (const page of [a.page, b.page]) {
		await expect(page.getByTestId('checkins')).toContainText('Alex wrote this offline');
		await expect(page.getByTestId('checkins')).toContainText('Sam wrote this offline');
	}
	await expect(a.page.getByTestId('my-commitments').getByRole('checkbox')).toBeChecked();
});

test('script-looking text in a check-in and a commitment reaches the partner as text and never runs', async () => {
	const hostile =
		'<img src=x onerror="window.__pwned=1"></script><script>window.__pwned=2</script>';
	const { a, b } = await partnered(`Ship it ${hostile}`);
	await checkIn(
		a.page,
		`Did ${hostile}`,
		'javascript:window.__pwned=3',
		'<svg onload="window.__pwned=4">'
	);
	await expect(b.page.getByTestId('checkins')).toContainText(`Did ${hostile}`);
	await expect(b.page.getByTestId('checkins')).toContainText('<svg onload="window.__pwned=4">');
	await expect(b.page.getByTestId('partner-commitments')).toContainText(`Ship it ${hostile}`);
	const pwned = (page: Page) =>
		page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);
	for (const page of [a.page, b.page]) {
		expect(await pwned(page)).toBeNull();
		await expect(page.locator('img[src="x"], svg[onload], a[href^="javascript:"]')).toHaveCount(0);
	}
	// Drawn again from what B stored, it is still only text.
	await b.page.reload();
	await expect(b.page.getByTestId('checkins')).toContainText(`Did ${hostile}`);
	expect(await pwned(b.page)).toBeNull();
	await expect(b.page.locator('img[src="x"], svg[onload]')).toHaveCount(0);
});

test('a wrong secret gets a plain message and no data', async () => {
	const { link } = await partnered('Call the recruiter back');
	const wrong = link.replace(/secret=[\w-]+/, 'secret=' + 'x'.repeat(26));
	const c = await browser();
	const errors: string[] = [];
	c.page.on('pageerror', (e) => errors.push(e.message));
	await join(c.page, wrong, 'Mallory');
	await expect(c.page.getByTestId('wrong-secret')).toContainText('secrets do not match');
	await expect(c.page.getByText('Nothing shared yet.').first()).toBeVisible();
	expect(await storedSharedSpace(c.page)).not.toContain('Call the recruiter back');
	expect(errors.filter((e) => /OperationError/.test(e))).toEqual([]);
});

test('after revoke the old link receives nothing new', async () => {
	const { a, b } = await partnered('Prepare the mentoring circle');
	await a.page.getByRole('button', { name: 'Revoke the link' }).click();
	await a.page.getByRole('button', { name: 'Yes, revoke the old link' }).click();
	await expect(a.page.getByText('the old link no longer receives anything new')).toBeVisible();
	const newLink = await a.page.getByTestId('invite-link').inputValue();
	await checkIn(a.page, 'Written after the revoke');
	await expect(status(b.page)).toContainText('offline');
	// Someone with the new link does get it: so it was sent, and B did not receive it.
	const d = await browser();
	await join(d.page, newLink, 'Robin');
	await expect(d.page.getByTestId('checkins')).toContainText('Written after the revoke');
	await expect(b.page.getByTestId('checkins')).not.toContainText('Written after the revoke');
	expect(await storedSharedSpace(b.page)).not.toContain('Written after the revoke');
});

test('sync by file round-trips, and a wrong file changes nothing', async () => {
	const { a, b } = await partnered('Write to the alumni group');
	await a.page.getByRole('button', { name: 'Pause syncing' }).click();
	await b.page.getByRole('button', { name: 'Pause syncing' }).click();
	await checkIn(a.page, 'Sent by file, not by network');

	const download = a.page.waitForEvent('download');
	await a.page.getByRole('button', { name: 'Save a sync file' }).click();
	const file = await (await download).path();
	await b.page.getByLabel('Open a sync file…').setInputFiles(file);
	await expect(b.page.getByTestId('sync-file-message')).toContainText('merged');
	await expect(b.page.getByTestId('checkins')).toContainText('Sent by file, not by network');

	await b.page.getByLabel('Open a sync file…').setInputFiles({
		name: 'contacts.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('name,email\nAda,ada@example.com\n')
	});
	await expect(b.page.getByTestId('sync-file-message')).toContainText(
		'contacts.csv: This is not a Village sync file'
	);
	const bytes = readFileSync(file);
	bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 0xff;
	await b.page.getByLabel('Open a sync file…').setInputFiles({
		name: 'damaged.villagesync',
		mimeType: 'application/octet-stream',
		buffer: bytes
	});
	await expect(b.page.getByTestId('sync-file-message')).toContainText(
		'damaged.villagesync: This sync file could not be unlocked'
	);
	await shoot(b.page, 'partner-sync-file');
});

test('a standard y-webrtc client in Node joins from the invite link and reads the commitments', async () => {
	const { link } = await partnered('Ask for the sponsor conversation');
	const { execFile } = await import('node:child_process');
	const output = await new Promise<string>((resolve, reject) =>
		execFile(
			process.execPath,
			['tests/e2e/support/node-peer.js', link, 'Ask for the sponsor conversation'],
			{ timeout: 45_000 },
			(error, stdout, stderr) =>
				error ? reject(new Error(stderr || error.message)) : resolve(stdout)
		)
	);
	expect(JSON.parse(output)).toEqual(['Ask for the sponsor conversation']);
});

test('a 1 MB workbook syncs completely to another device on first connect', async () => {
	const seedDoc = buildWorkbookDoc({
		contacts: 2000,
		conversations: 6000,
		ties: 500,
		answers: true
	});
	const update = Y.encodeStateAsUpdate(seedDoc);
	expect(update.byteLength).toBeGreaterThan(1_000_000);
	const a = await browser();
	const b = await browser();
	await seedWorkbook(a.page, BASE_URL, update);
	await a.page.goto('/settings');
	await a.page.getByRole('button', { name: 'Link another device' }).click();
	const link = await a.page.getByTestId('invite-link').inputValue();
	expect(link).toMatch(/\/device#room=[\w-]+&secret=[\w-]{22,}&signal=/);
	await shoot(a.page, 'device-settings');
	await checkA11y(a.page);

	await b.page.goto(link);
	await shoot(b.page, 'device-join');
	await checkA11y(b.page);
	await b.page.getByRole('button', { name: 'Link this device' }).click();
	await expect(status(b.page)).toContainText('your other device is online');
	await expect(status(a.page)).toContainText('your other device is online');

	const stored = () => storedDoc(b.page, 'village-workbook');
	await expect
		.poll(async () => (await stored()).getMap('conversations').size, { timeout: 30_000 })
		.toBe(6000);
	const copy = await stored();
	expect(copy.getMap('contacts').size).toBe(2000);
	expect(copy.getMap('ties').size).toBe(seedDoc.getMap('ties').size);
	// Everything A has, B has (B may have its own few bytes more, e.g. its schema version).
	const missing = Y.encodeStateAsUpdate(seedDoc, Y.encodeStateVector(copy));
	expect(Y.decodeUpdate(missing).structs.length).toBe(0);
	await b.page.goto('/people');
	await expect(b.page.getByRole('heading', { level: 1 })).toBeVisible();
});
