/**
 * A hostile client of a relay mailbox: appends whatever it is given to the mailbox's entries, as
 * anyone who knows (or guessed) the mailbox name could. Used by the Node tests of RelaySync and
 * the browser tests of relay sync.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import { createRequire } from 'node:module';
import * as Y from 'yjs';
import { deriveRelayKeys, seal, type RelayKeys } from '../../../src/lib/adapters/sync/relay-crypto';

/**
 * Five entries that must each be skipped, in this order: a tampered copy of `genuine` (a sealed
 * entry), a truncated one, one sealed with another space's key, a malformed Yjs update inside a
 * valid seal (yjs issue #687: such bytes can hang or throw), and something that is not an entry.
 */
export async function hostileEntries(keys: RelayKeys, genuine: Uint8Array): Promise<unknown[]> {
	const tampered = genuine.slice();
	tampered[tampered.length - 5]! ^= 0x10;
	const foreign = await seal(await deriveRelayKeys('some other space'), genuine, 2);
	const crafted = await seal(keys, new Uint8Array([1, 0x80, 0x80, 0x80, 0x80, 0x0f, 5, 0]), 3);
	return [tampered, genuine.slice(0, 20), foreign, crafted, 'not an entry'];
}

/** Required, not imported: under the runes tests packages resolve for the browser, where `ws` is a stub. */
const WebSocket: unknown = createRequire(import.meta.url)('ws');

/** Connects to `mailbox` on the relay at `url`, appends `entries`, waits until stored, leaves. */
export async function appendToMailbox(url: string, mailbox: string, entries: unknown[]) {
	const doc = new Y.Doc();
	// The provider hands WebSocketPolyfill on to its socket; its type does not list it.
	const config = { url, name: mailbox, document: doc, WebSocketPolyfill: WebSocket };
	const raw = new HocuspocusProvider(config);
	try {
		await new Promise<void>((resolve) => raw.on('synced', () => resolve()));
		doc.getArray('entries').push(entries);
		await new Promise<void>((resolve) => {
			if (!raw.hasUnsyncedChanges) resolve();
			else
				raw.on('unsyncedChanges', ({ number }: { number: number }) => {
					if (number === 0) resolve();
				});
		});
	} finally {
		raw.destroy();
		doc.destroy();
	}
}
