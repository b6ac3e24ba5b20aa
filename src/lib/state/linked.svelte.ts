import type * as Y from 'yjs';
import type { RoomLink } from '../model/partner';
import { LINK_OFF, openPaths, SyncPaths, type LinkStatus } from './paths';

/**
 * What the partnership and device linking share: one set of connections (paths.ts) for a
 * document, its status for the screens, and pause, resume and stop.
 */
export abstract class Linked {
	status = $state<LinkStatus>(LINK_OFF);
	#paths: SyncPaths | null = null;

	/** Opens the connections for `link`, unless they are open already. */
	protected async openLink(
		doc: Y.Doc,
		link: Pick<RoomLink, 'room' | 'secret' | 'signal' | 'relay'>,
		iceServers: string[]
	): Promise<void> {
		if (this.#paths) return;
		const paths = new SyncPaths(doc, (s) => (this.status = s));
		this.#paths = paths;
		await openPaths(paths, link, iceServers);
	}

	/** Closes the connections and waits until the room can be opened again in this page. */
	protected async closeLink(): Promise<void> {
		const paths = this.#paths;
		this.#paths = null;
		this.status = LINK_OFF;
		await paths?.close();
	}

	pause(): void {
		this.#paths?.pause();
	}
	resume(): void {
		this.#paths?.resume();
	}

	/** Bytes this device has sent to peers (benchmarks). */
	get bytesSent(): number {
		return this.#paths?.bytesSent ?? 0;
	}
}
