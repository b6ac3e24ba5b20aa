/**
 * "Your other devices": the private workbook itself synced between the user's own browsers over
 * y-webrtc and, when a relay is named (by the link or this device's setting), through that
 * relay's end-to-end encrypted mailbox, with a room and secret of its own (never the
 * partnership's). The link carries them in its fragment; the sync code loads only when linking
 * is used (Settings or the /device screen).
 */
import { readSettings } from '../doc';
import { buildLink, SECRET_BITS, type RoomLink } from '../model/partner';
import { deviceRelays } from './relays.svelte';
import { randomToken } from './partner.svelte';
import { Linked } from './linked.svelte';
import type { WorkbookSession } from './session.svelte';
import { fileSync, type FileSync } from './syncfile';

const KEY = 'village:device-link';

export interface DeviceConfig {
	room: string;
	secret: string;
	signal: string[];
	relay?: string[];
}

function load(): DeviceConfig | null {
	try {
		const c = JSON.parse(localStorage.getItem(KEY) ?? 'null') as DeviceConfig | null;
		return c && typeof c.room === 'string' && typeof c.secret === 'string' ? c : null;
	} catch {
		return null;
	}
}

export class DeviceLink extends Linked implements FileSync {
	config = $state<DeviceConfig | null>(load());

	#session: WorkbookSession;
	#files: FileSync;

	constructor(session: WorkbookSession) {
		super();
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
			? buildLink(origin, '/device', {
					room: c.room,
					secret: c.secret,
					signal: c.signal,
					...(c.relay?.length ? { relay: c.relay } : {})
				})
			: null;
	}

	/** Makes a new device link (its own room and secret) and starts syncing. */
	async create(): Promise<void> {
		await this.#close();
		this.#save({
			room: randomToken(96),
			secret: randomToken(SECRET_BITS),
			signal: readSettings(this.#session.doc).signalingUrls,
			relay: deviceRelays()
		});
		await this.connect();
	}

	/** Links this browser with the workbook of the link. */
	async join(link: RoomLink): Promise<void> {
		await this.#close();
		this.#save({
			room: link.room,
			secret: link.secret,
			signal: link.signal,
			relay: link.relay ?? []
		});
		await this.connect();
	}

	async connect(): Promise<void> {
		const config = this.config;
		if (!config || !this.#session.writable) return;
		await this.openLink(this.#session.doc, config, readSettings(this.#session.doc).iceServers);
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
		await this.closeLink();
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
