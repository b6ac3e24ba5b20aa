/** Steps on People shared by the browser tests: add someone by name, pick someone in a picker. */
import { expect, type Page } from '@playwright/test';
import { waitForSaved } from './index';

/** Adds someone from the People screen's "Add someone" box; returns their id. */
export async function addPerson(page: Page, name: string): Promise<string> {
	await page.getByLabel('Add someone').fill(name);
	await page.getByLabel('Add someone').press('Enter');
	const link = page.getByRole('status').getByRole('link', { name });
	await expect(link).toBeVisible();
	const href = await link.getAttribute('href');
	await waitForSaved(page);
	return href!.split('/').pop()!;
}

/** Types a name into the contact picker labelled `label` and takes the first match. */
export async function pick(page: Page, label: string, name: string) {
	const picker = page.getByRole('combobox', { name: label });
	await picker.fill(name);
	await expect(page.getByRole('option', { name: new RegExp(`^${name}`) })).toBeVisible();
	await picker.press('Enter');
}

/**
 * From the next load on, the workbook's IndexedDB database opens only when the returned function
 * is called: the screen shows what it can before the workbook has loaded, as on a slow device.
 * Works at the browser API (the open request's success is held back), not through the app.
 */
export async function holdWorkbookOpen(page: Page): Promise<() => Promise<void>> {
	await page.addInitScript(() => {
		let release = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		(window as unknown as { __releaseWorkbook: () => void }).__releaseWorkbook = release;
		const open = IDBFactory.prototype.open;
		IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
			const req = open.call(this, name, version);
			if (name !== 'village-workbook') return req;
			let onsuccess: ((this: IDBRequest, ev: Event) => unknown) | null = null;
			Object.defineProperty(req, 'onsuccess', {
				get: () => onsuccess,
				set: (fn) => (onsuccess = fn)
			});
			req.addEventListener('success', (event) => {
				void gate.then(() => onsuccess?.call(req, event));
			});
			return req;
		};
	});
	return () =>
		page.evaluate(() =>
			(window as unknown as { __releaseWorkbook: () => void }).__releaseWorkbook()
		);
}
