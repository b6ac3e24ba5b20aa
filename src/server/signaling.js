// @ts-check
/**
 * A y-webrtc compatible signaling server (the protocol of `node_modules/y-webrtc/bin/server.js`:
 * JSON messages `subscribe {topics}`, `unsubscribe {topics}`, `publish {topic, …}` relayed to every
 * subscriber of the topic with `clients` set to their number, and `ping` → `pong`), with what that
 * one lacks:
 *
 * - binds 127.0.0.1 unless `host` or the `HOST` env var says otherwise (it binds every interface);
 * - limits: message size (64 KiB; y-webrtc's signaling payloads are a few KiB), topics per
 *   connection, topic name length, connections; a connection that misses a ping is dropped;
 * - malformed or unexpected messages are ignored, never a crash.
 *
 * It only relays: rooms' content is end-to-end encrypted by y-webrtc when a password is set, and
 * WebRTC data never passes through here.
 *
 * CLI: `node src/server/signaling.js` (env `PORT`, default 4444; `HOST`, default 127.0.0.1).
 */
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WebSocketServer } from 'ws';
import { guardUpgrades, listen, urlFor } from './limits.js';

/**
 * @typedef {object} SignalingOptions
 * @property {string} [host] default `HOST` env or 127.0.0.1
 * @property {number} [port] default `PORT` env or 4444; 0 picks a free port
 * @property {number} [maxMessageBytes] default 64 KiB; a bigger message closes the connection (1009)
 * @property {number} [maxTopicsPerConnection] default 64; further subscriptions are ignored
 * @property {number} [maxTopicLength] default 512 characters; longer topic names are ignored
 * @property {number} [maxConnections] default 512; further upgrades get HTTP 503
 * @property {number} [maxConnectionsPerClient] default 32 per remote address; further upgrades from
 *   that address get HTTP 429 (one device needs one per open tab)
 * @property {number} [pingTimeout] default 30000 ms: ping interval; no pong by the next one → closed
 * @property {(line: string) => void} [log] default: silent
 */

/**
 * @typedef {object} SignalingServer
 * @property {string} url e.g. `ws://127.0.0.1:4444`
 * @property {string} host
 * @property {number} port
 * @property {http.Server} server
 * @property {() => number} connections open WebSocket connections right now
 * @property {() => Promise<void>} close drops every connection and stops listening
 */

export const DEFAULTS = Object.freeze({
	maxMessageBytes: 64 * 1024,
	maxTopicsPerConnection: 64,
	maxTopicLength: 512,
	maxConnections: 512,
	maxConnectionsPerClient: 32,
	pingTimeout: 30000
});

const OPEN = 1;

/**
 * @param {unknown} data
 * @returns {Record<string, unknown> | null}
 */
function parse(data) {
	try {
		const text = Array.isArray(data)
			? Buffer.concat(data).toString('utf8')
			: data instanceof ArrayBuffer
				? Buffer.from(data).toString('utf8')
				: String(data);
		const message = JSON.parse(text);
		return message && typeof message === 'object' && !Array.isArray(message) ? message : null;
	} catch {
		return null;
	}
}

/**
 * @param {unknown} topics
 * @returns {string[]}
 */
function topicList(topics) {
	return Array.isArray(topics) ? topics.filter((t) => typeof t === 'string') : [];
}

/**
 * @param {SignalingOptions} [options]
 * @returns {Promise<SignalingServer>}
 */
export async function startSignalingServer(options = {}) {
	const {
		host = process.env.HOST ?? '127.0.0.1',
		port = Number(process.env.PORT ?? 4444),
		maxMessageBytes = DEFAULTS.maxMessageBytes,
		maxTopicsPerConnection = DEFAULTS.maxTopicsPerConnection,
		maxTopicLength = DEFAULTS.maxTopicLength,
		maxConnections = DEFAULTS.maxConnections,
		maxConnectionsPerClient = DEFAULTS.maxConnectionsPerClient,
		pingTimeout = DEFAULTS.pingTimeout,
		log = () => {}
	} = options;

	/** topic → subscribed connections @type {Map<string, Set<import('ws').WebSocket>>} */
	const topics = new Map();

	const server = http.createServer((_req, res) => {
		res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
		res.end('okay');
	});
	const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });

	/**
	 * @param {import('ws').WebSocket} conn
	 * @param {string} text
	 */
	const send = (conn, text) => {
		if (conn.readyState !== OPEN) return;
		try {
			conn.send(text);
		} catch {
			conn.terminate();
		}
	};

	wss.on('connection', (conn) => {
		/** @type {Set<string>} */
		const subscribed = new Set();
		let alive = true;
		const pinger = setInterval(() => {
			if (!alive) {
				log('signaling: no pong, closing a connection');
				conn.terminate();
				return;
			}
			alive = false;
			try {
				conn.ping();
			} catch {
				conn.terminate();
			}
		}, pingTimeout);
		pinger.unref?.();

		/** @param {string} topic */
		const leave = (topic) => {
			const subs = topics.get(topic);
			if (subs) {
				subs.delete(conn);
				if (subs.size === 0) topics.delete(topic);
			}
			subscribed.delete(topic);
		};

		conn.on('pong', () => {
			alive = true;
		});
		conn.on('error', () => {
			// e.g. a message over maxPayload: ws closes the socket with 1009 itself.
		});
		conn.on('close', () => {
			clearInterval(pinger);
			for (const topic of [...subscribed]) leave(topic);
		});
		conn.on('message', (data) => {
			alive = true;
			const message = parse(data);
			if (!message) return;
			switch (message.type) {
				case 'subscribe':
					for (const topic of topicList(message.topics)) {
						if (topic.length > maxTopicLength) continue;
						if (!subscribed.has(topic) && subscribed.size >= maxTopicsPerConnection) continue;
						let subs = topics.get(topic);
						if (!subs) topics.set(topic, (subs = new Set()));
						subs.add(conn);
						subscribed.add(topic);
					}
					break;
				case 'unsubscribe':
					for (const topic of topicList(message.topics)) leave(topic);
					break;
				case 'publish': {
					if (typeof message.topic !== 'string') break;
					const receivers = topics.get(message.topic);
					if (!receivers) break;
					const text = JSON.stringify({ ...message, clients: receivers.size });
					for (const receiver of receivers) send(receiver, text);
					break;
				}
				case 'ping':
					send(conn, JSON.stringify({ type: 'pong' }));
					break;
			}
		});
	});

	guardUpgrades(server, wss, {
		maxConnections,
		maxPerAddress: maxConnectionsPerClient,
		name: 'signaling',
		log
	});
	const actualPort = await listen(server, port, host);

	/** @type {Promise<void> | null} */
	let closing = null;
	return {
		url: urlFor('ws', host, actualPort),
		host,
		port: actualPort,
		server,
		connections: () => wss.clients.size,
		close() {
			closing ??= new Promise((resolve) => {
				for (const client of wss.clients) client.terminate();
				topics.clear();
				wss.close();
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closing;
		}
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	startSignalingServer({ log: (line) => console.log(line) }).then(
		(s) => {
			console.log(`Village signaling server: ${s.url}`);
			const stop = () => s.close().then(() => process.exit(0));
			process.once('SIGINT', stop);
			process.once('SIGTERM', stop);
		},
		(err) => {
			console.error(`signaling server: ${err instanceof Error ? err.message : err}`);
			process.exit(1);
		}
	);
}
