/**
 * Browser tests. Run them with `npm test` (or `node tests/run.js --e2e-only [-- <args>]`), which
 * builds the app and starts Playwright inside a loopback-only network namespace; global-setup
 * refuses to start anywhere else.
 */
import { defineConfig } from '@playwright/test';
import { MEDIA_PERMISSIONS, launchOptions } from './support/chromium.js';
import { outputDir } from './support/paths';
import { BASE_URL } from './support/servers';

export default defineConfig({
	testDir: '.',
	testMatch: '**/*.spec.ts',
	outputDir: `${outputDir}/playwright`,
	// Two cores: two workers, one file each at a time. Every test gets its own browser context
	// (own IndexedDB, service workers, caches), so files do not see each other's data.
	workers: Number(process.env.PW_WORKERS ?? 2),
	fullyParallel: false,
	retries: 0,
	forbidOnly: !!process.env.CI,
	timeout: 30_000,
	// Tests wait for what a person would see; on a two-core machine running two busy loops
	// beside two browsers, a cold first open of the workbook was seen to take over 5 s.
	expect: { timeout: 15_000 },
	reporter: [['list'], ['json', { outputFile: `${outputDir}/playwright.json` }]],
	globalSetup: './support/global-setup.ts',
	projects: [
		{ name: 'app', testIgnore: /durability\.spec\.ts$/ },
		// The durability trials start their own busy loops: they run once the rest is done, so
		// that their load never times out another test.
		{ name: 'durability', testMatch: /durability\.spec\.ts$/, dependencies: ['app'] }
	],
	use: {
		baseURL: BASE_URL,
		browserName: 'chromium',
		launchOptions: launchOptions(),
		// Loopback WebRTC under the app's Permissions-Policy (support/chromium.js).
		permissions: [...MEDIA_PERMISSIONS],
		screenshot: 'only-on-failure',
		trace: 'off',
		serviceWorkers: 'allow'
	}
});
