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
