/**
 * Helpers for Village's browser tests. Import from './support' in a spec:
 *
 *   import { launchPersistent, startApp, checkA11y, shoot, waitForSaved } from './support';
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { startStaticServer, type StaticServer } from '../../../src/server/static.js';
import { launchPersistent as launchPersistentContext, type PersistentContext } from './chromium.js';
import { repoRoot, screensDir } from './paths';
import { BASE_URL } from './servers';

export {
	CHROMIUM_ARGS,
	CHROMIUM_PATH,
	LAUNCH_ARGS,
	MEDIA_PERMISSIONS,
	WEBRTC_ARGS,
	launchBrowser,
	launchOptions,
	tempProfileDir,
	type PersistentContext
} from './chromium.js';
export { isLoopbackOnly } from './netns.js';
export { watchPolicies, type PolicyWatch } from './security';
export { outputDir, repoRoot, screensDir } from './paths';
export { APP_PORT, BASE_URL, HOST, SIGNALING_PORT, SIGNALING_URL } from './servers';

type PersistentOptions = NonNullable<Parameters<typeof launchPersistentContext>[1]>;

/**
 * A persistent Chromium context (its own browser) with the project's flags, on `profileDir` or a
 * fresh temp profile (removed when the worker exits). `baseURL` defaults to the suite's app
 * server. To check persistence: `const a = await launchPersistent(); …; await a.close();
 * const b = await launchPersistent(a.profileDir);`.
 */
export function launchPersistent(
	profileDir?: string,
	options: PersistentOptions = {}
): Promise<PersistentContext> {
	return launchPersistentContext(profileDir, { baseURL: BASE_URL, ...options });
}

export interface AppServer {
	/** e.g. `http://127.0.0.1:39113` (same port across restarts). */
	readonly url: string;
	readonly port: number;
	/** True while listening. */
	readonly running: boolean;
	/** Stops listening and drops open connections (the page then sees "connection refused"). */
	stop(): Promise<void>;
	/** Listens again on the same port (a service worker is scoped to the origin, port included). */
	restart(): Promise<void>;
	/** Same as stop(); for `afterAll`/`finally`. */
	close(): Promise<void>;
}

/**
 * A private static server over build/ on a free port, for tests that stop the server ("go
 * offline") and restart it on the same origin.
 */
export async function startApp({ root = path.join(repoRoot, 'build') } = {}): Promise<AppServer> {
	let server: StaticServer | null = await startStaticServer({ root, host: '127.0.0.1', port: 0 });
	const { url, port } = server;
	const stop = async () => {
		const s = server;
		server = null;
		await s?.close();
	};
	return {
		url,
		port,
		get running() {
			return server !== null;
		},
		stop,
		async restart() {
			await stop();
			server = await startStaticServer({ root, host: '127.0.0.1', port });
		},
		close: stop
	};
}

export interface A11yOptions {
	/** CSS selectors to limit the scan to. */
	include?: string[];
	/** CSS selectors to leave out. */
	exclude?: string[];
	/** axe rule ids to skip (say why in the test). */
	disableRules?: string[];
}

export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe (WCAG 2.0/2.1 A+AA and 2.2 AA rules) on the page as it is now and throws a readable
 * list of violations — id, impact, help, target selectors — if there are any.
 */
export async function checkA11y(page: Page, options: A11yOptions = {}) {
	let builder = new AxeBuilder({ page }).withTags(A11Y_TAGS);
	for (const selector of options.include ?? []) builder = builder.include(selector);
	for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
	if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
	const results = await builder.analyze();
	if (results.violations.length > 0) {
		const lines = results.violations.map((v) => {
			const targets = v.nodes
				.slice(0, 10)
				.map((n) => `      ${n.target.map(String).join(' ')}`)
				.join('\n');
			const more = v.nodes.length > 10 ? `\n      … and ${v.nodes.length - 10} more` : '';
			return `  - ${v.id} [${v.impact ?? 'n/a'}]: ${v.help}\n    ${v.helpUrl}\n${targets}${more}`;
		});
		throw new Error(
			`axe found ${results.violations.length} accessibility violation(s) on ${page.url()}:\n` +
				lines.join('\n')
		);
	}
	return results;
}

export interface ShootOptions {
	widths?: number[];
	schemes?: Array<'light' | 'dark'>;
	fullPage?: boolean;
}

/**
 * Full-page screenshots at each width × colour scheme, saved as
 * tests/output/screens/NAME-WIDTH-SCHEME.png. Restores the viewport and colour scheme after.
 * Returns the file paths.
 */
export async function shoot(
	page: Page,
	name: string,
	{ widths = [1280, 360], schemes = ['light', 'dark'], fullPage = true }: ShootOptions = {}
): Promise<string[]> {
	mkdirSync(screensDir, { recursive: true });
	const original = page.viewportSize();
	const originalScheme = await page.evaluate(() =>
		matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
	);
	const height = original?.height ?? 800;
	const files: string[] = [];
	try {
		for (const width of widths) {
			await page.setViewportSize({ width, height });
			for (const colorScheme of schemes) {
				await page.emulateMedia({ colorScheme });
				await settle(page);
				const file = path.join(screensDir, `${name}-${width}-${colorScheme}.png`);
				await page.screenshot({ path: file, fullPage, animations: 'disabled' });
				files.push(file);
			}
		}
	} finally {
		if (original) await page.setViewportSize(original);
		await page.emulateMedia({ colorScheme: originalScheme });
	}
	return files;
}

/**
 * From the top of the page (a sticky header would otherwise be drawn mid-page in a full-page
 * shot), after two animation frames and loaded fonts: layout and styles have caught up.
 */
async function settle(page: Page) {
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				window.scrollTo(0, 0);
				void document.fonts?.ready.then(() =>
					requestAnimationFrame(() => requestAnimationFrame(() => resolve()))
				);
			})
	);
}

/**
 * Waits until a service worker controls the page: waits for a registration to become active,
 * then reloads once if the page is still uncontrolled (the first visit is not controlled unless
 * the worker claims clients). Throws a clear message after `timeout` ms.
 */
export async function waitForServiceWorker(page: Page, { timeout = 15_000 } = {}): Promise<void> {
	const controlled = () => page.evaluate(() => !!navigator.serviceWorker?.controller);
	if (await controlled()) return;
	const deadline = Date.now() + timeout;
	const active = await page.evaluate(async (ms) => {
		if (!('serviceWorker' in navigator)) return 'unsupported';
		const end = Date.now() + ms;
		while (Date.now() < end) {
			if (navigator.serviceWorker.controller) return 'controlled';
			const registration = await navigator.serviceWorker.getRegistration();
			if (registration?.active) return 'active';
			await new Promise((r) => setTimeout(r, 50));
		}
		return 'timeout';
	}, timeout);
	if (active === 'unsupported') throw new Error('This page has no navigator.serviceWorker.');
	if (active === 'timeout') {
		throw new Error(
			`No service worker became active within ${timeout} ms on ${page.url()} — does the app register one?`
		);
	}
	if (active === 'active' && !(await controlled())) await page.reload();
	await page
		.waitForFunction(() => !!navigator.serviceWorker.controller, null, {
			timeout: Math.max(1000, deadline - Date.now()),
			polling: 50
		})
		.catch(() => {
			throw new Error(
				`A service worker is active but does not control ${page.url()} after a reload.`
			);
		});
}

/**
 * Waits until the bar says "Saved on this device", which it does only once every edit so far
 * is committed to storage. Call it after an edit and before leaving the page, reloading or
 * closing the browser, as a person who glanced at the status would. A list or count on screen
 * is no such sign: the screen shows an edit from memory before storage has it.
 */
export async function waitForSaved(page: Page, { timeout = 10_000 } = {}): Promise<void> {
	await expect(page.getByRole('status').filter({ hasText: /^Saved on this device$/ })).toBeVisible({
		timeout
	});
}
