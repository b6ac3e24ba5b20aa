/**
 * Partners and devices that are never online at the same time, through the project's relay
 * (src/server/relay.js, started here on a free loopback port with its own data folder and no
 * Redis). Every side is its own Chromium; the side that opens later gets a link whose signaling
 * server does not answer, so the relay is its only path.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { deriveRelayKeys, seal } from '../../src/lib/adapters/sync/relay-crypto';
import { startRelayServer } from '../../src/server/relay.js';
import { buildWorkbookDoc, seedWorkbook } from '../bench/lib/big-workbook';
import { appendToMailbox, hostileEntries } from '../unit/support/mailbox';
import { checkA11y, launchPersistent, shoot, BASE_URL, type PersistentContext } from './support';
import { addAction, checkIn, invite, join, storedDoc } from './support/partner';
import { watchPolicies, type PolicyWatch } from './support/security';

test.setTimeout(120_000);

type Relay = Awaited<ReturnType<typeof startRelayServer>>;
let relay: Relay;
let dataDir: string;
const open: BrowserContext[] = [];
// Relay sync runs under the Content-Security-Policy like everything else: any violation fails it.
const watches: PolicyWatch[] = [];

test.beforeEach(async () => {
	dataDir = mkdtempSync(path.join(tmpdir(), 'village-relay-e2e-'));
	relay = await startRelayServer({ host: '127.0.0.1', port: 0, dataDir, redisUrl: null });
});

test.afterEach(async () => {
	const problems = watches.splice(0).flatMap((w) => w.problems());
	await Promise.all(open.splice(0).map((c) => c.close()));
	await relay.close();
	rmSync(dataDir, { recursive: true, force: true });
	expect(problems).toEqual([]);
});

async function browser(profileDir?: string): Promise<{ context: PersistentContext; page: Page }> {
	const context = await launchPersistent(profileDir);
	open.push(context);
	watches.push(await watchPolicies(context));
	const page = context.pages()[0] ?? (await context.newPage());
	return { context, page };
}

async function closeBrowser(context: BrowserContext) {
	open.splice(open.indexOf(context), 1);
	await context.close();
}

const relayStatus = (page: Page) => page.getByTestId('relay-status');

/** The same link with a signaling server nobody answers on: no P2P path, only the relay. */
function withoutP2P(link: string): string {
	const [page, fragment] = link.split('#') as [string, string];
	const params = new URLSearchParams(fragment);
	params.set('signal', 'ws://127.0.0.1:9');
	return `${page}#${params.toString()}`;
}

async function addRelay(page: Page, url: string) {
	await page.goto('/settings');
	await page.getByLabel('Relay address').fill(url);
	await page.getByRole('button', { name: 'Add relay' }).click();
	await expect(page.getByTestId('relay-list')).toContainText(url);
}

/** Every byte the relay keeps on disk, as text (Yjs stores strings as UTF-8). */
function storedOnRelay(): { files: number; text: string } {
	const files = readdirSync(dataDir).filter((f) => f.endsWith('.ystate'));
	return {
		files: files.length,
		text: files.map((f) => readFileSync(path.join(dataDir, f)).toString('utf8')).join('\n')
	};
}

test('A checks in and closes; B opens later and gets it from the relay; B cheers; A reopens and sees it', async () => {
	const alex = 'Alexandra Quillfeather';
	const sam = 'Samuel Okonkwo-Berg';
	const commitment = 'Ask Priya for an intro to the robotics guild';
	const did = 'Met three founders at the harbour meetup';
	const next = 'Draft the mentoring circle proposal';
	const stuck = 'Finding a venue that fits forty people';

	const a = await browser();
	await addRelay(a.page, relay.url);
	await shoot(a.page, 'settings-relay');
	await checkA11y(a.page);
	await addAction(a.page, commitment);
	const link = await invite(a.page, alex);
	expect(link).toContain(`relay=${encodeURIComponent(relay.url)}`);
	await a.page.goto('/workbook/plan');
	await a.page.getByLabel(`Share with partner: ${commitment}`).check();
	await a.page.goto('/partner');
	await expect(relayStatus(a.page)).toContainText('Relay reachable');
	await checkIn(a.page, did, next, stuck);
	await expect(relayStatus(a.page)).toContainText('everything is sent');
	await shoot(a.page, 'partner-relay');
	await checkA11y(a.page);
	const aProfile = a.context.profileDir;
	await closeBrowser(a.context);

	// B opens the link later, while A is gone, and with no way to reach A directly.
	const b = await browser();
	await b.page.goto(withoutP2P(link));
	await expect(b.page.getByTestId('relay-note')).toContainText(relay.url);
	await shoot(b.page, 'partner-join-relay', { widths: [360], schemes: ['light', 'dark'] });
	await checkA11y(b.page);
	await join(b.page, withoutP2P(link), sam);
	await expect(b.page.getByTestId('checkins')).toContainText(did);
	await expect(b.page.getByTestId('checkins')).toContainText(stuck);
	await expect(b.page.getByTestId('partner-commitments')).toContainText(commitment);
	await expect(b.page.getByTestId('link-status')).not.toContainText('is online');
	await expect(relayStatus(b.page)).toContainText('Relay reachable');
	await expect(b.page.getByTestId('last-synced')).toContainText('Last synced');
	await b.page.getByRole('button', { name: 'Cheer' }).click();
	await expect(b.page.getByTestId('checkins')).toContainText(`You cheered this.`);
	await expect(relayStatus(b.page)).toContainText('everything is sent');
	await closeBrowser(b.context);

	// A comes back: the cheer waited in the relay.
	const a2 = await browser(aProfile);
	await a2.page.goto('/partner');
	await expect(a2.page.getByTestId('checkins')).toContainText(`${sam} cheered this.`);

	// The relay keeps only ciphertext: none of what either person typed is in its files.
	await closeBrowser(a2.context);
	await relay.close();
	const stored = storedOnRelay();
	expect(stored.files).toBe(1);
	expect(stored.text.length).toBeGreaterThan(200);
	for (const typed of [alex, sam, commitment, did, next, stuck])
		expect(stored.text).not.toContain(typed);
});

test('a 1 MB workbook reaches another device through the relay', async () => {
	const seedDoc = buildWorkbookDoc({
		contacts: 1400,
		ties: 700,
		conversations: 1400,
		answers: true
	});
	const update = Y.encodeStateAsUpdate(seedDoc);
	expect(update.byteLength).toBeGreaterThan(1_000_000);
	const names: string[] = [];
	seedDoc.getMap('contacts').forEach((c) => {
		const name = c instanceof Y.Map ? c.get('name') : (c as { name: string }).name;
		names.push(String(name instanceof Y.Text ? name.toString() : name));
	});

	const a = await browser();
	await seedWorkbook(a.page, BASE_URL, update);
	await addRelay(a.page, relay.url);
	await a.page.getByRole('button', { name: 'Link another device' }).click();
	const link = await a.page.getByTestId('invite-link').inputValue();
	expect(link).toContain(`relay=${encodeURIComponent(relay.url)}`);
	await expect(relayStatus(a.page)).toContainText('everything is sent', { timeout: 60_000 });
	await shoot(a.page, 'settings-device-relay');
	await checkA11y(a.page);
	await closeBrowser(a.context);

	const b = await browser();
	await b.page.goto(withoutP2P(link));
	await expect(b.page.getByTestId('relay-note')).toContainText(relay.url);
	await b.page.getByRole('button', { name: 'Link this device' }).click();
	await expect(relayStatus(b.page)).toContainText('Relay reachable');
	const stored = () => storedDoc(b.page, 'village-workbook');
	await expect
		.poll(async () => (await stored()).getMap('conversations').size, { timeout: 60_000 })
		.toBe(1400);
	const copy = await stored();
	expect(copy.getMap('contacts').size).toBe(1400);
	const missing = Y.encodeStateAsUpdate(seedDoc, Y.encodeStateVector(copy));
	expect(Y.decodeUpdate(missing).structs.length).toBe(0);
	await b.page.goto('/people');
	await expect(b.page.getByTestId('people-count')).toContainText('1,400');

	await closeBrowser(b.context);
	await relay.close();
	const onRelay = storedOnRelay();
	expect(onRelay.files).toBe(1);
	for (const name of names.slice(0, 200)) expect(onRelay.text).not.toContain(name);
});

test('tampered, truncated, foreign and crafted entries change nothing, and the page keeps working', async () => {
	const a = await browser();
	await addRelay(a.page, relay.url);
	const link = await invite(a.page, 'Alex');
	await checkIn(a.page, 'Booked the venue for the panel');
	await expect(relayStatus(a.page)).toContainText('everything is sent');

	// Someone with write access to the mailbox (the relay's operator, or a client that found its
	// name) appends junk: a tampered copy of an entry sealed with the space's key, a cut-off one,
	// one sealed with another key, a malformed update in a valid seal, and not an entry at all.
	const secret = new URLSearchParams(link.split('#')[1]).get('secret')!;
	const keys = await deriveRelayKeys(secret);
	const sealedDoc = new Y.Doc();
	sealedDoc.getMap('not-a-partner-field').set('x', 'sealed but harmless');
	const sealedUpdate = await seal(keys, Y.encodeStateAsUpdate(sealedDoc), 7);
	await appendToMailbox(relay.url, keys.mailbox, await hostileEntries(keys, sealedUpdate));

	const skipped = a.page.getByTestId('relay-skipped');
	await expect(skipped).toContainText('Skipped 5 entries');
	await expect(skipped).toContainText('1 tampered with');
	await expect(skipped).toContainText('1 cut off');
	await expect(skipped).toContainText('1 from another partnership');
	await expect(skipped).toContainText('1 not a change Village can take');
	await expect(a.page.getByTestId('checkins').locator('.checkin')).toHaveCount(1);
	await shoot(a.page, 'partner-relay-skipped', { widths: [360], schemes: ['light'] });
	await checkA11y(a.page);

	// The page is alive and the shared space works as before, also after a reload.
	await checkIn(a.page, 'Sent the follow-up notes');
	await expect(relayStatus(a.page)).toContainText('everything is sent');
	await a.page.reload();
	await expect(a.page.getByTestId('relay-skipped')).toContainText('Skipped 5 entries');
	await expect(a.page.getByTestId('checkins').locator('.checkin')).toHaveCount(2);
});

test('the relay setting refuses an address that is not a WebSocket one, and a link with one', async () => {
	const a = await browser();
	await a.page.goto('/settings');
	await expect(a.page.getByTestId('relay-none')).toBeVisible();
	const field = a.page.getByLabel('Relay address');
	await field.fill('https://relay.example.org');
	await field.press('Enter');
	await expect(a.page.getByRole('alert')).toContainText(
		'The relay “https://relay.example.org” must start with ws:// or wss://'
	);
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await shoot(a.page, 'settings-relay-error', { widths: [360], schemes: ['dark'] });
	// By keyboard: type a good one, add it with Enter, remove it with the keyboard.
	await field.fill(relay.url);
	await field.press('Enter');
	await expect(a.page.getByTestId('relay-list')).toContainText(relay.url);
	await a.page.getByRole('button', { name: `Remove ${relay.url}` }).focus();
	await a.page.keyboard.press('Enter');
	await expect(a.page.getByTestId('relay-none')).toBeVisible();

	const link = await invite(a.page, 'Alex');
	await a.page.goto(`${link}&relay=${encodeURIComponent('http://127.0.0.1:1/x')}`);
	await expect(a.page.getByTestId('link-problem')).toContainText(
		'The relay “http://127.0.0.1:1/x” must start with ws:// or wss://'
	);
	// No relay was named: none was contacted.
	expect(relay.connections()).toBe(0);
});
