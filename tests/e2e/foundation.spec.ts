/**
 * The foundation as a person meets it: what they type is kept (reload, browser killed, two tabs,
 * offline), a newer workbook is never overwritten, undo touches only their own edits, the app
 * installs and updates politely, and Home, Goal and Settings pass axe.
 */
import { cpSync, mkdtempSync, readFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import * as Y from 'yjs';
import {
	checkA11y,
	launchPersistent,
	repoRoot,
	shoot,
	startApp,
	waitForSaved,
	waitForServiceWorker
} from './support';

const GOAL = 'Lead a product team in climate tech, known for turning research into launches.';

async function openGoal(page: Page, base = '') {
	await page.goto(`${base}/workbook/goal`);
	await expect(page.getByRole('heading', { name: 'Start with your career goal' })).toBeVisible();
}

const goalBox = (page: Page) => page.getByLabel(/Where do you want to be/);

/** The update rows y-indexeddb keeps for the workbook, read straight from IndexedDB. */
async function storedRows(page: Page): Promise<number[][]> {
	return page.evaluate(
		() =>
			new Promise<number[][]>((resolve, reject) => {
				const req = indexedDB.open('village-workbook');
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const db = req.result;
					const all = db.transaction('updates').objectStore('updates').getAll();
					all.onsuccess = () => {
						const rows = all.result as Uint8Array[];
						db.close();
						resolve(rows.map((r) => Array.from(r)));
					};
				};
			})
	);
}

test('a goal typed in is saved on this device and is there after a reload', async () => {
	const browser = await launchPersistent();
	const page = await browser.newPage();
	await openGoal(page);
	await goalBox(page).fill(GOAL);
	await page.getByLabel('Milestone 1').fill('Run the pricing launch end to end');
	await waitForSaved(page);
	await page.reload();
	await expect(goalBox(page)).toHaveValue(GOAL);
	await expect(page.getByLabel('Milestone 1')).toHaveValue('Run the pricing launch end to end');
	// The horizon became a real answer, three years out by default.
	const expected = new Date();
	await expect(page.getByLabel('By when?')).toHaveValue(
		new RegExp(`^${expected.getFullYear() + 3}-`)
	);
	// Home now shows progress instead of the welcome.
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Your village' })).toBeVisible();
	await expect(page.getByText(GOAL)).toBeVisible();
	await browser.close();
});

test('what was typed survives the browser being closed straight away', async () => {
	const first = await launchPersistent();
	const page = await first.newPage();
	await openGoal(page);
	await goalBox(page).pressSequentially('Closed without waiting', { delay: 5 });
	// No wait for "Saved": the browser goes away right after the last keystroke.
	await first.close();

	const again = await launchPersistent(first.profileDir);
	const reopened = await again.newPage();
	await openGoal(reopened);
	await expect(goalBox(reopened)).toHaveValue('Closed without waiting');
	await again.close();
});

test('two tabs typing at once converge and lose nothing', async () => {
	const browser = await launchPersistent();
	const a = await browser.newPage();
	const b = await browser.newPage();
	await openGoal(a);
	await openGoal(b);
	await goalBox(a).fill('Lead a team.');
	await expect(goalBox(b)).toHaveValue('Lead a team.');

	// Both type into the same answer at once: A at the start, B at the end.
	await goalBox(a).focus();
	await a.keyboard.press('Control+Home');
	await goalBox(b).focus();
	await b.keyboard.press('Control+End');
	await Promise.all([
		a.keyboard.type('In 2029: ', { delay: 15 }),
		b.keyboard.type(' In climate tech.', { delay: 15 })
	]);
	// And into different answers at once.
	await Promise.all([
		a.getByLabel('Milestone 1').fill('Ship pricing'),
		b.getByLabel('Milestone 2').fill('Hire two designers')
	]);
	const expected = 'In 2029: Lead a team. In climate tech.';
	await expect(goalBox(a)).toHaveValue(expected);
	await expect(goalBox(b)).toHaveValue(expected);
	await expect(b.getByLabel('Milestone 1')).toHaveValue('Ship pricing');
	await expect(a.getByLabel('Milestone 2')).toHaveValue('Hire two designers');

	// And after a reload everything is stored.
	await waitForSaved(a);
	await waitForSaved(b);
	await a.reload();
	await expect(goalBox(a)).toHaveValue(expected);
	await browser.close();
});

test('offline with the server stopped: reload and a cold deep link still work', async () => {
	const app = await startApp();
	const browser = await launchPersistent(undefined, { baseURL: app.url });
	try {
		const page = await browser.newPage();
		await page.goto('/');
		await waitForServiceWorker(page);
		await openGoal(page);
		await goalBox(page).fill('Works on a plane');
		await waitForSaved(page);

		await browser.setOffline(true);
		await app.stop();
		await page.reload();
		await expect(goalBox(page)).toHaveValue('Works on a plane');

		// A deep link opened cold, in a new tab, while offline.
		const cold = await browser.newPage();
		await cold.goto(`${app.url}/settings`);
		await expect(cold.getByRole('heading', { name: 'Settings' })).toBeVisible();
		await cold.goto(`${app.url}/workbook/goal`);
		await expect(goalBox(cold)).toHaveValue('Works on a plane');
	} finally {
		await browser.close();
		await app.close();
	}
});

test('a workbook saved by a newer Village opens read-only and is never overwritten', async () => {
	const future = new Y.Doc();
	future.getMap('meta').set('schemaVersion', 999);
	future.getText('text:goal.statement').insert(0, 'Written by Village 9');
	const update = Array.from(Y.encodeStateAsUpdate(future));

	const browser = await launchPersistent();
	const page = await browser.newPage();
	// Seed IndexedDB from a same-origin page that does not run the app.
	await page.goto('/manifest.webmanifest');
	await page.evaluate(
		(bytes) =>
			new Promise<void>((resolve, reject) => {
				const req = indexedDB.open('village-workbook', 1);
				req.onupgradeneeded = () => {
					req.result.createObjectStore('updates', { autoIncrement: true });
					req.result.createObjectStore('custom');
				};
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const tx = req.result.transaction('updates', 'readwrite');
					tx.objectStore('updates').add(new Uint8Array(bytes));
					tx.oncomplete = () => {
						req.result.close();
						resolve();
					};
				};
			}),
		update
	);
	const before = await storedRows(page);

	await openGoal(page);
	await expect(page.getByRole('alert')).toContainText('saved by a newer version of Village');
	await expect(goalBox(page)).toHaveValue('Written by Village 9');
	await expect(goalBox(page)).toBeDisabled();
	await page.keyboard.press('Control+z');
	await page.goto('/settings');
	await expect(
		page.getByRole('button', { name: 'Ask the browser to keep it safe' })
	).toBeDisabled();
	await page.waitForTimeout(500);
	await page.reload();
	await expect(page.getByRole('alert')).toContainText('newer version');
	// Nothing new was written: what is stored holds exactly the original content. (y-indexeddb
	// itself appends an empty row on every open, its issue #31; that row adds nothing.)
	const merged = new Y.Doc();
	for (const row of await storedRows(page)) Y.applyUpdate(merged, new Uint8Array(row));
	expect(Y.encodeStateVector(merged)).toEqual(Y.encodeStateVector(future));
	expect(merged.getText('text:goal.statement').toString()).toBe('Written by Village 9');
	expect(merged.getMap('meta').get('schemaVersion')).toBe(999);
	expect(before).toHaveLength(1);
	await browser.close();
});

test('undo and redo reach only my own edits, by keyboard and by button', async () => {
	const browser = await launchPersistent();
	const page = await browser.newPage();
	await openGoal(page);
	const undo = page.getByRole('button', { name: 'Undo' });
	const redo = page.getByRole('button', { name: 'Redo' });
	await expect(undo).toBeDisabled();

	await goalBox(page).fill('First thought');
	await page.waitForTimeout(700); // past the undo capture window: a separate step
	await page.getByLabel('Milestone 1').fill('A milestone');
	await page.keyboard.press('Control+z');
	await expect(page.getByLabel('Milestone 1')).toHaveValue('');
	await expect(goalBox(page)).toHaveValue('First thought');
	await page.keyboard.press('Control+Shift+z');
	await expect(page.getByLabel('Milestone 1')).toHaveValue('A milestone');

	// Another tab's edit is not mine to undo.
	const other = await browser.newPage();
	await openGoal(other);
	await other.getByLabel('Milestone 3').fill('From the other tab');
	await expect(page.getByLabel('Milestone 3')).toHaveValue('From the other tab');
	await undo.click();
	await expect(page.getByLabel('Milestone 1')).toHaveValue('');
	await expect(page.getByLabel('Milestone 3')).toHaveValue('From the other tab');
	await redo.click();
	await expect(page.getByLabel('Milestone 1')).toHaveValue('A milestone');
	await browser.close();
});

test('settings tells where data lives and deletes everything only after confirming', async () => {
	const browser = await launchPersistent();
	const page = await browser.newPage();
	await openGoal(page);
	await goalBox(page).fill('Something worth keeping');
	await waitForSaved(page);

	await page.getByRole('link', { name: 'Settings' }).click();
	await expect(page.getByText(/kept in this browser's own storage/)).toBeVisible();
	await expect(page.getByTestId('persisted')).not.toContainText('Not asked yet');
	await expect(page.getByTestId('stored')).toContainText(/\d+(\.\d)? (bytes|KB) of workbook data/);
	await checkA11y(page);

	await page.getByRole('button', { name: 'Delete everything…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Delete your whole workbook?' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Keep my workbook' }).click();
	await expect(dialog).toBeHidden();
	await openGoal(page);
	await expect(goalBox(page)).toHaveValue('Something worth keeping');

	await page.goto('/settings');
	await page.getByRole('button', { name: 'Delete everything…' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete everything' }).click();
	await expect(page.getByRole('heading', { name: /A career takes a village/ })).toBeVisible();
	await openGoal(page);
	await expect(goalBox(page)).toHaveValue('');
	await browser.close();
});

test('a waiting new version is announced, and reloading takes it', async () => {
	const root = mkdtempSync(path.join(os.tmpdir(), 'village-build-'));
	cpSync(path.join(repoRoot, 'build'), root, { recursive: true });
	const app = await startApp({ root });
	const browser = await launchPersistent(undefined, { baseURL: app.url });
	try {
		const page = await browser.newPage();
		await page.goto('/');
		await waitForServiceWorker(page);
		await expect(page.getByText('A new version of Village is ready')).toHaveCount(0);

		// Deploy a "new version": any change to the service worker script is one.
		appendFileSync(path.join(root, 'sw.js'), '\n// next version\n');
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			await registration?.update();
		});
		const prompt = page
			.getByRole('status')
			.filter({ hasText: 'A new version of Village is ready' });
		await expect(prompt).toBeVisible({ timeout: 15_000 });
		await prompt.getByRole('button', { name: 'Reload' }).click();
		await expect(page.getByText('A new version of Village is ready')).toHaveCount(0);
		await page.waitForLoadState('load');
		const script = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '');
		expect(script).toMatch(/\/sw\.js$/);
		expect(readFileSync(path.join(root, 'sw.js'), 'utf8')).toContain('next version');
	} finally {
		await browser.close();
		await app.close();
	}
});

test('the app is installable: manifest, icons and a service worker', async ({ page }) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBeTruthy();
	const response = await page.request.get(new URL(href!, page.url()).href);
	expect(response.ok()).toBe(true);
	const manifest = await response.json();
	expect(manifest).toMatchObject({
		name: expect.stringContaining('Village'),
		short_name: 'Village',
		display: 'standalone',
		start_url: '/',
		theme_color: expect.stringMatching(/^#/),
		background_color: expect.stringMatching(/^#/)
	});
	const sizes = manifest.icons.map(
		(i: { sizes: string; purpose?: string }) => `${i.sizes}:${i.purpose}`
	);
	expect(sizes).toEqual(expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']));
	for (const icon of manifest.icons) {
		const res = await page.request.get(new URL(icon.src, page.url()).href);
		expect(res.headers()['content-type']).toBe('image/png');
	}
	await waitForServiceWorker(page);
});

test('Home welcomes a new user and leads into the workbook by keyboard', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: /A career takes a village/ })).toBeVisible();
	await expect(page.getByText(/no server/)).toBeVisible();
	// The bar shows only screens that exist: every link in it opens a real page.
	const hrefs = await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link')
		.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
	expect(hrefs.slice(0, 2)).toEqual(['/', '/workbook']);
	for (const href of hrefs) {
		const probe = await page.context().newPage();
		await probe.goto(href!);
		await expect(probe.locator('h1').first()).toBeVisible();
		await expect(probe.getByText("There's no page here")).toHaveCount(0);
		await probe.close();
	}
	await checkA11y(page);
	await shoot(page, 'home-welcome');

	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
	await page.getByRole('link', { name: 'Start the workbook' }).focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/workbook\/diagnose$/);
});

test('Goal and Settings pass axe and look right in light and dark', async ({ page }) => {
	await openGoal(page);
	await goalBox(page).fill(GOAL);
	await page.getByLabel('Milestone 1').fill('Run the pricing launch end to end');
	await checkA11y(page);
	await shoot(page, 'goal');
	await waitForSaved(page);
	await page.goto('/settings');
	await expect(page.getByTestId('stored')).not.toContainText('Measuring');
	await checkA11y(page);
	await shoot(page, 'settings');
});

test('no screen scrolls sideways on a 360 px phone', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	const screens = [
		'/',
		'/workbook/diagnose',
		'/workbook/goal',
		'/workbook/value',
		'/workbook/map',
		'/workbook/relate',
		'/workbook/champions',
		'/workbook/plan',
		'/people',
		'/settings'
	];
	for (const path of screens) {
		await page.goto(path);
		await expect(page.locator('h1').first()).toBeVisible();
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width, `${path} is ${width}px wide`).toBeLessThanOrEqual(360);
	}
});

test('Home paints from the summary saved on this device, and the live workbook wins', async () => {
	const browser = await launchPersistent();
	const page = await browser.newPage();
	await openGoal(page);
	await goalBox(page).fill(GOAL);
	await waitForSaved(page);
	await page.goto('/');
	await expect(page.getByText(GOAL)).toBeVisible();
	const saved = await page.waitForFunction(() => localStorage.getItem('village:home'));
	expect(JSON.parse((await saved.jsonValue()) as string)).toMatchObject({ goal: GOAL });

	// A stale summary shows for a moment at most: the live workbook replaces it.
	await page.evaluate(() => {
		const s = JSON.parse(localStorage.getItem('village:home')!);
		localStorage.setItem('village:home', JSON.stringify({ ...s, goal: 'A stale goal' }));
	});
	await page.reload();
	await expect(page.getByText(GOAL)).toBeVisible();
	await expect(page.getByText('A stale goal')).toHaveCount(0);

	// A broken summary is ignored.
	await page.evaluate(() => localStorage.setItem('village:home', '{"v":1,"goal":'));
	await page.reload();
	await expect(page.getByText(GOAL)).toBeVisible();

	await page.goto('/settings');
	await page.getByRole('button', { name: 'Delete everything…' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete everything' }).click();
	await expect(page.getByRole('heading', { name: /A career takes a village/ })).toBeVisible();
	expect(await page.evaluate(() => localStorage.getItem('village:home'))).toBeNull();
	expect(await page.evaluate(() => localStorage.getItem('village:people'))).toBeNull();
	await browser.close();
});
