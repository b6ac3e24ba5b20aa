// @ts-check
/**
 * Durability trials, shared by the browser suite (tests/e2e/durability.spec.ts) and the
 * benchmarks (tests/bench/cases/durability.js). Each trial makes one edit the way a person's
 * click or keystroke would, and in the same task leaves the page (`location.assign`) or closes
 * the browser; then it opens the app again and checks the edit is there. A lost edit is one the
 * screen had shown but storage never kept.
 *
 * Plain JS (JSDoc-typed) so the benchmark runner imports it without a TypeScript loader.
 */
import { spawn } from 'node:child_process';

/**
 * @typedef {object} TrialResult
 * @property {number} trials
 * @property {number} lost
 * @property {number} ms wall time of all trials
 * @property {string[]} misses what was expected and what came back, for the first few losses
 */

/**
 * Runs `work` with two busy loops keeping both cores of a small machine busy, as a loaded CI
 * runner would be. The loops are this process's own children, stopped by pid whatever happens.
 * @template T
 * @param {() => Promise<T>} work
 * @param {number} [count]
 * @returns {Promise<T>}
 */
export async function underLoad(work, count = 2) {
	const loops = Array.from({ length: count }, () =>
		spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' })
	);
	try {
		return await work();
	} finally {
		for (const loop of loops) if (loop.pid !== undefined) process.kill(loop.pid, 'SIGKILL');
	}
}

/** @param {import('@playwright/test').Page} page */
async function settled(page) {
	// The view has mounted and its effects (which put stored values into fields) have run.
	await page.evaluate(
		() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
	);
}

/**
 * @param {import('@playwright/test').Page} page
 * @param {(arg: any) => void} editAndLeave runs in the page: one edit, then `location.assign`
 * @param {unknown} arg
 */
async function editThenNavigate(page, editAndLeave, arg) {
	const loaded = page.waitForEvent('load');
	await page.evaluate(editAndLeave, arg);
	await loaded;
}

/**
 * @param {number} trials
 * @param {number} lost
 * @param {number} started
 * @param {string[]} misses
 * @returns {TrialResult}
 */
function result(trials, lost, started, misses) {
	return { trials, lost, ms: Math.round(performance.now() - started), misses: misses.slice(0, 5) };
}

/**
 * The goal statement, typed and left in the same task, `trials` times over.
 * @param {import('@playwright/test').Page} page
 * @param {number} trials
 * @returns {Promise<TrialResult>}
 */
export async function goalTrials(page, trials) {
	const started = performance.now();
	const box = page.locator('#goal-statement');
	await page.goto('/workbook/goal');
	await box.waitFor();
	let lost = 0;
	/** @type {string[]} */
	const misses = [];
	for (let i = 0; i < trials; i++) {
		const expected = `Lead a climate product team, trial ${i}`;
		await editThenNavigate(
			page,
			(/** @type {string} */ text) => {
				const el = /** @type {HTMLTextAreaElement} */ (document.querySelector('#goal-statement'));
				el.value = text;
				el.dispatchEvent(new Event('input', { bubbles: true }));
				location.assign('/workbook/goal');
			},
			expected
		);
		await box.waitFor();
		await settled(page);
		const got = await box.inputValue();
		if (got !== expected) {
			lost++;
			misses.push(`goal ${i}: "${got}"`);
		}
	}
	return result(trials, lost, started, misses);
}

/** Names that are never a prefix of one another, so a search finds exactly one. */
export const trialName = (/** @type {number} */ i) => `Trial person ${String(i).padStart(3, '0')}`;

/** @param {import('@playwright/test').Page} page */
async function peopleCount(page) {
	// "51 people", or "Showing 50 of 51 people" once the list has more than a page.
	const text = await page.getByTestId('people-count').textContent();
	return Number(/(\d+)\D*$/.exec(text ?? '')?.[1] ?? 0);
}

/**
 * Adds `trials` people from the People screen's "Add someone" form, each submit followed in the
 * same task by leaving the page. Returns the ids of everyone the screen announced.
 * @param {import('@playwright/test').Page} page
 * @param {number} trials
 * @returns {Promise<TrialResult>}
 */
export async function personTrials(page, trials) {
	const started = performance.now();
	await page.goto('/people');
	const form = page.getByLabel('Add someone');
	await form.waitFor();
	await settled(page);
	let expected = (await page.getByTestId('people-count').count()) ? await peopleCount(page) : 0;
	let lost = 0;
	/** @type {string[]} */
	const misses = [];
	for (let i = 0; i < trials; i++) {
		await editThenNavigate(
			page,
			(/** @type {string} */ name) => {
				const input = /** @type {HTMLInputElement} */ (document.querySelector('#new-name'));
				input.value = name;
				input.dispatchEvent(new Event('input', { bubbles: true }));
				input.form?.requestSubmit();
				location.assign('/people');
			},
			trialName(i)
		);
		expected++;
		await form.waitFor();
		await page.getByTestId('people-count').waitFor();
		await settled(page);
		const got = await peopleCount(page);
		if (got !== expected) {
			lost += expected - got;
			misses.push(`person ${i}: ${got} people, expected ${expected}`);
			expected = got;
		}
	}
	return result(trials, lost, started, misses);
}

/**
 * Ties one person to `trials` others (named by trialName(1…trials), already in the workbook),
 * each pick in "Add someone they know" followed in the same task by leaving the page.
 * @param {import('@playwright/test').Page} page
 * @param {string} personId
 * @param {number} trials
 * @returns {Promise<TrialResult>}
 */
export async function tieTrials(page, personId, trials) {
	const started = performance.now();
	const url = `/people/${personId}`;
	const picker = page.getByRole('combobox', { name: 'Add someone they know' });
	const ties = page.getByTestId('ties').getByRole('listitem');
	await page.goto(url);
	await picker.waitFor();
	await settled(page);
	let expected = await ties.count();
	let lost = 0;
	/** @type {string[]} */
	const misses = [];
	for (let i = 1; i <= trials; i++) {
		await editThenNavigate(
			page,
			(/** @type {{ name: string, url: string }} */ { name, url }) => {
				const label = [...document.querySelectorAll('label')].find(
					(l) => l.textContent?.trim() === 'Add someone they know'
				);
				const input = /** @type {HTMLInputElement} */ (
					document.getElementById(label?.htmlFor ?? '')
				);
				input.value = name;
				input.dispatchEvent(new Event('input', { bubbles: true }));
				input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
				location.assign(url);
			},
			{ name: trialName(i), url }
		);
		expected++;
		await picker.waitFor();
		await settled(page);
		const got = await ties.count();
		if (got !== expected) {
			lost += expected - got;
			misses.push(`tie ${i}: ${got} ties, expected ${expected}`);
			expected = got;
		}
	}
	return result(trials, lost, started, misses);
}

/**
 * Edits the goal and closes the browser straight after, `trials` times; each relaunch on the
 * same profile checks the previous edit is there.
 * @param {(profileDir?: string) => Promise<import('./chromium.js').PersistentContext>} launch
 * @param {number} trials
 * @returns {Promise<TrialResult>}
 */
export async function closeTrials(launch, trials) {
	const started = performance.now();
	let profileDir;
	let previous = '';
	let lost = 0;
	/** @type {string[]} */
	const misses = [];
	for (let i = 0; i <= trials; i++) {
		const context = await launch(profileDir);
		profileDir = context.profileDir;
		try {
			const page = context.pages()[0] ?? (await context.newPage());
			await page.goto('/workbook/goal');
			const box = page.locator('#goal-statement');
			await box.waitFor();
			await settled(page);
			const got = await box.inputValue();
			if (got !== previous) {
				lost++;
				misses.push(`close ${i - 1}: "${got}"`);
			}
			if (i === trials) break;
			previous = `Lead a climate product team, closed ${i}`;
			await page.evaluate((text) => {
				const el = /** @type {HTMLTextAreaElement} */ (document.querySelector('#goal-statement'));
				el.value = text;
				el.dispatchEvent(new Event('input', { bubbles: true }));
			}, previous);
		} finally {
			await context.close();
		}
	}
	return result(trials, lost, started, misses);
}

/**
 * The id of the person called `name`, from the People screen's search.
 * @param {import('@playwright/test').Page} page
 * @param {string} name
 */
export async function personId(page, name) {
	await page.goto('/people');
	await page.getByLabel('Search').fill(name);
	const link = page.getByTestId('people-list').getByRole('link', { name });
	const href = await link.getAttribute('href');
	return href?.split('/').pop() ?? '';
}

/** How many trials of each kind the issue asks for (0 lost in each). */
export const TRIALS = Object.freeze({ goal: 200, person: 50, tie: 50, close: 50 });

/**
 * All four trials on one browser (the close trials on their own persistent profiles), under
 * load. `scale` shrinks the counts for a quick look (1 = the full counts).
 * @param {object} options
 * @param {import('@playwright/test').Page} options.page a fresh page on the app
 * @param {(profileDir?: string) => Promise<import('./chromium.js').PersistentContext>} options.launch
 * @param {number} [options.scale]
 * @param {(line: string) => void} [options.log]
 */
export async function allTrials({ page, launch, scale = 1, log = () => {} }) {
	const n = (/** @type {number} */ full) => Math.max(1, Math.round(full * scale));
	return underLoad(async () => {
		const goal = await goalTrials(page, n(TRIALS.goal));
		log(`  goal: ${goal.lost} lost of ${goal.trials} (${goal.ms} ms) ${goal.misses.join('; ')}`);
		// One more person than ties: the first is the one everyone else is tied to.
		const person = await personTrials(page, n(TRIALS.person) + 1);
		log(
			`  person: ${person.lost} lost of ${person.trials} (${person.ms} ms) ${person.misses.join('; ')}`
		);
		const hub = await personId(page, trialName(0));
		const tie = await tieTrials(
			page,
			hub,
			Math.min(n(TRIALS.tie), person.trials - person.lost - 1)
		);
		log(`  tie: ${tie.lost} lost of ${tie.trials} (${tie.ms} ms) ${tie.misses.join('; ')}`);
		const close = await closeTrials(launch, n(TRIALS.close));
		log(
			`  close: ${close.lost} lost of ${close.trials} (${close.ms} ms) ${close.misses.join('; ')}`
		);
		return { goal, person, tie, close };
	});
}
