// @ts-check
/**
 * The guard the WebSocket servers (signaling.js, relay.js) put in front of their upgrades: at most
 * `maxConnections` open in all (then HTTP 503) and `maxPerAddress` from one remote address (then
 * HTTP 429, so one machine cannot take every slot), counted from the upgrade until the socket
 * closes. Socket and HTTP parser errors end that socket, never the process. Logs no addresses.
 * Also what every server here does to listen and name its address.
 */

/**
 * @typedef {object} UpgradeLimits
 * @property {number} maxConnections
 * @property {number} maxPerAddress
 * @property {string} name prefix of log lines, e.g. 'relay'
 * @property {(line: string) => void} log
 */

/**
 * @param {import('node:stream').Duplex} socket
 * @param {string} status e.g. '429 Too Many Requests'
 */
export function refuseUpgrade(socket, status) {
	socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Hands `server`'s WebSocket upgrades to `wss` (created with `noServer: true`) within the limits;
 * `wss` then emits 'connection' (ws, req) as usual.
 * @param {import('node:http').Server} server
 * @param {import('ws').WebSocketServer} wss
 * @param {UpgradeLimits} limits
 */
export function guardUpgrades(server, wss, { maxConnections, maxPerAddress, name, log }) {
	/** remote address → open connections from it @type {Map<string, number>} */
	const perAddress = new Map();
	server.on('upgrade', (req, socket, head) => {
		socket.on('error', () => socket.destroy());
		if (wss.clients.size >= maxConnections) {
			log(`${name}: connection limit reached, refusing a connection`);
			refuseUpgrade(socket, '503 Service Unavailable');
			return;
		}
		const address = req.socket.remoteAddress ?? '';
		const mine = perAddress.get(address) ?? 0;
		if (mine >= maxPerAddress) {
			log(`${name}: per-address connection limit reached, refusing a connection`);
			refuseUpgrade(socket, '429 Too Many Requests');
			return;
		}
		perAddress.set(address, mine + 1);
		let counted = true;
		const release = () => {
			if (!counted) return;
			counted = false;
			const left = (perAddress.get(address) ?? 1) - 1;
			if (left > 0) perAddress.set(address, left);
			else perAddress.delete(address);
		};
		socket.once('close', release);
		wss.handleUpgrade(req, socket, head, (ws) => {
			ws.once('close', release);
			wss.emit('connection', ws, req);
		});
	});
	server.on('clientError', (_err, socket) => socket.destroy());
}

/**
 * Listens on `host`:`port` (0: a free port) and resolves with the port it got.
 * @param {import('node:http').Server} server
 * @param {number} port
 * @param {string} host
 * @returns {Promise<number>}
 */
export async function listen(server, port, host) {
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve(undefined);
		});
	});
	const address = server.address();
	return typeof address === 'object' && address ? address.port : port;
}

/**
 * The address a server listening on `host`:`port` is reached at, e.g. for 'ws', '127.0.0.1'
 * and 4445 the relay's own; a server on every interface is named by its loopback address.
 * @param {'ws' | 'http'} scheme
 * @param {string} host
 * @param {number} port
 */
export function urlFor(scheme, host, port) {
	const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
	return `${scheme}://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}
