/**
 * What a person does on the partner screens, for the browser tests that pair browsers
 * (partner.spec.ts over WebRTC, relay.spec.ts through the relay).
 */
import { expect, type Page } from '@playwright/test';
import * as Y from 'yjs';

export async function addAction(page: Page, text: string) {
	await page.goto('/workbook/plan');
	await page.getByLabel('New action').fill(text);
	await page.getByLabel('New action').press('Enter');
	await expect(page.locator('.action-text').last()).toHaveValue(text);
}

export async function invite(page: Page, name: string): Promise<string> {
	await page.goto('/partner');
	await page.getByLabel('Your name, as your partner will see it').fill(name);
	await page.getByRole('button', { name: 'Invite a partner' }).click();
	const link = page.getByTestId('invite-link');
	await expect(link).toHaveValue(/\/partner\/join#room=/);
	return link.inputValue();
}

export async function join(page: Page, link: string, name: string) {
	await page.goto(link);
	await page.getByLabel(/Your name, as .* will see it/).fill(name);
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page).toHaveURL(/\/partner$/);
}

export async function checkIn(page: Page, did: string, next = '', stuck = '') {
	await page.getByLabel('What I did').fill(did);
	await page.getByLabel("What's next").fill(next);
	await page.getByLabel("Where I'm stuck").fill(stuck);
	await page.getByRole('button', { name: 'Send check-in' }).click();
	await expect(page.getByTestId('checkins')).toContainText(did);
}

/** The rows of one of the page's IndexedDB update stores, base64 (for decoding in Node). */
export function storedRows(page: Page, name: string): Promise<string[]> {
	return page.evaluate(async (dbName) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const r = indexedDB.open(dbName);
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error);
		});
		try {
			if (!db.objectStoreNames.contains('updates')) return [];
			const rows = await new Promise<Uint8Array[]>((resolve, reject) => {
				const r = db.transaction('updates').objectStore('updates').getAll();
				r.onsuccess = () => resolve(r.result as Uint8Array[]);
				r.onerror = () => reject(r.error);
			});
			return rows.map((row) => {
				let s = '';
				for (let i = 0; i < row.length; i += 0x8000)
					s += String.fromCharCode(...row.subarray(i, i + 0x8000));
				return btoa(s);
			});
		} finally {
			db.close();
		}
	}, name);
}

/** One of the page's IndexedDB update stores merged into a document (read in Node). */
export async function storedDoc(page: Page, name: string): Promise<Y.Doc> {
	const doc = new Y.Doc();
	for (const row of await storedRows(page, name)) Y.applyUpdate(doc, Buffer.from(row, 'base64'));
	return doc;
}
