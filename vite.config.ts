import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Modules the bundler may place purely by what uses them, so a barrel that re-exports them
 * (svelte/internal/client, $lib/doc) does not drag them onto screens that never use them.
 * - src/lib's TypeScript: "nothing runs at import time" is a rule of this codebase (README),
 *   but a top-level `new Map()` or a helper call building a constant looks like an effect.
 * - Svelte's form-binding helpers: Svelte declares no "sideEffects"; they only define
 *   functions, pure constants and /* @__PURE__ *\/ instances, and Home binds no form field.
 */
const SIDE_EFFECT_FREE = [
	/[\\/]src[\\/]lib[\\/][^?]*\.ts$/,
	/[\\/]svelte[\\/]src[\\/]internal[\\/]client[\\/]dom[\\/]elements[\\/]bindings[\\/][^?]*\.js$/
];

/**
 * simple-peer (y-webrtc's) and Papa Parse ship only UMD builds. Bundled as CommonJS they need
 * the bundler's CommonJS helpers, which then become a chunk of their own that every page loads
 * (627 B gzipped on Home) rather than a few lines inside the core chunk. Both only fill
 * `module.exports` when `module` and `exports` exist, so give them those as module-local
 * variables and export the result: they become ES modules with the same default export.
 */
const UMD_ONLY =
	/[\\/]node_modules[\\/](simple-peer[\\/]simplepeer|papaparse[\\/]papaparse)\.min\.js$/;
function umdAsModules(): Plugin {
	return {
		name: 'village:umd-as-modules',
		enforce: 'pre',
		transform(code, id) {
			if (!UMD_ONLY.test(id)) return null;
			return {
				code: `var module = { exports: {} }, exports = module.exports, require;\n${code}\nexport default module.exports;\n`,
				map: null
			};
		}
	};
}

/** Colours shared by the manifest and app.html's theme-color. */
const THEME_COLOUR = '#1d5c57';

/**
 * What every screen loads through the root layout and Home: the document and storage layers,
 * the session, and the rules Home shows. Gzip works per file, and as a dozen small chunks these
 * compressed ~3 KB worse than as one. Modules only other screens use stay out (People's rules,
 * the specs of records Home never reads, step content, the shared-space schema and every sync
 * transport but the tab link: WebRTC, relay, sync files, loaded with import() by the screens
 * that use them), so Home does not carry them. Adapters are listed by name, not excluded, so a
 * new transport stays off Home unless it is added here on purpose.
 */
const CORE =
	/[\\/]src[\\/]lib[\\/](doc[\\/](?!specs[\\/]|index\.|snapshot\.|partner\.)|doc[\\/]specs[\\/](contact|slot|action)\.|adapters[\\/](persistence[\\/]|sync[\\/](tabs|types)\.)|state[\\/](session|reactive|fields|records|context|open|pwa|settings|home|workbook|progress|partnerConfig)|model[\\/](dates|records|stepIds|answers|diagnosis|goal|value|progress|week|cadence|cadenceDefaults|names|duration)\.|content[\\/](outline|slots))|[\\/]src[\\/]routes[\\/]\+(layout|error)\.(svelte|ts)$/;
/**
 * Vite's preload helper: left alone it is a chunk of its own that every page fetches (828 B
 * gzipped on Home); inside the core chunk, which every page loads anyway, it costs ~300 B.
 */
const BUNDLER_HELPERS = /^\0vite[\\/]preload-helper\.js$/;

/**
 * SvelteKit's client router and Svelte's version marker load on every page too; as chunks of
 * their own they compressed apart from the Svelte runtime they share most words with.
 */
const FRAMEWORK_ON_EVERY_PAGE =
	/[\\/]node_modules[\\/](@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/](client|app)[\\/]|svelte[\\/]src[\\/]internal[\\/]disclose-version\.js$)/;

/**
 * The WebRTC stack (y-webrtc, y-protocols, simple-peer) gets its own copy of the lib0 modules
 * it imports. Yjs needs lib0 on every page, so lib0's modules sit in the core chunk, and a
 * module lands whole: every lib0 export that partner sync used (deep equality, the old
 * Observable, the coloured module logger, storage events…) rode along on Home. lib0's modules
 * are stateless helpers working on plain objects, so a second copy behaves the same; it only
 * loads with partner sync.
 */
const WEBRTC_STACK = /[\\/]node_modules[\\/](y-webrtc|y-protocols|simple-peer)[\\/][^?]*\.js$/;
const LIB0 = fileURLToPath(new URL('./node_modules/lib0/', import.meta.url));
const LIB0_COPY = /[\\/]node_modules[\\/]lib0[\\/][^?]*\.js\?webrtc$/;
function webrtcOwnLib0(): Plugin {
	const copy = (quote: string, name: string, whole: string) => {
		const file = `${LIB0}${name}.js`;
		return existsSync(file) ? `${quote}${file}?webrtc${quote}` : whole;
	};
	return {
		name: 'village:webrtc-own-lib0',
		enforce: 'pre',
		transform(code, id) {
			// Bare specifiers are resolved before plugins see them, so point them at the file.
			// lib0/logging: the console logger, as the alias below does for everyone else.
			if (WEBRTC_STACK.test(id))
				return code.replace(/(['"])lib0\/([\w-]+)\1/g, (whole, quote: string, name: string) =>
					copy(quote, name === 'logging' ? 'logging.node' : name, whole)
				);
			// The copies import copies, so nothing they use lands in the shared modules.
			if (LIB0_COPY.test(id))
				return code.replace(/(['"])\.\/([\w.-]+)\.js\1/g, (whole, quote: string, name: string) =>
					copy(quote, name, whole)
				);
			return null;
		}
	};
}
const BACKGROUND_COLOUR = '#faf7f2';

export default defineConfig({
	plugins: [
		webrtcOwnLib0(),
		umdAsModules(),
		sveltekit(),
		SvelteKitPWA({
			// 'prompt': a waiting service worker is announced in the UI and only takes over
			// when the user says so, so an update never reloads a page mid-sentence.
			registerType: 'prompt',
			injectRegister: false,
			strategies: 'generateSW',
			kit: { adapterFallback: 'index.html', spa: true },
			manifest: {
				id: '/',
				name: 'Village — your strategic-networking workbook',
				short_name: 'Village',
				description:
					'Build the network your career goal needs: a workbook that lives on your device.',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				theme_color: THEME_COLOUR,
				background_color: BACKGROUND_COLOUR,
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
					{
						src: '/icons/icon-maskable-512.png',
						sizes: '512x512',
						type: 'image/png',
						purpose: 'maskable'
					}
				]
			},
			workbox: {
				// Precache every built asset so the whole app works offline after one visit.
				globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,json,woff2}'],
				// navigateFallback comes from kit.adapterFallback: deep links open cold offline.
				cleanupOutdatedCaches: true,
				maximumFileSizeToCacheInBytes: 4 * 1024 * 1024
			}
		})
	],
	resolve: {
		alias: [
			{
				// Yjs prints a few warnings through lib0/logging, whose browser build brings lib0's
				// DOM and schema toolkits (≈3 KB gzipped) onto every page to style them, and whose
				// console build still styles for a terminal. Ours prints plainly to the console.
				find: /^lib0\/logging$/,
				replacement: fileURLToPath(new URL('./src/lib/adapters/lib0-logging.ts', import.meta.url))
			}
		]
	},
	build: {
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						{
							name: 'core',
							test: (id) =>
								CORE.test(id) || BUNDLER_HELPERS.test(id) || FRAMEWORK_ON_EVERY_PAGE.test(id)
						}
					]
				}
			},
			treeshake: {
				moduleSideEffects: (id: string) =>
					SIDE_EFFECT_FREE.some((pattern) => pattern.test(id)) ? false : undefined
			}
		}
	},
	server: { host: '127.0.0.1' },
	preview: { host: '127.0.0.1', port: 4173, strictPort: true },
	test: {
		reporters: ['default'],
		// CI shares two cores with whatever else runs: a test that parses a megabyte or starts a
		// server may take several seconds there. A hung test still fails, after 30 s, not 5.
		testTimeout: 30_000,
		hookTimeout: 30_000,
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' }
			},
			{
				// Runes need Svelte's client runtime: on the server build effects never run.
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'runes',
					include: ['tests/unit/**/*.test.svelte.ts'],
					environment: './tests/unit/client-environment.ts'
				}
			}
		]
	}
});
