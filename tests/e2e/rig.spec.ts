/**
 * Proves the rig: the built app is served, the run is in a loopback-only namespace, and the
 * helpers in ./support do what they say.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { checkA11y, launchPersistent, shoot, startApp } from './support';

test('serves the app with a Village title', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveTitle(/Village/);
});

test('a deep link gets the app shell (SPA fallback)', async ({ page }) => {
	const response = await page.goto('/some/deep/link');
	expect(response?.status()).toBe(200);
	await expect(page).toHaveTitle(/Village/);
});

test('the network namespace has only loopback', () => {
	const links = execFileSync('ip', ['-o', 'link'], { encoding: 'utf8' })
		.trim()
		.split('\n')
		.map((line) => line.split(':')[1]?.trim());
	expect(links).toEqual(['lo']);
});

test('startApp stops and restarts on the same port', async ({ page }) => {
	const app = await startApp();
	try {
		await page.goto(app.url + '/');
		await expect(page).toHaveTitle(/Village/);
		await app.stop();
		expect(app.running).toBe(false);
		await expect(page.request.get(app.url + '/')).rejects.toThrow();
		await app.restart();
		expect((await page.request.get(app.url + '/')).status()).toBe(200);
		expect(new URL(app.url).port).toBe(String(app.port));
	} finally {
		await app.close();
	}
});

test('launchPersistent keeps IndexedDB across a relaunch on the same profile', async () => {
	const put = async (value: string) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open('rig-test', 1);
			req.onupgradeneeded = () => req.result.createObjectStore('kv');
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction('kv', 'readwrite');
			tx.objectStore('kv').put(value, 'key');
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	};
	const get = () =>
		new Promise<unknown>((resolve, reject) => {
			const req = indexedDB.open('rig-test', 1);
			req.onupgradeneeded = () => req.result.createObjectStore('kv');
			req.onsuccess = () => {
				const r = req.result.transaction('kv').objectStore('kv').get('key');
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			};
			req.onerror = () => reject(req.error);
		});

	const first = await launchPersistent();
	const page = first.pages()[0] ?? (await first.newPage());
	await page.goto('/');
	await page.evaluate(put, 'kept');
	await first.close();

	const second = await launchPersistent(first.profileDir);
	try {
		const again = second.pages()[0] ?? (await second.newPage());
		await again.goto('/');
		expect(await again.evaluate(get)).toBe('kept');
	} finally {
		await second.close();
	}
	const fresh = await launchPersistent();
	try {
		const other = fresh.pages()[0] ?? (await fresh.newPage());
		await other.goto('/');
		expect(await other.evaluate(get)).toBeUndefined();
	} finally {
		await fresh.close();
	}
});

test('checkA11y lists violations readably and passes a clean page', async ({ page }) => {
	await page.setContent(
		'<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>Hi</h1>' +
			'<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="bad"></main></body></html>'
	);
	const error = await checkA11y(page).then(
		() => null,
		(e: Error) => e
	);
	expect(error?.message).toMatch(/image-alt \[critical\]: Images must have alternative text/);
	expect(error?.message).toMatch(/\n {6}img\b/);
	await page.locator('img').evaluate((img) => img.setAttribute('alt', 'a dot'));
	await checkA11y(page);
});

test('shoot saves one screenshot per width and scheme', async ({ page }) => {
	await page.goto('/');
	const files = await shoot(page, 'rig-home');
	expect(files.map((f) => f.split('/').pop())).toEqual([
		'rig-home-1280-light.png',
		'rig-home-1280-dark.png',
		'rig-home-360-light.png',
		'rig-home-360-dark.png'
	]);
	for (const file of files) expect(existsSync(file)).toBe(true);
	expect(page.viewportSize()?.width).toBe(1280);
});
