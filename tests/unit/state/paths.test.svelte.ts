import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import * as Y from 'yjs';
import { ORIGIN } from '../../../src/lib/doc/origins';
import { deriveRelayKeys, seal } from '../../../src/lib/adapters/sync/relay-crypto';
import { LINK_OFF, openPaths, SyncPaths, type LinkStatus } from '../../../src/lib/state/paths';
import { RelayList } from '../../../src/lib/state/relays.svelte';
import { appendToMailbox, hostileEntries } from '../support/mailbox';
import { memoryStorage } from '../support/memory-storage';
import { removeDir, startRelayProcess, type RelayProcess } from '../support/relay-process';

// Browsers have WebSocket; Node 20 does not. (Required, not imported: this project resolves
// packages for the browser, and `ws` there is a stub.)
const WebSocket: unknown = createRequire(import.meta.url)('ws');
const globals = globalThis as unknown as { WebSocket: unknown; localStorage: Storage };
let relay: RelayProcess;
const paths: SyncPaths[] = [];

beforeAll(async () => {
	globals.WebSocket ??= WebSocket;
	relay = await startRelayProcess();
});
afterAll(async () => {
	await relay.stop();
	removeDir(relay.dataDir);
});
afterEach(async () => {
	await Promise.all(paths.splice(0).map((p) => p.close()));
});

/** A side of a link: its document, its paths, and its status as it changes. */
function side(
	secret: string,
	relays: string[],
	room = `room-${Math.random().toString(36).slice(2)}`
) {
	const doc = new Y.Doc();
	let status: LinkStatus = LINK_OFF;
	let waiters: (() => void)[] = [];
	const p = new SyncPaths(doc, (s) => {
		status = s;
		for (const w of [...waiters]) w();
	});
	paths.push(p);
	// Each side its own room: in one Node process y-webrtc would otherwise pair them over
	// BroadcastChannel, and this test is about the relay path alone.
	const started = p.start({ room, secret, signal: [], iceServers: [], relays });
	const until = (match: (s: LinkStatus) => boolean, what: string, ms = 20000) =>
		new Promise<LinkStatus>((resolve, reject) => {
			const check = () => {
				if (!match(status)) return;
				waiters = waiters.filter((w) => w !== check);
				clearTimeout(timer);
				resolve(status);
			};
			const timer = setTimeout(() => {
				waiters = waiters.filter((w) => w !== check);
				reject(new Error(`never ${what}: ${JSON.stringify(status)}`));
			}, ms);
			waiters.push(check);
			check();
		});
	const has = (key: string, value: string) =>
		until(() => doc.getMap('m').get(key) === value, `got ${key}`);
	return { doc, paths: p, started, until, has, status: () => status };
}

const sent = (s: LinkStatus) => s.relay === 'reachable' && !s.sending;

describe('SyncPaths: WebRTC and relays side by side', { timeout: 40000 }, () => {
	it('names no relay and reaches none when neither the link nor the device names one', async () => {
		const a = side('secret-without-relay', []);
		await a.started;
		expect(a.status().relay).toBe('none');
		expect(a.status().sending).toBe(false);
	});

	it('hands changes over through the relay, says when everything is sent, applies them as remote', async () => {
		const a = side('secret-one', [relay.url]);
		await a.until(sent, 'caught up');
		a.doc.transact(() => a.doc.getMap('m').set('checkin', 'Met two founders'), ORIGIN.local);
		expect(a.status().sending).toBe(true);
		await a.until(sent, 'sent the check-in');
		await a.paths.close();

		const b = side('secret-one', [relay.url]);
		const origins: unknown[] = [];
		b.doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
		await b.has('checkin', 'Met two founders');
		expect(origins).toContain(ORIGIN.remote);
		const s = await b.until((x) => x.lastSynced !== null, 'synced');
		expect(s.phase).not.toBe('online');
	});

	it('sends nothing while paused, and what waited once resumed', async () => {
		const a = side('secret-two', [relay.url]);
		const b = side('secret-two', [relay.url]);
		await a.until(sent, 'caught up');
		a.paths.pause();
		expect(a.status()).toMatchObject({ phase: 'paused', relay: 'off' });
		a.doc.transact(() => a.doc.getMap('m').set('note', 'written while paused'), ORIGIN.local);
		a.paths.resume();
		await a.until(sent, 'sent after resuming');
		await b.has('note', 'written while paused');
	});

	it('adds up skipped entries by reason, and the document keeps only the genuine one', async () => {
		const keys = await deriveRelayKeys('secret-three');
		const good = new Y.Doc();
		good.getMap('m').set('goal', 'Find a mentor');
		const genuine = await seal(keys, Y.encodeStateAsUpdate(good), 1);
		await appendToMailbox(relay.url, keys.mailbox, [
			...(await hostileEntries(keys, genuine)),
			genuine
		]);
		const a = side('secret-three', [relay.url]);
		const s = await a.until((x) => x.skipped === 5, 'skipped five');
		expect(s.skippedReasons).toEqual({
			tampered: 1,
			truncated: 1,
			'wrong-key': 1,
			'invalid-update': 1,
			malformed: 1
		});
		expect(a.doc.getMap('m').toJSON()).toEqual({ goal: 'Find a mentor' });
	});

	it('a new secret is a new mailbox: the old one gets nothing more (revoking)', async () => {
		const a = side('secret-before', [relay.url]);
		const old = side('secret-before', [relay.url]);
		a.doc.transact(() => a.doc.getMap('m').set('k', 'before'), ORIGIN.local);
		await old.has('k', 'before');
		await a.paths.close();
		const moved = side('secret-after', [relay.url]);
		Y.applyUpdate(moved.doc, Y.encodeStateAsUpdate(a.doc));
		moved.doc.transact(() => moved.doc.getMap('m').set('k', 'after'), ORIGIN.local);
		await moved.until(sent, 'sent to the new mailbox');
		const joiner = side('secret-after', [relay.url]);
		await joiner.has('k', 'after');
		expect(old.doc.getMap('m').get('k')).toBe('before');
	});

	it('uses the device’s relays on top of the link’s, and says when none answers', async () => {
		globals.localStorage = memoryStorage();
		const list = new RelayList();
		expect(list.add('https://relay.example.org')).toMatch(/ws:\/\/ or wss:\/\//);
		expect(list.add('ws://127.0.0.1:9')).toBeNull();
		expect(list.add('ws://127.0.0.1:9')).toMatch(/already/);
		expect(new RelayList().urls).toEqual(['ws://127.0.0.1:9']);
		const doc = new Y.Doc();
		let status: LinkStatus = LINK_OFF;
		const p = new SyncPaths(doc, (s) => (status = s));
		paths.push(p);
		await openPaths(p, { room: 'room-device', secret: 'secret-four', signal: [] }, []);
		expect(status.relay).not.toBe('none');
		doc.transact(() => doc.getMap('m').set('k', 'waits'), ORIGIN.local);
		expect(status.sending).toBe(true);
		list.remove('ws://127.0.0.1:9');
		expect(new RelayList().urls).toEqual([]);
	});
});
