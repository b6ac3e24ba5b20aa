// @ts-check
/**
 * Plain-JS access to big-workbook.ts for bench cases: loads it through Vite (no config, so no
 * app plugins) and caches the generated updates by their counts, since a 5,000-person workbook
 * takes a moment to build and several cases share it.
 */
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
/** @type {Map<string, Uint8Array>} */
const cache = new Map();
/** @type {Promise<typeof import('./big-workbook.ts')> | null} */
let loading = null;

/** The big-workbook module, loaded once through Vite's SSR loader. */
export function loadBigWorkbook() {
	loading ??= (async () => {
		const { createServer } = await import('vite');
		const vite = await createServer({
			root: repoRoot,
			configFile: false,
			logLevel: 'error',
			appType: 'custom',
			server: { middlewareMode: true, hmr: false, watch: null }
		});
		try {
			return /** @type {typeof import('./big-workbook.ts')} */ (
				await vite.ssrLoadModule('/tests/bench/lib/big-workbook.ts')
			);
		} finally {
			await vite.close();
		}
	})();
	return loading;
}

/**
 * A workbook update with these counts (see big-workbook.ts), built once per run.
 * @param {import('./big-workbook.ts').WorkbookCounts} counts
 */
export async function workbookUpdate(counts) {
	const key = JSON.stringify(counts);
	let update = cache.get(key);
	if (!update) {
		const { buildWorkbookUpdate } = await loadBigWorkbook();
		update = buildWorkbookUpdate(counts);
		cache.set(key, update);
	}
	return update;
}

/**
 * Opens a blank page on the app's origin and stores `update` as the device's workbook.
 * @param {import('@playwright/test').Page} page
 * @param {string} baseUrl
 * @param {Uint8Array} update
 */
export async function seedPage(page, baseUrl, update) {
	const { seedWorkbook } = await loadBigWorkbook();
	return seedWorkbook(page, baseUrl, update);
}

/**
 * The median of some numbers (NaN for none).
 * @param {number[]} values
 * @returns {number}
 */
export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	if (sorted.length === 0) return NaN;
	return sorted.length % 2
		? (sorted[mid] ?? NaN)
		: ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}
