// @ts-check
/**
 * The encrypted relay on loopback (src/server/relay.js, in this process, persisting to a temp
 * folder) with two Node clients (RelaySync, loaded through Vite like the app's own code):
 *
 * - store-and-forward latency: A changes its document → B has applied it (seal, append, relay,
 *   open, check, apply), median of LATENCY_RUNS. Target: under 100 ms.
 * - mailbox bytes after 1,000 edits, each sealed and appended on its own (the worst case: a
 *   keystroke, then a pause), with compaction, against the plain Yjs state of the same document.
 *   Target: under 2× the plain state.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startRelayServer } from '../../../src/server/relay.js';
import { median } from '../lib/workbook-seed.js';

const LATENCY_RUNS = 30;
const EDITS = 1000;
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * relay.ts through Vite's SSR loader (no config, so no app plugins). The loader stays open while
 * the case runs: relay.ts imports @hocuspocus/provider lazily, through it.
 */
async function loadRelaySync() {
	const { createServer } = await import('vite');
	const vite = await createServer({
		root: repoRoot,
		configFile: false,
		logLevel: 'error',
		appType: 'custom',
		server: { middlewareMode: true, hmr: false, watch: null }
	});
	const module = /** @type {typeof import('../../../src/lib/adapters/sync/relay.ts')} */ (
		await vite.ssrLoadModule('/src/lib/adapters/sync/relay.ts')
	);
	const crypto = /** @type {typeof import('../../../src/lib/adapters/sync/relay-crypto.ts')} */ (
		await vite.ssrLoadModule('/src/lib/adapters/sync/relay-crypto.ts')
	);
	return {
		RelaySync: module.RelaySync,
		deriveRelayKeys: crypto.deriveRelayKeys,
		close: () => vite.close()
	};
}

/**
 * @param {Y.Doc} doc
 * @param {() => boolean} check
 */
function when(doc, check) {
	return new Promise((resolve, reject) => {
		if (check()) return resolve(undefined);
		const timer = setTimeout(() => reject(new Error('a change never arrived')), 10000);
		const onUpdate = () => {
			if (!check()) return;
			clearTimeout(timer);
			doc.off('update', onUpdate);
			resolve(undefined);
		};
		doc.on('update', onUpdate);
	});
}

export default {
	name: 'relay',
	/** @param {import('../lib/harness.js').BenchContext} ctx */
	async run({ log }) {
		const { RelaySync, deriveRelayKeys, close: closeLoader } = await loadRelaySync();
		const dataDir = mkdtempSync(path.join(tmpdir(), 'village-relay-bench-'));
		const relay = await startRelayServer({
			port: 0,
			host: '127.0.0.1',
			dataDir,
			redisUrl: null,
			throttle: false
		});
		/** @type {Array<{ close(): void }>} */
		const links = [];
		/**
		 * @param {Y.Doc} doc
		 * @param {string} secret
		 */
		const connect = (doc, secret) => {
			const link = new RelaySync(doc, { url: relay.url, secret, WebSocketPolyfill: WebSocket });
			links.push(link);
			return link;
		};
		try {
			// Latency: both online, A edits, B applies.
			const a = new Y.Doc();
			const b = new Y.Doc();
			const linkA = connect(a, 'bench-latency');
			const linkB = connect(b, 'bench-latency');
			await Promise.all([linkA.settled(), linkB.settled()]);
			await new Promise((resolve) => {
				const off = linkB.subscribe((s) => {
					if (s.lastSynced === null) return;
					queueMicrotask(() => off());
					resolve(undefined);
				});
			});
			/** @type {number[]} */
			const latencies = [];
			for (let i = 0; i < LATENCY_RUNS; i++) {
				const arrived = when(b, () => b.getMap('checkins').get(`w${i}`) !== undefined);
				const started = performance.now();
				a.getMap('checkins').set(`w${i}`, `Week ${i}: one coffee, one introduction`);
				await arrived;
				latencies.push(performance.now() - started);
			}
			log(`  latencies (ms): ${latencies.map((l) => l.toFixed(1)).join(' ')}`);

			// Size: 1,000 edits, each its own entry, compaction on.
			const c = new Y.Doc();
			const linkC = connect(c, 'bench-size');
			await linkC.settled();
			const text = c.getText('commitment');
			const words = 'Introduce Keiko to Marcus before the planning offsite in March. ';
			for (let i = 0; i < EDITS; i++) {
				text.insert(text.length, words[i % words.length] ?? ' ');
				await linkC.settled();
			}
			const plain = Y.encodeStateAsUpdate(c).byteLength;
			log(`  the client sees ${linkC.status.entries} entries, ${linkC.status.bytes} sealed bytes`);
			for (const link of links.splice(0)) link.close();
			await relay.close();
			const { mailbox } = await deriveRelayKeys('bench-size');
			const mailboxBytes = readFileSync(path.join(dataDir, `${mailbox}.ystate`)).byteLength;
			log(`  plain state ${plain} B; the mailbox file ${mailboxBytes} B`);
			return [
				{
					name: 'relay: store-and-forward latency, median',
					value: median(latencies),
					unit: 'ms',
					target: 100,
					better: 'lower'
				},
				{
					name: `relay: mailbox bytes after ${EDITS} edits`,
					value: mailboxBytes,
					unit: 'B',
					better: 'lower'
				},
				{
					name: 'relay: mailbox ÷ plain document state',
					value: mailboxBytes / plain,
					unit: '×',
					target: 2,
					better: 'lower'
				}
			];
		} finally {
			for (const link of links.splice(0)) link.close();
			await relay.close();
			await closeLoader();
			rmSync(dataDir, { recursive: true, force: true });
		}
	}
};
