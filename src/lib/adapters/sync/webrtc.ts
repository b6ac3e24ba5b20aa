import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import type { SyncConnection } from './types';
import { applyRemoteUpdate, checkRemoteUpdate, splitUpdate } from './updates';

/**
 * y-webrtc drops a data-channel message over 256 KiB without a word (its issues #20, #61).
 * Larger sync messages are sent as several valid Yjs updates of at most this size.
 */
export const MAX_SEND_BYTES = 64 * 1024;
/** A message bigger than this from a peer is dropped unread. */
export const MAX_RECEIVE_BYTES = 1024 * 1024;

// y-webrtc / y-protocols message types.
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;
const MESSAGE_BC_PEER_ID = 4;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export type WebrtcProblem = 'wrong-secret' | 'damaged';

export interface WebrtcStatus {
	/** Connected to at least one signaling server. */
	signaling: boolean;
	/** Other devices/partners connected right now over WebRTC. */
	peers: number;
	/** When something last arrived from a peer or a first sync completed (ms since epoch). */
	lastSynced: number | null;
	problem: WebrtcProblem | null;
	/** Whether it is trying to connect (false after `pause`). */
	active: boolean;
}

export interface WebrtcOptions {
	/** y-webrtc room name, exactly as in the link. */
	room: string;
	/** y-webrtc password, exactly as in the link. */
	secret: string;
	signaling: string[];
	/** STUN/TURN URLs; none by default, so no third party learns this device's address. */
	iceServers?: string[];
	/** Origin of updates applied from peers (undo never reverts them). */
	remoteOrigin: unknown;
	/** Extra simple-peer options (Node: `{ wrtc }`). */
	peerOpts?: Record<string, unknown>;
	/** Called whenever the status changes. */
	onStatus?: (status: WebrtcStatus) => void;
}

export interface WebrtcConnection extends SyncConnection {
	readonly status: WebrtcStatus;
	/** Bytes sent over data channels so far. */
	readonly bytesSent: number;
	/** Stops talking to peers and signaling; `resume` starts again. */
	pause(): void;
	resume(): void;
	/** Closes and waits until the room can be opened again in this page. */
	closed(): Promise<void>;
}

interface SimplePeer {
	send(data: Uint8Array): void;
	listeners(event: string): ((...args: unknown[]) => void)[];
	removeAllListeners(event: string): void;
	on(event: string, listener: (...args: unknown[]) => void): void;
}
interface Conn {
	peer: SimplePeer;
	connected: boolean;
}
interface RoomInternals {
	webrtcConns: Map<string, Conn>;
}
interface SignalingInternals {
	connected: boolean;
	on(event: string, f: () => void): void;
	off(event: string, f: () => void): void;
}

const BRIDGE = Symbol('village:webrtc-bridge');
const open = new Set<{ onRejection(): void }>();
let listening = false;

/**
 * y-webrtc decrypts signaling messages with the room password and lets a failure escape as an
 * uncaught `OperationError` rejection: that is how a wrong or stale secret shows. Turn it into
 * a status the screen can explain.
 */
function listenForWrongSecret() {
	if (listening || typeof window === 'undefined') return;
	listening = true;
	window.addEventListener('unhandledrejection', (event) => {
		const reason = event.reason as { name?: unknown } | null;
		if (reason?.name !== 'OperationError' || open.size === 0) return;
		event.preventDefault();
		for (const c of open) c.onRejection();
	});
}

function syncMessage(kind: number, update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	encoding.writeVarUint(encoder, kind);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

function readSync(bytes: Uint8Array): { kind: number; payload: Uint8Array } | null {
	const decoder = decoding.createDecoder(bytes);
	if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return null;
	const kind = decoding.readVarUint(decoder);
	return { kind, payload: decoding.readVarUint8Array(decoder) };
}

/** Why a message from a peer must not reach y-webrtc, or null when it may. */
export function inspectPeerMessage(bytes: Uint8Array): string | null {
	if (bytes.byteLength === 0) return 'an empty message';
	if (bytes.byteLength > MAX_RECEIVE_BYTES) return 'a message that is too large';
	try {
		const decoder = decoding.createDecoder(bytes);
		const type = decoding.readVarUint(decoder);
		if (type === MESSAGE_SYNC) {
			const kind = decoding.readVarUint(decoder);
			const payload = decoding.readVarUint8Array(decoder);
			if (kind === SYNC_STEP1) {
				Y.decodeStateVector(payload);
				return null;
			}
			if (kind === SYNC_STEP2 || kind === SYNC_UPDATE) {
				const problem = checkRemoteUpdate(payload, MAX_RECEIVE_BYTES);
				return problem ? `an update that is ${problem}` : null;
			}
			return 'an unknown sync message';
		}
		if (type === MESSAGE_AWARENESS) {
			decoding.readVarUint8Array(decoder);
			return null;
		}
		if (type === MESSAGE_QUERY_AWARENESS || type === MESSAGE_BC_PEER_ID) return null;
		return 'an unknown message';
	} catch {
		return 'a damaged message';
	}
}

/**
 * Live sync of `doc` with the other members of a y-webrtc room: any standard y-webrtc client
 * that knows the room and secret can join. y-webrtc works on a separate "wire" copy of the
 * document; what arrives there is checked and then applied to `doc` with `remoteOrigin`, and
 * what changes in `doc` is copied to the wire. Messages from peers are inspected before
 * y-webrtc reads them (size cap, decodes, applies cleanly to a scratch document), so a hostile
 * or damaged one is dropped and `doc` stays as it was. Large sync messages are sent as several
 * valid updates under 256 KiB.
 */
export function connectWebrtc(doc: Y.Doc, options: WebrtcOptions): WebrtcConnection {
	listenForWrongSecret();
	const wire = new Y.Doc();
	Y.applyUpdate(wire, Y.encodeStateAsUpdate(doc), BRIDGE);

	const status: WebrtcStatus = {
		signaling: false,
		peers: 0,
		lastSynced: null,
		problem: null,
		active: true
	};
	let bytesSent = 0;
	let applying = false;
	let closed = false;

	const changed = () => {
		if (closed) return;
		const room = provider.room as unknown as RoomInternals | null;
		status.peers = room ? [...room.webrtcConns.values()].filter((c) => c.connected).length : 0;
		status.signaling = (provider.signalingConns as unknown as SignalingInternals[]).some(
			(c) => c.connected
		);
		if (status.peers > 0 && status.problem === 'wrong-secret') status.problem = null;
		options.onStatus?.({ ...status });
	};

	const onLocal = (update: Uint8Array) => {
		if (!applying) Y.applyUpdate(wire, update, BRIDGE);
	};
	const onWire = (update: Uint8Array, origin: unknown) => {
		if (origin === BRIDGE) return;
		applying = true;
		try {
			const problem = applyRemoteUpdate(doc, update, options.remoteOrigin);
			if (problem) status.problem = 'damaged';
			else status.lastSynced = Date.now();
		} finally {
			applying = false;
		}
		changed();
	};
	doc.on('update', onLocal);
	wire.on('update', onWire);

	const provider = new WebrtcProvider(options.room, wire, {
		signaling: options.signaling,
		password: options.secret,
		peerOpts: {
			...options.peerOpts,
			config: { iceServers: (options.iceServers ?? []).map((urls) => ({ urls })) }
		}
	});

	const guarded = new WeakSet<SimplePeer>();
	/** The connection whose message is being read: y-webrtc echoes it back otherwise. */
	let receiving: SimplePeer | null = null;
	const guard = (conn: Conn) => {
		const peer = conn.peer;
		if (guarded.has(peer)) return;
		guarded.add(peer);
		const send = peer.send.bind(peer);
		peer.send = (data: Uint8Array) => {
			const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
			const sync = bytes[0] === MESSAGE_SYNC ? readSync(bytes) : null;
			// Do not send an update straight back to the peer it came from.
			if (receiving === peer && sync?.kind === SYNC_UPDATE) return;
			if (!sync || bytes.byteLength <= MAX_SEND_BYTES || sync.kind === SYNC_STEP1) {
				bytesSent += bytes.byteLength;
				send(bytes);
				return;
			}
			const pieces = splitUpdate(sync.payload, MAX_SEND_BYTES - 16);
			pieces.forEach((piece, i) => {
				const message = syncMessage(i === pieces.length - 1 ? sync.kind : SYNC_UPDATE, piece);
				bytesSent += message.byteLength;
				send(message);
			});
		};
		const readers = peer.listeners('data');
		peer.removeAllListeners('data');
		peer.on('data', (data: unknown) => {
			const bytes = data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer);
			const problem = inspectPeerMessage(bytes);
			if (problem) {
				console.warn(`Village: ignored ${problem} from a peer`);
				status.problem = 'damaged';
				changed();
				return;
			}
			receiving = peer;
			try {
				for (const read of readers) read.call(peer, bytes);
			} catch (error) {
				console.warn('Village: a message from a peer could not be read', error);
			} finally {
				receiving = null;
			}
		});
		peer.on('connect', changed);
		peer.on('close', changed);
	};

	provider.on('peers', () => {
		const room = provider.room as unknown as RoomInternals | null;
		room?.webrtcConns.forEach(guard);
		changed();
	});
	provider.on('synced', ({ synced }: { synced: boolean }) => {
		if (synced) status.lastSynced = Date.now();
		changed();
	});
	provider.on('status', changed);
	const signalingConns = provider.signalingConns as unknown as SignalingInternals[];
	for (const c of signalingConns) {
		c.on('connect', changed);
		c.on('disconnect', changed);
	}
	// Peers can come and go without an event y-webrtc exposes; refresh now and then.
	const timer = setInterval(changed, 1000);

	// A peer with another secret cannot read our announcements, nor we theirs; but y-webrtc only
	// announces on joining, so whoever arrives second would never hear of the first. Announce
	// again (at most every few seconds) when a message could not be decrypted: then both sides
	// get the OperationError and can say so.
	let lastAnnounce = 0;
	const reannounce = async () => {
		const now = Date.now();
		if (now - lastAnnounce < 3000) return;
		lastAnnounce = now;
		const key = await provider.key;
		const room = provider.room as unknown as { peerId: string } | null;
		if (!key || !room || closed) return;
		const plain = encoding.createEncoder();
		encoding.writeAny(plain, { type: 'announce', from: room.peerId });
		const iv = crypto.getRandomValues(new Uint8Array(12));
		const cipher = await crypto.subtle.encrypt(
			{ name: 'AES-GCM', iv },
			key,
			encoding.toUint8Array(plain)
		);
		const out = encoding.createEncoder();
		encoding.writeVarString(out, 'AES-GCM');
		encoding.writeVarUint8Array(out, iv);
		encoding.writeVarUint8Array(out, new Uint8Array(cipher));
		let text = '';
		for (const b of encoding.toUint8Array(out)) text += String.fromCharCode(b);
		for (const c of provider.signalingConns as unknown as (SignalingInternals & {
			send(m: unknown): void;
		})[]) {
			if (c.connected) c.send({ type: 'publish', topic: options.room, data: btoa(text) });
		}
	};
	const entry = {
		onRejection() {
			void reannounce();
			if (status.peers === 0) {
				status.problem = 'wrong-secret';
				changed();
			}
		}
	};
	open.add(entry);
	queueMicrotask(changed);

	let closing: Promise<void> | null = null;
	const close = () => {
		if (closing) return closing;
		closed = true;
		open.delete(entry);
		clearInterval(timer);
		for (const c of signalingConns) {
			c.off('connect', changed);
			c.off('disconnect', changed);
		}
		doc.off('update', onLocal);
		wire.off('update', onWire);
		provider.destroy();
		closing = Promise.resolve(provider.key).then(() => {
			wire.destroy();
		});
		return closing;
	};

	return {
		get status() {
			return { ...status };
		},
		get bytesSent() {
			return bytesSent;
		},
		pause() {
			status.active = false;
			provider.disconnect();
			changed();
		},
		resume() {
			status.active = true;
			provider.connect();
			for (const c of provider.signalingConns as unknown as SignalingInternals[]) {
				c.off('connect', changed);
				c.on('connect', changed);
				c.off('disconnect', changed);
				c.on('disconnect', changed);
			}
			changed();
		},
		close() {
			void close();
		},
		closed: close
	};
}
