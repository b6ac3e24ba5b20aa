// @ts-check
/**
 * A large workbook (2,000 contacts, 10,000 conversations, 500 ties, every answer filled) opened
 * offline from a cold start: the browser is relaunched for every load, the network is off, and
 * the service worker serves the app. Measures the time from navigation start to Home showing
 * the user's data (its "This week" section), as the median of COLD_LOADS. Home paints from the
 * summary the app saves on the device after changes (src/lib/state/home.ts) and then goes live;
 * the time until the whole workbook is loaded and live is reported too. Also reports the
 * encoded document size. Target (DESIGN.md): Home with data ≤ 400 ms.
 */
import { gzipSync } from 'node:zlib';
import { median, seedPage, workbookUpdate } from '../lib/workbook-seed.js';

const COUNTS = { contacts: 2000, conversations: 10000, ties: 500, answers: true };
const COLD_LOADS = 7;

/** Records when Home's data first shows, in ms since navigation start. */
function markHomeShown() {
	const w = /** @type {Window & { __homeShownAt?: number }} */ (window);
	const check = () => {
		if (w.__homeShownAt === undefined && document.getElementById('week-title')) {
			w.__homeShownAt = performance.now();
			observer.disconnect();
		}
	};
	const observer = new MutationObserver(check);
	observer.observe(document, { subtree: true, childList: true });
}

export default {
	name: 'home-load',
	/** @param {import('../lib/harness.js').BenchContext} ctx */
	async run({ launchPersistent, baseUrl, log }) {
		const update = await workbookUpdate(COUNTS);
		log(`  workbook: ${update.byteLength} bytes encoded`);

		// First visit online: store the workbook, let the service worker take over.
		const first = await launchPersistent();
		const profile = first.profileDir;
		try {
			const page = await first.newPage();
			await seedPage(page, baseUrl, update);
			await page.goto(`${baseUrl}/`);
			await page.waitForFunction(
				async () => {
					await navigator.serviceWorker.ready;
					return !!navigator.serviceWorker.controller || (location.reload(), false);
				},
				undefined,
				{ timeout: 20_000, polling: 200 }
			);
			await page.locator('#week-title').waitFor({ timeout: 20_000 });
		} finally {
			await first.close();
		}

		/** @type {number[]} */
		const times = [];
		/** @type {number[]} */
		const liveTimes = [];
		for (let i = 0; i < COLD_LOADS; i++) {
			const browser = await launchPersistent(profile);
			try {
				await browser.setOffline(true);
				await browser.addInitScript(markHomeShown);
				const page = await browser.newPage();
				await page.goto(`${baseUrl}/`);
				await page.waitForFunction(() => '__homeShownAt' in window, undefined, {
					timeout: 20_000
				});
				// Then the live workbook: everything loaded and Home re-rendered from it.
				await page.waitForFunction(
					() => performance.getEntriesByName('village:ready').length > 0,
					undefined,
					{ timeout: 20_000 }
				);
				const at = await page.evaluate(
					() => /** @type {Window & { __homeShownAt?: number }} */ (window).__homeShownAt ?? NaN
				);
				/** @type {Record<string, number>} */
				const phases = await page.evaluate(() => {
					const nav = /** @type {PerformanceNavigationTiming} */ (
						performance.getEntriesByType('navigation')[0]
					);
					const scripts = /** @type {PerformanceResourceTiming[]} */ (
						performance.getEntriesByType('resource')
					).filter((r) => r.name.endsWith('.js'));
					return {
						html: Math.round(nav?.responseEnd ?? NaN),
						scripts: Math.round(Math.max(...scripts.map((r) => r.responseEnd))),
						...Object.fromEntries(
							['village:open', 'village:loaded', 'village:ready'].map((name) => [
								name.slice(8),
								Math.round(performance.getEntriesByName(name)[0]?.startTime ?? NaN)
							])
						)
					};
				});
				const controlled = await page.evaluate(() => !!navigator.serviceWorker.controller);
				if (!controlled) throw new Error('the offline load was not served by the service worker');
				times.push(at);
				liveTimes.push(phases.ready ?? NaN);
				log(
					`  cold load ${i + 1}: ${at.toFixed(0)} ms (html ${phases.html}, scripts ${phases.scripts}, open ${phases.open}, loaded ${phases.loaded}, ready ${phases.ready})`
				);
			} finally {
				await browser.close();
			}
		}
		return [
			{
				name: `Home with data, offline, cold (median of ${COLD_LOADS})`,
				value: Math.round(median(times)),
				unit: 'ms',
				target: 400,
				better: 'lower'
			},
			{
				name: 'whole workbook loaded and live (median)',
				value: Math.round(median(liveTimes)),
				unit: 'ms',
				better: 'lower'
			},
			{
				name: 'Home with data, slowest cold load',
				value: Math.round(Math.max(...times)),
				unit: 'ms',
				better: 'lower'
			},
			{
				name: 'encoded workbook (2,000 / 10,000 / 500)',
				value: update.byteLength,
				unit: 'B',
				better: 'lower'
			},
			{
				name: 'encoded workbook, gzipped',
				value: gzipSync(update).length,
				unit: 'B',
				better: 'lower'
			}
		];
	}
};
