/**
 * The printable strategy sheet, as a person uses it: opened from the navigation, printed to PDF
 * by Chromium on A4 and on US Letter, for an empty, a typical and a very full workbook. The PDF's
 * text (Poppler's pdftotext) must hold the goal, the value statement, a milestone date and a
 * champion's name; a typical plan fits on one page and a very full one on two at most. Pages are
 * rendered to PNG (pdftoppm) beside the screenshots, to be looked at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { seedWorkbook } from '../bench/lib/big-workbook';
import { BASE_URL, checkA11y, screensDir, shoot } from './support';
import {
	dayFrom,
	fullWorkbook,
	sheetDay,
	TYPICAL,
	typicalWorkbook
} from './support/sheet-workbooks';

const PAPERS = [
	{ label: 'A4', id: 'a4', width: 595, height: 842 },
	{ label: 'US Letter', id: 'letter', width: 612, height: 792 }
] as const;

const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Prints the page as the browser's print dialog would, with the sheet's own @page size. */
async function printPdf(page: Page, name: string): Promise<{ file: string; pages: number }> {
	mkdirSync(screensDir, { recursive: true });
	const file = path.join(screensDir, `${name}.pdf`);
	writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
	const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
	return { file, pages };
}

function pdfText(file: string): string {
	return flat(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
}

/** Page size in points, from pdfinfo ("Page size: 595.276 x 841.89 pts (A4)"). */
function pageSize(file: string): { width: number; height: number } {
	const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
	return { width: Math.round(Number(m?.[1])), height: Math.round(Number(m?.[2])) };
}

/** The PDF's pages as PNGs beside the screenshots, to look at. */
function renderPages(file: string) {
	const stem = path.basename(file, '.pdf');
	for (const old of readdirSync(screensDir))
		if (old.startsWith(`${stem}-`) && old.endsWith('.png')) rmSync(path.join(screensDir, old));
	execFileSync('pdftoppm', ['-r', '70', '-png', file, file.replace(/\.pdf$/, '')]);
}

async function openSheet(page: Page) {
	await page.goto('/');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sheet' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /My village/ })).toBeVisible();
}

async function choosePaper(page: Page, label: string) {
	const radio = page.getByRole('radio', { name: label });
	await radio.check();
	await expect(radio).toBeChecked();
	// The @page rule that print uses has followed the choice.
	await expect
		.poll(() =>
			page.evaluate(() =>
				document.adoptedStyleSheets
					.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
					.join('\n')
			)
		)
		.toMatch(label === 'A4' ? /size: a4/i : /size: letter/i);
}

test('a typical plan prints on one page of A4 and of US Letter, with its goal, value, dates and champion', async ({
	page
}) => {
	test.setTimeout(150_000);
	await seedWorkbook(page, BASE_URL, typicalWorkbook());
	await openSheet(page);
	const sheet = page.locator('article.sheet');
	await expect(sheet.getByTestId('sheet-goal')).toHaveText(TYPICAL.goal);
	await expect(
		sheet.getByRole('region', { name: 'Champions and allies' }).getByText(TYPICAL.champion)
	).toBeVisible();

	const milestoneDate = sheetDay(dayFrom(200));
	const printed = [];
	for (const paper of PAPERS) {
		await choosePaper(page, paper.label);
		// Someone on a dark theme still prints black on white (look at the Letter pages).
		await page.emulateMedia({ colorScheme: paper.id === 'letter' ? 'dark' : 'light' });
		const pdf = await printPdf(page, `sheet-typical-${paper.id}`);
		renderPages(pdf.file);
		printed.push({ paper, ...pdf });
	}
	for (const { paper, file, pages } of printed) {
		expect(pages, `pages on ${paper.label}`).toBe(1);
		expect(pageSize(file)).toEqual({ width: paper.width, height: paper.height });
		const text = pdfText(file);
		expect(text).toContain(flat(TYPICAL.goal));
		expect(text).toContain(flat(TYPICAL.value));
		expect(text).toContain(milestoneDate);
		expect(text).toContain(TYPICAL.champion);
		expect(text).toContain('Based on an article originally published at Forbes');
		// The screen's controls and navigation stay off the paper.
		expect(text).not.toContain('Print or save as PDF');
		expect(text).not.toContain('Skip to content');
	}

	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await checkA11y(page);
	}
	await shoot(page, 'sheet-typical');
});

test('a very full workbook prints on two pages at most, choosing what to show', async ({
	page
}) => {
	test.setTimeout(120_000);
	await seedWorkbook(page, BASE_URL, fullWorkbook());
	await openSheet(page);
	await expect(page.getByText('+9 more in the workbook').first()).toBeVisible();

	for (const paper of PAPERS) {
		await choosePaper(page, paper.label);
		const { file, pages } = await printPdf(page, `sheet-full-${paper.id}`);
		renderPages(file);
		expect(pages).toBeGreaterThanOrEqual(1);
		expect(pages).toBeLessThanOrEqual(2);
		const text = pdfText(file);
		expect(text).toContain(flat(TYPICAL.goal));
		expect(text).toContain(TYPICAL.value.slice(0, 80));
		expect(text).toContain(sheetDay(dayFrom(200)));
		expect(text).toContain(TYPICAL.champion);
	}
	await checkA11y(page);
	await shoot(page, 'sheet-full', { widths: [1280], schemes: ['light'] });
});

test('an empty workbook: prompts on screen that lead to each step, nothing blank on paper', async ({
	page
}) => {
	test.setTimeout(90_000);
	await openSheet(page);
	await expect(
		page.getByText('Your sheet fills in as you work through the workbook.')
	).toBeVisible();
	const goalPrompt = page.getByRole('link', { name: 'Go to 2. Goal →' }).first();
	await expect(goalPrompt).toBeVisible();

	for (const paper of PAPERS) {
		await choosePaper(page, paper.label);
		const { file, pages } = await printPdf(page, `sheet-empty-${paper.id}`);
		renderPages(file);
		expect(pages).toBe(1);
		const text = pdfText(file);
		expect(text).toContain('My village');
		expect(text).not.toContain('Go to');
		// Empty sections collapse on paper: not even their headings are printed.
		for (const title of [
			'WHERE I AM HEADING',
			'THE VALUE I BRING',
			'HOW OPEN MY NETWORK',
			'MY WEEKLY RHYTHM'
		])
			expect(text.toUpperCase()).not.toContain(title);
	}
	await checkA11y(page);
	await shoot(page, 'sheet-empty', { widths: [360], schemes: ['light'] });

	await goalPrompt.click();
	await expect(page).toHaveURL(/\/workbook\/goal$/);
});

test('the paper size follows the browser locale until chosen, and the choice is kept', async ({
	browser
}) => {
	const us = await browser.newContext({ locale: 'en-US' });
	const gb = await browser.newContext({ locale: 'en-GB' });
	try {
		const usPage = await us.newPage();
		await openSheet(usPage);
		await expect(usPage.getByRole('radio', { name: 'US Letter' })).toBeChecked();
		const gbPage = await gb.newPage();
		await openSheet(gbPage);
		await expect(gbPage.getByRole('radio', { name: 'A4' })).toBeChecked();

		await choosePaper(gbPage, 'US Letter');
		await gbPage.reload();
		await expect(gbPage.getByRole('radio', { name: 'US Letter' })).toBeChecked();
	} finally {
		await us.close();
		await gb.close();
	}
});

test('Home and the end of the Plan step lead to the sheet once there is a goal; the button prints', async ({
	page
}) => {
	await seedWorkbook(page, BASE_URL, typicalWorkbook());
	await page.goto('/');
	await page.getByRole('link', { name: 'Print your plan' }).click();
	await expect(page).toHaveURL(/\/sheet$/);
	await page.goto('/workbook/plan');
	await page.getByRole('link', { name: 'Print your plan' }).click();
	await expect(page).toHaveURL(/\/sheet$/);

	// The button opens the browser's print dialog: count the calls instead of opening one.
	await page.evaluate(() => {
		(window as unknown as { printed: number }).printed = 0;
		window.print = () => void (window as unknown as { printed: number }).printed++;
	});
	await page.getByRole('button', { name: 'Print or save as PDF' }).click();
	expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
});
