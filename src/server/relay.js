// @ts-check
/**
 * The Village relay: store-and-forward for partners and devices that are never online at the same
 * time. It is Hocuspocus (3.4, for Node 20) whose documents are mailboxes: each holds one `Y.Array`
 * of entries the clients sealed with AES-GCM (src/lib/adapters/sync/relay-crypto.ts). The relay
 * never sees a key, a name or a word of the workbook; a mailbox's name is derived from the
 * space's secret and says nothing about it.
 *
 * - binds 127.0.0.1 unless `host` or the `HOST` env var says otherwise;
 * - persists each mailbox as one file in a data folder (Hocuspocus's Database extension), written
 *   atomically (temp file + rename) and merged with what is on disk, so processes that share the
 *   folder never overwrite each other's entries;
 * - `REDIS_URL` switches on Hocuspocus's Redis extension: several relay processes (behind a load
 *   balancer) then serve the same mailboxes live;
 * - limits: message size, mailbox size (a change that would grow a mailbox past it is refused and
 *   the connection closed; a change that shrinks it, like a compaction, always passes),
 *   connections in all and per address, and Hocuspocus's Throttle extension (connection attempts
 *   per address per minute);
 * - logs no mailbox names, no addresses, no content.
 *
 * CLI: `node src/server/relay.js` (env `RELAY_PORT`, default 4445; `HOST`, default 127.0.0.1;
 * `RELAY_DATA`, default `relay-data/` in the repository; `REDIS_URL`, e.g. redis://127.0.0.1:6379;
 * `RELAY_MAX_MESSAGE_BYTES` and `RELAY_MAX_MAILBOX_BYTES` change those two limits).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Throttle } from '@hocuspocus/extension-throttle';
import { Hocuspocus } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { guardUpgrades, listen, urlFor } from './limits.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** Mailbox names are 32 HKDF bytes in base64url; anything else is not ours and is refused. */
export const MAILBOX_NAME = /^[A-Za-z0-9_-]{43}$/;

/** The close code a client gets when its change would make the mailbox too big. */
export const MAILBOX_FULL = Object.freeze({ code: 4413, reason: 'Mailbox full' });

export const DEFAULTS = Object.freeze({
	/** A sealed snapshot of a large workbook (several MB of text) must still fit in one message. */
	maxMessageBytes: 8 * 1024 * 1024,
	/** Clients compact long before this; it stops a broken or hostile client filling the disk. */
	maxMailboxBytes: 32 * 1024 * 1024,
	maxConnections: 1024,
	/** A person's devices plus a few partners behind one home router. */
	maxConnectionsPerAddress: 32,
	/** Connection attempts per address per minute before a one-minute ban. */
	throttle: 60,
	/** ms of quiet before a changed mailbox is written to disk (Hocuspocus debounce). */
	storeDelay: 1000
});

/**
 * @typedef {object} RelayOptions
 * @property {string} [host] default `HOST` env or 127.0.0.1
 * @property {number} [port] default `RELAY_PORT` env or 4445; 0 picks a free port
 * @property {string} [dataDir] default `RELAY_DATA` env or `relay-data/` in the repository
 * @property {string | null} [redisUrl] default `REDIS_URL` env; null or '' for none
 * @property {number} [maxMessageBytes] a bigger WebSocket message closes the connection (1009)
 * @property {number} [maxMailboxBytes] a change that grows a mailbox past this is refused (4413)
 * @property {number} [maxConnections] further upgrades get HTTP 503
 * @property {number} [maxConnectionsPerAddress] further upgrades from that address get HTTP 429
 * @property {number | false} [throttle] connection attempts per address per minute; false: off
 * @property {number} [storeDelay] ms of quiet before a mailbox is written
 * @property {(line: string) => void} [log] default: silent
 */

/**
 * @typedef {object} RelayServer
 * @property {string} url e.g. `ws://127.0.0.1:4445`
 * @property {string} host
 * @property {number} port
 * @property {string} dataDir
 * @property {http.Server} server
 * @property {Hocuspocus} hocuspocus
 * @property {() => number} connections open WebSocket connections right now
 * @property {() => Promise<void>} close stores every open mailbox, drops every connection, stops
 */

/**
 * The Yjs update a Hocuspocus message carries, or null for messages that carry none
 * (sync step 1, awareness, auth, stateless…). Throws on a malformed message.
 * @param {Uint8Array} data
 * @returns {Uint8Array | null}
 */
export function updateInMessage(data) {
	const decoder = decoding.createDecoder(data);
	decoding.readVarString(decoder); // the document name
	const type = decoding.readVarUint(decoder);
	if (type !== 0 && type !== 4) return null; // Sync and SyncReply carry y-protocols sync messages
	const syncType = decoding.readVarUint(decoder);
	if (syncType !== 1 && syncType !== 2) return null; // step 2 and update carry an update
	return decoding.readVarUint8Array(decoder);
}

/**
 * Files of the data folder: one per mailbox, `<name>.ystate`, holding its Yjs state.
 * @param {string} dataDir
 */
export function fileStore(dataDir) {
	/** @param {string} name */
	const file = (name) => {
		if (!MAILBOX_NAME.test(name)) throw new Error('not a mailbox name');
		return path.join(dataDir, `${name}.ystate`);
	};
	/** @param {string} name @returns {Promise<Uint8Array | null>} */
	const fetch = async (name) => {
		try {
			return new Uint8Array(await readFile(file(name)));
		} catch (err) {
			if (/** @type {NodeJS.ErrnoException} */ (err).code === 'ENOENT') return null;
			throw err;
		}
	};
	/** Writes are chained per mailbox, so a read-merge-write never races another in this process. */
	/** @type {Map<string, Promise<void>>} */
	const queue = new Map();
	/**
	 * @param {string} name
	 * @param {Uint8Array} state
	 */
	const store = (name, state) => {
		const run = async () => {
			const target = file(name);
			await mkdir(dataDir, { recursive: true });
			// Another process sharing the folder may have stored entries this one has not seen:
			// merge rather than overwrite. Yjs states merge without loss, and re-encoding drops
			// the content of deleted (compacted) entries.
			const existing = await fetch(name);
			let merged = state;
			if (existing) {
				const doc = new Y.Doc();
				try {
					Y.applyUpdate(doc, existing);
				} catch {
					// A damaged file: what this process holds replaces it.
				}
				Y.applyUpdate(doc, state);
				merged = Y.encodeStateAsUpdate(doc);
				doc.destroy();
			}
			const temp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
			try {
				await writeFile(temp, merged);
				await rename(temp, target);
			} catch (err) {
				await rm(temp, { force: true });
				throw err;
			}
		};
		const next = (queue.get(name) ?? Promise.resolve()).then(run, run);
		queue.set(name, next);
		const done = next.finally(() => {
			if (queue.get(name) === next) queue.delete(name);
		});
		return done;
	};
	return { fetch, store, file };
}

/**
 * @param {RelayOptions} [options]
 * @returns {Promise<RelayServer>}
 */
export async function startRelayServer(options = {}) {
	const {
		host = process.env.HOST ?? '127.0.0.1',
		port = Number(process.env.RELAY_PORT ?? 4445),
		dataDir = path.resolve(process.env.RELAY_DATA ?? path.join(repo, 'relay-data')),
		redisUrl = process.env.REDIS_URL ?? null,
		maxMessageBytes = Number(process.env.RELAY_MAX_MESSAGE_BYTES || DEFAULTS.maxMessageBytes),
		maxMailboxBytes = Number(process.env.RELAY_MAX_MAILBOX_BYTES || DEFAULTS.maxMailboxBytes),
		maxConnections = DEFAULTS.maxConnections,
		maxConnectionsPerAddress = DEFAULTS.maxConnectionsPerAddress,
		throttle = DEFAULTS.throttle,
		storeDelay = DEFAULTS.storeDelay,
		log = () => {}
	} = options;

	const files = fileStore(dataDir);
	/** Mailbox name → its size in bytes, an upper bound kept cheaply between exact measurements. */
	/** @type {Map<string, number>} */
	const sizes = new Map();

	/** @type {import('@hocuspocus/server').Extension[]} */
	const extensions = [
		new Database({
			fetch: ({ documentName }) => files.fetch(documentName),
			store: ({ documentName, state }) => files.store(documentName, state)
		})
	];
	if (throttle) {
		extensions.push(new Throttle({ throttle, consideredSeconds: 60, banTime: 1 }));
	}
	/** @type {Redis | null} */
	let redis = null;
	if (redisUrl) {
		const u = new URL(redisUrl);
		redis = new Redis({
			host: u.hostname || '127.0.0.1',
			port: Number(u.port || 6379),
			prefix: 'village-relay',
			options: {
				...(u.password ? { password: decodeURIComponent(u.password) } : {}),
				...(u.username ? { username: decodeURIComponent(u.username) } : {}),
				...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {})
			}
		});
		extensions.push(redis);
		// Accept no client before both Redis connections are ready: a mailbox loaded earlier would
		// subscribe on a connection still in its ready check, which ioredis then fails ("only
		// subscriber commands may be used"), and that relay would miss the others' changes.
		await Promise.all(
			[redis.pub, redis.sub].map(
				(client) =>
					new Promise((resolve, reject) => {
						if (client.status === 'ready') return resolve(undefined);
						const timer = setTimeout(() => reject(new Error('Redis is not reachable')), 10000);
						client.once('ready', () => {
							clearTimeout(timer);
							resolve(undefined);
						});
					})
			)
		);
	}

	const hocuspocus = new Hocuspocus({
		quiet: true,
		debounce: storeDelay,
		maxDebounce: storeDelay * 5,
		extensions,
		async onConnect({ documentName }) {
			// Only names the clients derive; this also keeps file names safe.
			if (!MAILBOX_NAME.test(documentName)) throw new Error('not a mailbox name');
		},
		async beforeHandleMessage({ update: message, document, connection }) {
			let update;
			try {
				update = updateInMessage(message);
			} catch {
				update = null; // Hocuspocus itself refuses it; nothing to add here.
			}
			if (!update) return;
			const name = document.name;
			const known = sizes.get(name) ?? Y.encodeStateAsUpdate(document).byteLength;
			if (known + update.byteLength <= maxMailboxBytes) {
				sizes.set(name, known + update.byteLength);
				return;
			}
			// Near the cap: measure exactly what the mailbox would be with this change, so a
			// compaction (a snapshot that deletes the entries it covers) passes while growth doesn't.
			const scratch = new Y.Doc();
			let after = Infinity;
			try {
				Y.applyUpdate(scratch, Y.encodeStateAsUpdate(document));
				Y.applyUpdate(scratch, update);
				after = Y.encodeStateAsUpdate(scratch).byteLength;
			} catch {
				// A malformed update: Hocuspocus refuses it next.
				after = 0;
			} finally {
				scratch.destroy();
			}
			if (after <= maxMailboxBytes) {
				sizes.set(name, after);
				return;
			}
			log('relay: refused a change that would overfill a mailbox');
			connection.webSocket.close(MAILBOX_FULL.code, MAILBOX_FULL.reason);
			// Never settles: the change is not applied, and Hocuspocus logs nothing about it.
			return new Promise(() => {});
		},
		async afterUnloadDocument({ documentName }) {
			sizes.delete(documentName);
		}
	});

	const server = http.createServer((_req, res) => {
		res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
		res.end('okay');
	});
	const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
	wss.on('connection', (ws, req) => {
		ws.on('error', () => {
			// e.g. a message over maxPayload: ws closes the socket with 1009 itself.
		});
		hocuspocus.handleConnection(ws, req);
	});
	guardUpgrades(server, wss, {
		maxConnections,
		maxPerAddress: maxConnectionsPerAddress,
		name: 'relay',
		log
	});
	const actualPort = await listen(server, port, host);

	/** @type {Promise<void> | null} */
	let closing = null;
	return {
		url: urlFor('ws', host, actualPort),
		host,
		port: actualPort,
		dataDir,
		server,
		hocuspocus,
		connections: () => wss.clients.size,
		close() {
			closing ??= (async () => {
				server.close();
				// Hocuspocus stores each mailbox as its last connection goes.
				const unloaded = new Promise((resolve) => {
					if (hocuspocus.getDocumentsCount() === 0) return resolve(undefined);
					hocuspocus.configuration.extensions.push({
						async afterUnloadDocument({ instance }) {
							if (instance.getDocumentsCount() === 0) resolve(undefined);
						}
					});
				});
				hocuspocus.closeConnections();
				for (const client of wss.clients) client.terminate();
				await Promise.race([unloaded, new Promise((r) => setTimeout(r, 3000).unref())]);
				wss.close();
				server.closeAllConnections();
				// Bounded: with Redis gone, its client would otherwise retry for ever.
				await Promise.race([
					hocuspocus.hooks('onDestroy', { instance: hocuspocus }).catch(() => {}),
					new Promise((r) => setTimeout(r, 2000).unref())
				]);
				sizes.clear();
			})();
			return closing;
		}
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	startRelayServer({ log: (line) => console.log(line) }).then(
		(s) => {
			console.log(`Village relay: ${s.url} (mailboxes in ${s.dataDir})`);
			const stop = () => s.close().then(() => process.exit(0));
			process.once('SIGINT', stop);
			process.once('SIGTERM', stop);
		},
		(err) => {
			console.error(`relay: ${err instanceof Error ? err.message : err}`);
			process.exit(1);
		}
	);
}
