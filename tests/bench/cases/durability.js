// @ts-check
/**
 * No edit is lost when the page goes away: under load (two busy loops), 200 goal edits each
 * followed in the same task by a full navigation, 50 people added and 50 ties added the same
 * way, and 50 goal edits each followed at once by closing the browser. Target: 0 lost in each.
 * `DURABILITY_SCALE=0.2 npm run bench durability` runs a fifth of the trials for a quick look.
 * The trials themselves are in tests/e2e/support/durability.js (the browser suite runs them too).
 */
import { allTrials } from '../../e2e/support/durability.js';

export default {
	name: 'durability',
	/** @param {import('../lib/harness.js').BenchContext} ctx */
	async run({ browser, baseUrl, launchPersistent, log }) {
		const context = await browser.newContext({ baseURL: baseUrl });
		try {
			const page = await context.newPage();
			const scale = Number(process.env.DURABILITY_SCALE ?? 1) || 1;
			const r = await allTrials({ page, launch: launchPersistent, scale, log });
			/** @param {string} what @param {{ lost: number, trials: number }} t */
			const row = (what, t) => ({
				name: `${what}: edits lost of ${t.trials}`,
				value: t.lost,
				unit: 'edits',
				target: 0,
				better: /** @type {const} */ ('lower')
			});
			return [
				row('goal, then navigate', r.goal),
				row('add person, then navigate', r.person),
				row('add tie, then navigate', r.tie),
				row('goal, then close the browser', r.close)
			];
		} finally {
			await context.close();
		}
	}
};
