import * as Y from 'yjs';
import { ORIGIN } from '../../doc/origins';
import { GuardedApplier } from './guarded-apply';
import { deriveRelayKeys, open, seal, type OpenError, type RelayKeys } from './relay-crypto';
import type { SyncConnection } from './types';

/**
 * What the UI shows about the relay path ("relay reachable", "last synced", entries skipped).
 * - `off`: closed; `connecting`: first contact under way; `reachable`: connected now;
 *   `unreachable`: not connected, retrying; `refused`: the relay turned us down (mailbox full,
 *   or too many attempts from this address).
 */
export interface RelayStatus {
	relay: 'off' | 'connecting' | 'reachable' | 'unreachable' | 'refused';
	/** When this device last had everything the mailbox holds, and the mailbox everything it has. */
	lastSynced: number | null;
	/** Entries that failed to open or apply, each changing nothing. */
	skipped: number;
	skippedReasons: Partial<Record<OpenError, number>>;
	/** Entries and sealed bytes in the mailbox as this device last saw it. */
	entries: number;
	bytes: number;
}

export interface RelaySyncOptions {
	/** The relay, e.g. `wss://example.org/relay` (from the link's `relay=` or the setting). */
	url: string;
	/** The space's secret (from the invite link): the mailbox name and key come from it. */
	secret: string;
	/** Origin of the changes applied from the relay. Default ORIGIN.remote. */
	origin?: unknown;
	/** Compact once the mailbox holds more entries than this. Default 128. */
	compactAfterEntries?: number;
	/** …or more sealed bytes than this many times the document's own state. Default 1.5. */
	compactFactor?: number;
	/** Never compact below this many sealed bytes. Default 1 KiB. */
	compactMinBytes?: number;
	/** Entries whose update is bigger than this are skipped. Default 16 MiB. */
	maxUpdateBytes?: number;
	/** For Node: the `ws` package's WebSocket. Browsers have their own. */
	WebSocketPolyfill?: unknown;
	/** Clock, for tests. */
	now?: () => number;
}

export const RELAY_DEFAULTS = Object.freeze({
	compactAfterEntries: 128,
	compactFactor: 1.5,
	compactMinBytes: 1024,
	maxUpdateBytes: 16 * 1024 * 1024
});

/** The mailbox document's one array of sealed entries. The relay knows nothing else. */
export const MAILBOX_ARRAY = 'entries';

/** Close code the relay uses when a change would overfill the mailbox (src/server/relay.js). */
const MAILBOX_FULL = 4413;

type Listener = (status: RelayStatus) => void;
type Provider = import('@hocuspocus/provider').HocuspocusProvider;

function mergeVector(into: Map<number, number>, vector: Map<number, number>) {
	for (const [client, clock] of vector) {
		if ((into.get(client) ?? 0) < clock) into.set(client, clock);
	}
}

/**
 * Syncs a document through an end-to-end encrypted relay mailbox (a Hocuspocus document holding
 * one Y.Array of sealed entries), for partners and devices that are never online together.
 *
 * - On connecting it opens every entry it has not handled yet and applies it with `origin`,
 *   after checking it on a scratch copy (GuardedApplier); an entry that fails is skipped, counted
 *   in `status.skipped` by reason, and changes nothing.
 * - Each local change (any origin but `origin`) is sealed and appended. Changes made while away
 *   reach the mailbox on the next connect: whatever the document has beyond what the mailbox
 *   covers is appended as one entry.
 * - Past `compactAfterEntries` entries or `compactFactor` × the document's size, this client
 *   appends a sealed snapshot of the whole state and deletes the entries it covers in the same
 *   transaction, so the mailbox stays bounded.
 *
 * `@hocuspocus/provider` is loaded with `import()` on first use, so it never lands on a screen
 * that does not sync. `status` is a Svelte-store-shaped observable (`subscribe`).
 */
export class RelaySync implements SyncConnection {
	/** Resolves once the provider is created (or the connection was closed first). */
	readonly started: Promise<void>;

	private readonly options: Required<
		Omit<RelaySyncOptions, 'WebSocketPolyfill' | 'origin' | 'now'>
	> & { origin: unknown; now: () => number; WebSocketPolyfill?: unknown };
	private readonly guard: GuardedApplier;
	private readonly listeners = new Set<Listener>();
	private current: RelayStatus = {
		relay: 'connecting',
		lastSynced: null,
		skipped: 0,
		skippedReasons: {},
		entries: 0,
		bytes: 0
	};
	private keys: RelayKeys | null = null;
	private provider: Provider | null = null;
	private readonly mailbox = new Y.Doc();
	private readonly entries = this.mailbox.getArray<unknown>(MAILBOX_ARRAY);
	/**
	 * Entries applied, skipped or sealed here: never opened again, covered by a snapshot. By
	 * identity (Yjs hands back the same object each time), so a tampered copy of an entry that
	 * arrives first cannot make the genuine one look handled.
	 */
	private readonly handledEntries = new WeakSet<object>();
	/** Junk that is not even an object (a number, a string) cannot go in a WeakSet. */
	private readonly handledJunk = new Set<unknown>();
	/** What the entries handled so far hold, per Yjs client: the diff on connect is the rest. */
	private readonly covered = new Map<number, number>();
	private pending: Uint8Array[] = [];
	private chain: Promise<void> = Promise.resolve();
	private stateBytes = 0;
	private synced = false;
	private closed = false;
	/** settled() callers waiting on the relay, released by close(). */
	private readonly waiters = new Set<() => void>();

	constructor(
		private readonly doc: Y.Doc,
		options: RelaySyncOptions
	) {
		this.options = {
			...RELAY_DEFAULTS,
			...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
			url: options.url,
			secret: options.secret,
			origin: options.origin ?? ORIGIN.remote,
			now: options.now ?? Date.now
		};
		this.guard = new GuardedApplier(doc, { maxUpdateBytes: this.options.maxUpdateBytes });
		doc.on('update', this.onLocalUpdate);
		this.entries.observe(this.onEntries);
		this.started = this.start().catch((error: unknown) => {
			console.error('Village: the relay could not start', error);
			this.setStatus({ relay: 'unreachable' });
		});
	}

	get status(): RelayStatus {
		return this.current;
	}

	/** Svelte store contract: called now and on every change; returns the unsubscriber. */
	subscribe(listener: Listener): () => void {
		this.listeners.add(listener);
		listener(this.current);
		return () => this.listeners.delete(listener);
	}

	/**
	 * Resolves once everything queued so far is sealed and the relay has it, and everything
	 * the relay sent so far is applied (or skipped); or once closed. While the relay is
	 * unreachable it waits. For tests and "sync now" buttons.
	 */
	async settled(): Promise<void> {
		await this.started;
		for (;;) {
			const chain = this.chain;
			await chain;
			const provider = this.provider;
			if (provider && provider.hasUnsyncedChanges && !this.closed) {
				await new Promise<void>((resolve) => {
					const done = () => {
						provider.off('unsyncedChanges', check);
						this.waiters.delete(done);
						resolve();
					};
					const check = ({ number }: { number: number }) => number === 0 && done();
					provider.on('unsyncedChanges', check);
					this.waiters.add(done);
				});
			}
			if (this.closed || (chain === this.chain && this.pending.length === 0)) return;
		}
	}

	close(): void {
		if (this.closed) return;
		this.closed = true;
		this.doc.off('update', this.onLocalUpdate);
		this.entries.unobserve(this.onEntries);
		this.provider?.destroy();
		this.provider = null;
		this.guard.destroy();
		this.mailbox.destroy();
		this.setStatus({ relay: 'off' });
		this.listeners.clear();
		for (const release of [...this.waiters]) release();
	}

	private setStatus(change: Partial<RelayStatus>) {
		this.current = { ...this.current, ...change };
		for (const listener of this.listeners) listener(this.current);
	}

	private async start() {
		const keys = await deriveRelayKeys(this.options.secret);
		const { HocuspocusProvider } = await import('@hocuspocus/provider');
		if (this.closed) return;
		this.keys = keys;
		this.stateBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
		this.provider = new HocuspocusProvider({
			url: this.options.url,
			name: keys.mailbox,
			document: this.mailbox,
			...(this.options.WebSocketPolyfill
				? { WebSocketPolyfill: this.options.WebSocketPolyfill }
				: {}),
			onStatus: ({ status }) => {
				if (this.closed) return;
				if (status === 'connected') this.setStatus({ relay: 'reachable' });
				else if (status === 'disconnected') {
					this.synced = false;
					if (this.current.relay !== 'refused') this.setStatus({ relay: 'unreachable' });
				}
			},
			onAuthenticationFailed: () => {
				// The relay turned the mailbox down (too many attempts from this address).
				if (!this.closed) this.setStatus({ relay: 'refused' });
			},
			onClose: ({ event }) => {
				if (this.closed || event?.code !== MAILBOX_FULL) return;
				// Our change would overfill the mailbox: compact now, so the next try shrinks it.
				this.setStatus({ relay: 'refused' });
				this.enqueue(() => this.compact());
			},
			onSynced: ({ state }) => {
				if (!state || this.closed) return;
				this.synced = true;
				this.enqueue(() => this.catchUp());
			},
			onUnsyncedChanges: ({ number }) => {
				if (number === 0 && this.synced && !this.closed) {
					this.setStatus({ lastSynced: this.options.now() });
				}
			}
		});
		// Changes made before the keys were ready are in `pending`.
		if (this.pending.length) this.enqueue(() => this.flushPending());
	}

	private enqueue(step: () => Promise<void>) {
		this.chain = this.chain.then(async () => {
			if (this.closed) return;
			try {
				await step();
			} catch (error) {
				console.error('Village: a relay step failed', error);
			}
		});
	}

	private readonly onLocalUpdate = (update: Uint8Array, origin: unknown) => {
		if (origin === this.options.origin || this.closed) return;
		this.pending.push(update);
		if (this.pending.length === 1 && this.keys) this.enqueue(() => this.flushPending());
	};

	private readonly onEntries = () => {
		this.enqueue(() => this.openNew());
	};

	/** Seals every change queued since the last time as one entry and appends it. */
	private async flushPending() {
		if (!this.keys || this.pending.length === 0) return;
		const updates = this.pending;
		this.pending = [];
		const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
		await this.append(update);
		await this.compactIfDue();
	}

	private async append(update: Uint8Array) {
		if (!this.keys || this.closed) return;
		const entry = await seal(this.keys, update, this.mailbox.clientID);
		if (this.closed) return;
		this.markHandled(entry);
		mergeVector(this.covered, Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)));
		this.entries.push([entry]);
	}

	private isHandled(entry: unknown) {
		return typeof entry === 'object' && entry !== null
			? this.handledEntries.has(entry)
			: this.handledJunk.has(entry);
	}

	private markHandled(entry: unknown) {
		if (typeof entry === 'object' && entry !== null) this.handledEntries.add(entry);
		else this.handledJunk.add(entry);
	}

	/** Opens and applies every entry not handled yet, in mailbox order. */
	private async openNew() {
		if (!this.keys) return;
		const skipped = { ...this.current.skippedReasons };
		let skippedCount = this.current.skipped;
		for (const entry of this.entries.toArray()) {
			if (this.isHandled(entry)) continue;
			this.markHandled(entry);
			const opened = await open(this.keys, entry, { maxBytes: this.options.maxUpdateBytes });
			if (this.closed) return;
			const error = opened.ok ? this.guard.apply(opened.update, this.options.origin) : opened.error;
			if (error) {
				skipped[error] = (skipped[error] ?? 0) + 1;
				skippedCount += 1;
			} else if (opened.ok) {
				mergeVector(
					this.covered,
					Y.decodeStateVector(Y.encodeStateVectorFromUpdate(opened.update))
				);
			}
		}
		this.setStatus({ skipped: skippedCount, skippedReasons: skipped, ...this.measure() });
	}

	/** After (re)connecting: take what the mailbox has, give what it lacks, compact if due. */
	private async catchUp() {
		await this.openNew();
		await this.flushPending();
		const have = Y.decodeStateVector(Y.encodeStateVector(this.doc));
		const lacking = [...have].some(([client, clock]) => (this.covered.get(client) ?? 0) < clock);
		if (lacking) {
			const vector = Y.encodeStateVector(this.covered);
			await this.append(Y.encodeStateAsUpdate(this.doc, vector));
		}
		await this.compactIfDue();
		if (!this.provider?.hasUnsyncedChanges) this.setStatus({ lastSynced: this.options.now() });
	}

	private measure() {
		let bytes = 0;
		let entries = 0;
		for (const entry of this.entries) {
			entries += 1;
			bytes += entry instanceof Uint8Array ? entry.byteLength : 0;
		}
		return { entries, bytes };
	}

	private async compactIfDue() {
		const { entries, bytes } = this.measure();
		this.setStatus({ entries, bytes });
		const limit = Math.max(
			this.options.compactMinBytes,
			this.options.compactFactor * this.stateBytes
		);
		if (entries < 2 || (entries <= this.options.compactAfterEntries && bytes <= limit)) return;
		await this.compact();
	}

	/**
	 * Appends a sealed snapshot of the whole state and deletes, in the same transaction, every
	 * entry it covers (all this client has handled). Entries that arrive meanwhile stay.
	 */
	private async compact() {
		if (!this.keys) return;
		const state = Y.encodeStateAsUpdate(this.doc);
		const snapshot = await seal(this.keys, state, this.mailbox.clientID);
		if (this.closed) return;
		this.markHandled(snapshot);
		mergeVector(this.covered, Y.decodeStateVector(Y.encodeStateVector(this.doc)));
		this.stateBytes = state.byteLength;
		this.mailbox.transact(() => {
			const all = this.entries.toArray();
			// Delete runs of covered entries from the end, so indexes stay valid.
			let end = all.length;
			while (end > 0) {
				const covered = (i: number) => this.isHandled(all[i]);
				if (!covered(end - 1)) {
					end -= 1;
					continue;
				}
				let start = end - 1;
				while (start > 0 && covered(start - 1)) start -= 1;
				this.entries.delete(start, end - start);
				end = start;
			}
			this.entries.push([snapshot]);
		});
		this.setStatus(this.measure());
	}
}

/** Connects `doc` to a relay mailbox; see RelaySync. */
export function connectRelay(doc: Y.Doc, options: RelaySyncOptions): RelaySync {
	return new RelaySync(doc, options);
}
