/**
 * "Your other devices": the private workbook itself synced between the user's own browsers over
 * y-webrtc, with a room and secret of its own (never the partnership's). The link carries them in
 * its fragment; y-webrtc loads only when linking is used (Settings or the /device screen).
 */
import type { WebrtcConnection } from '../adapters/sync/webrtc';
import { ORIGIN, readSettings } from '../doc';
import { buildLink, SECRET_BITS, type RoomLink } from '../model/partner';
import { phaseOf, randomToken, type LinkStatus } from './partner.svelte';
import type { WorkbookSession } from './session.svelte';
import { fileSync, type FileSync } from './syncfile';

const KEY = 'village:device-link';

export interface DeviceConfig {
	room: string;
	secret: string;
	signal: string[];
}

function load(): DeviceConfig | null {
	try {
		const c = JSON.parse(localStorage.getItem(KEY) ?? 'null') as DeviceConfig | null;
		return c && typeof c.room === 'string' && typeof c.secret === 'string' ? c : null;
	} catch {
		return null;
	}
}

export class DeviceLink implements FileSync {
	config = $state<DeviceConfig | null>(load());
	status = $state<LinkStatus>({ phase: 'off', lastSynced: null, problem: null });

	#session: WorkbookSession;
	#connection: WebrtcConnection | null = null;
	#files: FileSync;

	constructor(session: WorkbookSession) {
		this.#session = session;
		this.#files = fileSync(
			() => (session.writable ? session.doc : null),
			() => (this.config ? { spaceId: this.config.room, secret: this.config.secret } : null),
			() => void session.flush()
		);
	}

	link(origin: string): string | null {
		const c = this.config;
		return c
			? buildLink(origin, '/device', { room: c.room, secret: c.secret, signal: c.signal })
			: null;
	}

	/** Makes a new device link (its own room and secret) and starts syncing. */
	async create(): Promise<void> {
		await this.#close();
		this.#save({
			room: randomToken(96),
			secret: randomToken(SECRET_BITS),
			signal: readSettings(this.#session.doc).signalingUrls
		});
		await this.connect();
	}

	/** Links this browser with the workbook of the link. */
	async join(link: RoomLink): Promise<void> {
		await this.#close();
		this.#save({ room: link.room, secret: link.secret, signal: link.signal });
		await this.connect();
	}

	async connect(): Promise<void> {
		const config = this.config;
		if (!config || this.#connection || !this.#session.writable) return;
		const { connectWebrtc } = await import('../adapters/sync/webrtc');
		if (this.#connection || this.config !== config) return;
		this.status = { phase: 'connecting', lastSynced: null, problem: null };
		this.#connection = connectWebrtc(this.#session.doc, {
			room: config.room,
			secret: config.secret,
			signaling: config.signal,
			iceServers: readSettings(this.#session.doc).iceServers,
			remoteOrigin: ORIGIN.remote,
			onStatus: (s) => {
				this.status = { phase: phaseOf(s), lastSynced: s.lastSynced, problem: s.problem };
			}
		});
	}

	pause(): void {
		this.#connection?.pause();
	}
	resume(): void {
		this.#connection?.resume();
	}
	get bytesSent(): number {
		return this.#connection?.bytesSent ?? 0;
	}

	/** Stops syncing with other devices and forgets the link on this browser. */
	async unlink(): Promise<void> {
		await this.#close();
		this.config = null;
		localStorage.removeItem(KEY);
	}

	exportFile(): Promise<Uint8Array | null> {
		return this.#files.exportFile();
	}
	importFile(bytes: Uint8Array, fileName: string): Promise<{ ok: boolean; text: string }> {
		return this.#files.importFile(bytes, fileName);
	}

	async #close() {
		const c = this.#connection;
		this.#connection = null;
		this.status = { phase: 'off', lastSynced: null, problem: null };
		await c?.closed();
	}

	#save(config: DeviceConfig) {
		this.config = config;
		localStorage.setItem(KEY, JSON.stringify(config));
	}
}

const instances = new WeakMap<WorkbookSession, DeviceLink>();

/** This page's device link (one per workbook session). */
export function deviceLink(session: WorkbookSession): DeviceLink {
	let d = instances.get(session);
	if (!d) instances.set(session, (d = new DeviceLink(session)));
	return d;
}
