// @ts-check
/**
 * Importing 10,000 contacts through the Import and export screen, once as a vCard file and once
 * as a Google Contacts CSV: the time from choosing the file to the preview shown (read and
 * parsed in a worker, compared with the workbook), the time from "Bring in" to the outcome
 * shown (one transaction), and the longest main-thread task during each (Long Tasks API; tasks
 * under 50 ms are not reported, so 0 means none reached 50 ms).
 * Targets (issue 10): under 2 s each, no task over 100 ms.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const COUNT = 10_000;

/** @param {number} i */
function person(i) {
	const first = ['Ann', 'Bo', 'Chidi', 'Dana', 'Eun', 'Femi', 'Greta', 'Hugo'][i % 8];
	const last = ['Lee', 'Okafor', 'Novak', 'García', 'Weiß', 'Tanaka', 'Smith'][i % 7];
	return {
		name: `${first} ${last} ${i}`,
		email: `person${i}@example.org`,
		phone: `+44 20 7946 ${String(i).padStart(4, '0')}`,
		org: `Company ${i % 400}`,
		title: i % 3 ? 'Engineer' : 'Director, Product'
	};
}

function vcard() {
	const lines = [];
	for (let i = 0; i < COUNT; i++) {
		const p = person(i);
		lines.push(
			'BEGIN:VCARD',
			'VERSION:3.0',
			`FN:${p.name}`,
			`N:${p.name.split(' ')[1]};${p.name.split(' ')[0]};;;`,
			`EMAIL;TYPE=INTERNET:${p.email}`,
			`TEL;TYPE=CELL:${p.phone}`,
			`ORG:${p.org}`,
			`TITLE:${p.title.replace(/,/g, '\\,')}`,
			'NOTE:Met at the spring meetup\\, wants an intro to someone in health care.',
			'END:VCARD'
		);
	}
	return lines.join('\r\n') + '\r\n';
}

function csv() {
	const rows = [
		'\uFEFFFirst Name,Last Name,Organization Name,Organization Title,Notes,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value'
	];
	for (let i = 0; i < COUNT; i++) {
		const p = person(i);
		const [first, last, n] = p.name.split(' ');
		rows.push(
			`${first},${last} ${n},${p.org},"${p.title}","Met at the spring meetup.\nWants an intro.",* Work,${p.email},Mobile,${p.phone}`
		);
	}
	return rows.join('\r\n') + '\r\n';
}

export default {
	name: 'import-contacts',
	/** @param {import('../lib/harness.js').BenchContext} ctx */
	async run({ baseUrl, browser, log }) {
		const dir = mkdtempSync(path.join(tmpdir(), 'village-import-'));
		/** @type {Array<import('../lib/table.js').Measurement>} */
		const results = [];
		/** @type {Array<[string, string, string]>} */
		const files = [
			['vCard', 'contacts.vcf', vcard()],
			['CSV', 'contacts.csv', csv()]
		];
		for (const [label, file, text] of files) {
			const filePath = path.join(dir, file);
			writeFileSync(filePath, text);
			log(`  ${label}: ${(text.length / 1024 / 1024).toFixed(1)} MB`);
			const context = await browser.newContext();
			const page = await context.newPage();
			try {
				await page.goto(`${baseUrl}/transfer`);
				await page.getByRole('heading', { name: 'Bring in contacts' }).waitFor();
				await page.evaluate(() => {
					const w = /** @type {any} */ (window);
					w.__longest = 0;
					new PerformanceObserver((list) => {
						for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
					}).observe({ type: 'longtask' });
				});
				const longest = async () => {
					const v = await page.evaluate(() => {
						const w = /** @type {any} */ (window);
						const value = w.__longest;
						w.__longest = 0;
						return value;
					});
					return Math.round(v);
				};
				await longest();
				let t = Date.now();
				await page.getByLabel('Choose a contacts file').setInputFiles(filePath);
				const bringIn = page.getByRole('button', { name: /^Bring in 10,000 people$/ });
				await bringIn.waitFor({ timeout: 60_000 });
				const parseMs = Date.now() - t;
				// Let a long task that ended with the paint be reported before reading.
				await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
				const parseLongest = await longest();
				t = Date.now();
				await bringIn.click();
				await page.getByTestId('import-outcome').waitFor({ timeout: 60_000 });
				const commitMs = Date.now() - t;
				await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
				const commitLongest = await longest();
				const outcome = await page.getByTestId('import-outcome').textContent();
				log(`  ${label}: ${outcome?.trim().slice(0, 80)}`);
				results.push(
					{
						name: `import ${label} 10,000: choose file → preview`,
						value: parseMs,
						unit: 'ms',
						target: 2000,
						better: 'lower'
					},
					{
						name: `import ${label} 10,000: longest task while parsing`,
						value: parseLongest,
						unit: 'ms',
						target: 100,
						better: 'lower'
					},
					{
						name: `import ${label} 10,000: bring in → done`,
						value: commitMs,
						unit: 'ms',
						target: 2000,
						better: 'lower'
					},
					{
						name: `import ${label} 10,000: longest task while committing`,
						value: commitLongest,
						unit: 'ms',
						target: 100,
						better: 'lower'
					}
				);
			} finally {
				await context.close();
			}
		}
		return results;
	}
};
