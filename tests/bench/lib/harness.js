// @ts-check
/**
 * The benchmark harness: loads every case in tests/bench/cases/, gives each a context (the built
 * app on a local server, a Chromium with the project's flags), and collects measurements.
 *
 * A case is a module in cases/ exporting (as default, or as named exports)
 *   { name: string, run(ctx: BenchContext) => Promise<Result[]> }
 * with Result = { name, value, unit, target?, better: 'lower' | 'higher' }.
 * A case opens its own contexts/pages (`ctx.browser.newContext()`) and closes them.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { meetsTarget } from './table.js';

export const benchDir = fileURLToPath(new URL('..', import.meta.url));
export const casesDir = path.join(benchDir, 'cases');

/**
 * @typedef {object} BenchContext
 * @property {string} baseUrl the built app, e.g. http://127.0.0.1:40123 (no trailing slash)
 * @property {import('@playwright/test').Browser} browser shared; make your own contexts
 * @property {(profileDir?: string, options?: object) => Promise<import('../../e2e/support/chromium.js').PersistentContext>} launchPersistent
 *   a persistent context (own browser) on a profile folder (fresh temp one by default),
 *   `baseURL` preset; relaunch with `ctx.profileDir` to measure what survives a restart
 * @property {string} buildDir absolute path of build/
 * @property {string} repoRoot
 * @property {boolean} verbose
 * @property {(...args: unknown[]) => void} log to stderr (stdout is kept for results)
 */

/**
 * @typedef {object} BenchCase
 * @property {string} name
 * @property {(ctx: BenchContext) => Promise<Array<import('./table.js').Measurement>>} run
 */

/**
 * @param {string[]} [filters] substrings of case names or file names; all cases when empty
 * @returns {Promise<Array<BenchCase & { file: string }>>}
 */
export async function loadCases(filters = []) {
	const files = readdirSync(casesDir)
		.filter((f) => f.endsWith('.js') && !f.startsWith('_'))
		.sort();
	/** @type {Array<BenchCase & { file: string }>} */
	const cases = [];
	for (const file of files) {
		const mod = await import(pathToFileURL(path.join(casesDir, file)).href);
		const c = mod.default ?? mod;
		if (typeof c?.name !== 'string' || typeof c?.run !== 'function') {
			throw new Error(`tests/bench/cases/${file} must export { name: string, run(ctx) }`);
		}
		if (filters.length && !filters.some((f) => c.name.includes(f) || file.includes(f))) continue;
		cases.push({ name: c.name, run: c.run, file });
	}
	return cases;
}

/**
 * Runs the cases one after another; a case that throws gives one ERROR row, and the rest still run.
 * @param {Array<BenchCase & { file: string }>} cases
 * @param {BenchContext} ctx
 * @returns {Promise<Array<import('./table.js').Measurement>>}
 */
export async function runCases(cases, ctx) {
	/** @type {Array<import('./table.js').Measurement>} */
	const rows = [];
	for (const c of cases) {
		const started = performance.now();
		ctx.log(`bench: ${c.name}…`);
		try {
			const results = await c.run(ctx);
			if (!Array.isArray(results) || results.length === 0) {
				throw new Error('run() returned no measurements');
			}
			for (const r of results) {
				if (typeof r.value !== 'number' || !Number.isFinite(r.value)) {
					throw new Error(`measurement "${r.name}" has no finite numeric value`);
				}
				const row = { ...r, case: c.name };
				const ok = meetsTarget(row);
				rows.push(ok === undefined ? row : { ...row, ok });
			}
		} catch (err) {
			const error = err instanceof Error ? err.message.split('\n')[0] : String(err);
			rows.push({
				name: c.name,
				value: null,
				unit: '',
				case: c.name,
				ok: false,
				error: error ?? ''
			});
		}
		ctx.log(`bench: ${c.name} done in ${Math.round(performance.now() - started)} ms`);
	}
	return rows;
}
