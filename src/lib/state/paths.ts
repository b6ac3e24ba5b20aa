/**
 * The ways a synced document (the partnership's shared space, or the workbook itself between a
 * person's devices) reaches the other side, run side by side: live WebRTC while both are online,
 * and end-to-end encrypted relay mailboxes for when they never are. Whichever delivers first
 * wins; Yjs merges the rest. Changes from either apply with the remote origin, so undo on this
 * device never reverts them.
 *
 * y-webrtc and the relay client load with `import()` when a connection starts, and the relay
 * client only when a relay is named (by the link or by this device's setting): no relay is
 * contacted otherwise.
 */
import type * as Y from 'yjs';
import type { RelayStatus, RelaySync } from '../adapters/sync/relay';
import type { WebrtcConnection, WebrtcStatus } from '../adapters/sync/webrtc';
import { ORIGIN } from '../doc/origins';
import { relaysFor, type RoomLink, type SkipReason } from '../model/partner';
import { deviceRelays } from './relays.svelte';

/** The live (WebRTC) path. */
export type LinkPhase = 'off' | 'paused' | 'connecting' | 'waiting' | 'online';
/** The relay path; `none` when no relay is named. */
export type RelayPhase = 'none' | RelayStatus['relay'];

export interface LinkStatus {
	phase: LinkPhase;
	/** When something last arrived or was last delivered, by either path (ms since epoch). */
	lastSynced: number | null;
	problem: WebrtcStatus['problem'];
	relay: RelayPhase;
	/** Changes made here that a relay may not hold yet. */
	sending: boolean;
	/** Relay entries that failed to open or apply, each changing nothing. */
	skipped: number;
	skippedReasons: Partial<Record<SkipReason, number>>;
}

export const LINK_OFF: LinkStatus = Object.freeze({
	phase: 'off',
	lastSynced: null,
	problem: null,
	relay: 'none',
	sending: false,
	skipped: 0,
	skippedReasons: {}
});

export function phaseOf(s: WebrtcStatus): LinkPhase {
	if (!s.active) return 'paused';
	if (s.peers > 0) return 'online';
	return s.signaling ? 'waiting' : 'connecting';
}

export interface PathsConfig {
	/** y-webrtc room and the space's secret (the relay mailbox and key derive from it too). */
	room: string;
	secret: string;
	signal: string[];
	iceServers: string[];
	/** Relay addresses (ws: or wss:), already checked; empty for none. */
	relays: string[];
}

/** Best first: what the relay line says when there are several relays. */
const RELAY_RANK: RelayStatus['relay'][] = [
	'reachable',
	'connecting',
	'refused',
	'unreachable',
	'off'
];

/**
 * One document's connections. Create it, keep it, `close()` it; `onStatus` hears every change.
 * `start` may be awaited or not: a `close()` meanwhile stops it cleanly.
 */
export class SyncPaths {
	#doc: Y.Doc;
	#onStatus: (status: LinkStatus) => void;
	#config: PathsConfig | null = null;
	#webrtc: WebrtcConnection | null = null;
	#p2p: WebrtcStatus | null = null;
	#relays: RelaySync[] = [];
	#relayStatus = new Map<RelaySync, RelayStatus>();
	#paused = false;
	#sending = false;
	#generation = 0;
	#closed = false;

	constructor(doc: Y.Doc, onStatus: (status: LinkStatus) => void) {
		this.#doc = doc;
		this.#onStatus = onStatus;
	}

	async start(config: PathsConfig): Promise<void> {
		this.#config = config;
		this.#emit();
		const { connectWebrtc } = await import('../adapters/sync/webrtc');
		if (this.#closed) return;
		this.#webrtc = connectWebrtc(this.#doc, {
			room: config.room,
			secret: config.secret,
			signaling: config.signal,
			iceServers: config.iceServers,
			remoteOrigin: ORIGIN.remote,
			onStatus: (s) => {
				this.#p2p = s;
				this.#emit();
			}
		});
		await this.#startRelays();
		this.#doc.on('update', this.#onUpdate);
	}

	async #startRelays() {
		const config = this.#config;
		if (!config?.relays.length || this.#paused) return;
		const { RelaySync } = await import('../adapters/sync/relay');
		if (this.#closed || this.#paused || this.#relays.length) return;
		for (const url of config.relays) {
			const relay = new RelaySync(this.#doc, { url, secret: config.secret, origin: ORIGIN.remote });
			this.#relays.push(relay);
			relay.subscribe((s) => {
				if (this.#relays.includes(relay)) this.#relayStatus.set(relay, s);
				this.#emit();
			});
		}
	}

	#stopRelays() {
		for (const relay of this.#relays.splice(0)) relay.close();
		this.#relayStatus.clear();
		this.#sending = false;
	}

	/** A change made here: the relays have it once each has settled. */
	readonly #onUpdate = (_update: Uint8Array, origin: unknown) => {
		if (origin === ORIGIN.remote || this.#closed || this.#relays.length === 0) return;
		const generation = ++this.#generation;
		const relays = [...this.#relays];
		if (!this.#sending) {
			this.#sending = true;
			this.#emit();
		}
		void Promise.all(relays.map((r) => r.settled())).then(() => {
			if (this.#closed || generation !== this.#generation) return;
			this.#sending = false;
			this.#emit();
		});
	};

	#status(): LinkStatus {
		const p2p = this.#p2p;
		const relays = [...this.#relayStatus.values()];
		const skippedReasons: Partial<Record<SkipReason, number>> = {};
		let skipped = 0;
		let lastSynced = p2p?.lastSynced ?? null;
		for (const r of relays) {
			skipped += r.skipped;
			for (const [reason, n] of Object.entries(r.skippedReasons) as [SkipReason, number][])
				skippedReasons[reason] = (skippedReasons[reason] ?? 0) + n;
			if (r.lastSynced !== null && (lastSynced === null || r.lastSynced > lastSynced))
				lastSynced = r.lastSynced;
		}
		const named = (this.#config?.relays.length ?? 0) > 0;
		const relay: RelayPhase = !named
			? 'none'
			: this.#paused || this.#closed
				? 'off'
				: (RELAY_RANK.find((phase) => relays.some((r) => r.relay === phase)) ?? 'connecting');
		return {
			phase: this.#closed ? 'off' : this.#paused ? 'paused' : p2p ? phaseOf(p2p) : 'connecting',
			lastSynced,
			problem: p2p?.problem ?? null,
			relay,
			// A relay that has not caught up once since it started may still lack what was made here.
			sending: this.#sending || relays.some((r) => r.lastSynced === null),
			skipped,
			skippedReasons
		};
	}

	#emit() {
		if (!this.#closed) this.#onStatus(this.#status());
	}

	/** Bytes sent to peers over WebRTC (benchmarks). */
	get bytesSent(): number {
		return this.#webrtc?.bytesSent ?? 0;
	}

	/** Stops both paths; changes stay on this device until `resume`. */
	pause(): void {
		this.#paused = true;
		this.#stopRelays();
		this.#webrtc?.pause();
		this.#emit();
	}

	resume(): void {
		this.#paused = false;
		this.#webrtc?.resume();
		this.#emit();
		// On reconnecting a relay sends whatever the mailbox lacks.
		void this.#startRelays();
	}

	/** Closes every path and waits until the room can be opened again in this page. */
	async close(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		this.#doc.off('update', this.#onUpdate);
		this.#stopRelays();
		const webrtc = this.#webrtc;
		this.#webrtc = null;
		this.#onStatus(LINK_OFF);
		await webrtc?.closed();
	}
}

/**
 * Starts syncing `doc` with the other side of a link (partner or device): its room, secret and
 * signaling servers, and its relays plus this device's. Resolves once every path has started.
 */
export async function openPaths(
	paths: SyncPaths,
	link: Pick<RoomLink, 'room' | 'secret' | 'signal' | 'relay'>,
	iceServers: string[]
): Promise<void> {
	await paths.start({
		room: link.room,
		secret: link.secret,
		signal: link.signal,
		iceServers,
		relays: relaysFor(link.relay, deviceRelays())
	});
}
