// @ts-check
/**
 * How this project launches Chromium: one place for the executable, the flags and persistent
 * profiles, shared by the Playwright config, the browser-test helpers and the benchmarks.
 * Plain JS (JSDoc-typed) so Node runs it without a TypeScript loader.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

/** Debian's Chromium; `CHROMIUM_PATH` overrides. Never `npx playwright install` here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags that work headless as root (see /work/shared/TESTING.md). */
export const CHROMIUM_ARGS = Object.freeze([
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
]);

/**
 * WebRTC between two browsers in a loopback-only namespace needs both of these (without them
 * Chromium gathers no ICE candidates and fails silently). Harmless elsewhere: the browser suite
 * and the benchmarks only ever run inside a namespace that has nothing but loopback.
 * Under the app's `Permissions-Policy: camera=(), microphone=()` the fake-UI flag is no longer
 * enough (measured: no ICE candidate at all, gathering never completes): a context must also be
 * granted MEDIA_PERMISSIONS; tests/e2e/security.spec.ts shows a data channel connecting with it.
 * The grant does not switch the camera on for the page: the policy still keeps it off.
 */
export const WEBRTC_ARGS = Object.freeze([
	'--allow-loopback-in-peer-connection',
	'--use-fake-ui-for-media-stream'
]);

/** What a context grants so loopback ICE works under the app's Permissions-Policy (above). */
export const MEDIA_PERMISSIONS = Object.freeze(['camera', 'microphone']);

/** Everything the project passes to Chromium. */
export const LAUNCH_ARGS = Object.freeze([...CHROMIUM_ARGS, ...WEBRTC_ARGS]);

/** @returns {import('@playwright/test').LaunchOptions} */
export function launchOptions() {
	return { executablePath: CHROMIUM_PATH, args: [...LAUNCH_ARGS] };
}

/**
 * A plain (non-persistent) Chromium with the project's flags.
 * @param {import('@playwright/test').LaunchOptions} [options]
 */
export function launchBrowser(options = {}) {
	return chromium.launch({ ...launchOptions(), ...options });
}

/** Temp profiles made by launchPersistent(), removed when the process exits. */
const tempProfiles = new Set();
process.once('exit', () => {
	for (const dir of tempProfiles) rmSync(dir, { recursive: true, force: true });
});

/** @returns {string} a fresh, empty profile folder (deleted when the process exits) */
export function tempProfileDir() {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'village-profile-'));
	tempProfiles.add(dir);
	return dir;
}

/**
 * @typedef {import('@playwright/test').BrowserContext & { profileDir: string }} PersistentContext
 */

/**
 * A persistent Chromium context (its own browser process) on `profileDir`, a fresh temp profile
 * by default. Close it and call again with `context.profileDir` to relaunch on the same profile
 * (IndexedDB, service worker and caches survive).
 * @param {string} [profileDir]
 * @param {Parameters<typeof chromium.launchPersistentContext>[1]} [options] e.g. `{ baseURL }`
 * @returns {Promise<PersistentContext>}
 */
export async function launchPersistent(profileDir, options = {}) {
	const dir = profileDir ?? tempProfileDir();
	const context = await chromium.launchPersistentContext(dir, {
		...launchOptions(),
		permissions: [...MEDIA_PERMISSIONS],
		...options,
		args: [...LAUNCH_ARGS, ...(options.args ?? [])]
	});
	return Object.assign(context, { profileDir: dir });
}
