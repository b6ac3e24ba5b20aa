// @ts-check
/**
 * Gzipped size (zlib level 9, file by file) of all the JS the first route (`/`) makes the page
 * load — entry, chunks, modulepreloads and anything fetched by the time the network is idle —
 * not counting the service worker script and workbox. Target (DESIGN.md): ≤ 70 KB.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const SERVICE_WORKER = /^\/(sw\.js|workbox-[^/]*\.js|registerSW\.js)$/;

export default {
	name: 'first-route-js',
	/** @param {import('../lib/harness.js').BenchContext} ctx */
	async run({ baseUrl, browser, buildDir, log, verbose }) {
		const context = await browser.newContext();
		const page = await context.newPage();
		/** @type {Set<string>} */
		const scripts = new Set();
		page.on('response', (response) => {
			const url = new URL(response.url());
			if (url.origin !== new URL(baseUrl).origin) return;
			const type = response.request().resourceType();
			if (!url.pathname.endsWith('.js') && type !== 'script') return;
			if (SERVICE_WORKER.test(url.pathname)) return;
			scripts.add(decodeURIComponent(url.pathname));
		});
		try {
			await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
		} finally {
			await context.close();
		}
		if (scripts.size === 0) throw new Error('the first route loaded no JS at all');
		let total = 0;
		for (const urlPath of [...scripts].sort()) {
			const file = path.join(buildDir, urlPath);
			if (!file.startsWith(buildDir + path.sep) || !existsSync(file)) {
				throw new Error(`${urlPath} was loaded but is not a file in build/`);
			}
			const gz = gzipSync(readFileSync(file), { level: 9 }).length;
			total += gz;
			if (verbose) log(`  ${String(gz).padStart(7)} B  ${urlPath}`);
		}
		return [
			{
				name: 'first-route JS (gzip -9)',
				value: total,
				unit: 'B',
				target: 70 * 1024,
				better: 'lower'
			},
			{ name: 'first-route JS files', value: scripts.size, unit: 'files', better: 'lower' }
		];
	}
};
