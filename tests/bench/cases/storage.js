// @ts-check
/**
 * IndexedDB stays bounded: type 1,000 edits into the goal (each keystroke is one stored
 * update), then reload the app 30 times, and read what y-indexeddb keeps. Without compaction
 * every keystroke and every open would stay a row for ever. Target: rows bounded — after the
 * reloads no more than COMPACT_AFTER_ROWS + 1, whatever the number of edits or reloads.
 */
const EDITS = 1000;
const RELOADS = 30;
/** Mirrors COMPACT_AFTER_ROWS in src/lib/adapters/persistence/types.ts. */
const COMPACT_AFTER_ROWS = 20;

/** @param {import('@playwright/test').Page} page */
function stored(page) {
	return page.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const req = indexedDB.open('village-workbook');
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const db = req.result;
					const all = db.transaction('updates').objectStore('updates').getAll();
					all.onsuccess = () => {
						const rows = /** @type {Uint8Array[]} */ (all.result);
						db.close();
						resolve({ rows: rows.length, bytes: rows.reduce((s, r) => s + r.byteLength, 0) });
					};
				};
			})
	);
}

export default {
	name: 'storage',
	/** @param {import('../lib/harness.js').BenchContext} ctx */
	async run({ launchPersistent, log }) {
		const browser = await launchPersistent();
		try {
			const page = await browser.newPage();
			await page.goto('/workbook/goal');
			const box = page.getByLabel(/Where do you want to be/);
			await box.waitFor();
			await box.focus();
			const text = 'Lead a product team in climate tech. '.repeat(30).slice(0, EDITS);
			await page.keyboard.type(text);
			await page.getByText('Saved on this device').waitFor();
			const afterEdits = /** @type {{rows: number, bytes: number}} */ (await stored(page));
			log(`  after ${EDITS} edits: ${afterEdits.rows} rows, ${afterEdits.bytes} B`);
			let maxRows = afterEdits.rows;
			for (let i = 0; i < RELOADS; i++) {
				await page.reload();
				await box.waitFor();
				// Compaction runs when the page is idle after opening.
				await page.waitForTimeout(150);
				maxRows = Math.max(maxRows, /** @type {{rows: number}} */ (await stored(page)).rows);
			}
			const after = /** @type {{rows: number, bytes: number}} */ (await stored(page));
			if ((await box.inputValue()) !== text) throw new Error('the goal text did not survive');
			return [
				{
					name: `stored rows after ${EDITS} edits`,
					value: afterEdits.rows,
					unit: 'rows',
					better: 'lower'
				},
				{
					name: `stored rows after ${RELOADS} reloads`,
					value: after.rows,
					unit: 'rows',
					target: COMPACT_AFTER_ROWS + 1,
					better: 'lower'
				},
				{
					name: 'stored rows, most seen while reloading',
					value: maxRows,
					unit: 'rows',
					better: 'lower'
				},
				{
					name: `stored bytes after ${RELOADS} reloads`,
					value: after.bytes,
					unit: 'B',
					better: 'lower'
				}
			];
		} finally {
			await browser.close();
		}
	}
};
