import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
	fileStore,
	MAILBOX_FULL,
	startRelayServer,
	type RelayServer
} from '../../../src/server/relay.js';

const servers: RelayServer[] = [];
const providers: HocuspocusProvider[] = [];
const sockets: WebSocket[] = [];
const dirs: string[] = [];

const NAME = 'A'.repeat(43);

function dataDir() {
	const dir = mkdtempSync(path.join(tmpdir(), 'village-relay-unit-'));
	dirs.push(dir);
	return dir;
}

async function start(options: Parameters<typeof startRelayServer>[0] = {}) {
	delete process.env.HOST;
	const server = await startRelayServer({
		port: 0,
		dataDir: dataDir(),
		redisUrl: null,
		storeDelay: 10,
		...options
	});
	servers.push(server);
	return server;
}

function provider(url: string, name = NAME, document = new Y.Doc()) {
	// The provider hands WebSocketPolyfill on to its socket; its type does not list it.
	const config = { url, name, document, WebSocketPolyfill: WebSocket };
	const p = new HocuspocusProvider(config);
	providers.push(p);
	return p;
}

const synced = (p: HocuspocusProvider) =>
	new Promise<void>((resolve) => (p.isSynced ? resolve() : p.on('synced', () => resolve())));
const acknowledged = (p: HocuspocusProvider) =>
	new Promise<void>((resolve) => {
		if (!p.hasUnsyncedChanges) return resolve();
		const check = ({ number }: { number: number }) => number === 0 && resolve();
		p.on('unsyncedChanges', check);
	});

function rawSocket(url: string) {
	return new Promise<WebSocket>((resolve, reject) => {
		const ws = new WebSocket(url);
		sockets.push(ws);
		ws.once('open', () => resolve(ws));
		ws.once('error', reject);
	});
}

afterEach(async () => {
	for (const p of providers.splice(0)) p.destroy();
	for (const ws of sockets.splice(0)) ws.terminate();
	await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('relay server', { timeout: 20000 }, () => {
	it('binds 127.0.0.1 by default and answers plain HTTP with "okay"', async () => {
		const server = await start();
		expect(server.url).toBe(`ws://127.0.0.1:${server.port}`);
		const address = server.server.address();
		expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
		expect(await (await fetch(`http://127.0.0.1:${server.port}/`)).text()).toBe('okay');
	});

	it('stores a mailbox atomically in the data folder and serves it after a restart', async () => {
		const dir = dataDir();
		const first = await start({ dataDir: dir });
		const doc = new Y.Doc();
		const p = provider(first.url, NAME, doc);
		await synced(p);
		doc.getArray('entries').push([new Uint8Array([1, 2, 3])]);
		await acknowledged(p);
		p.destroy();
		await first.close();
		expect(readdirSync(dir)).toEqual([`${NAME}.ystate`]); // no temp file left behind

		const second = await start({ dataDir: dir });
		const again = new Y.Doc();
		await synced(provider(second.url, NAME, again));
		expect(again.getArray('entries').toArray()).toEqual([new Uint8Array([1, 2, 3])]);
	});

	it('merges with what another process stored instead of overwriting it', async () => {
		const store = fileStore(dataDir());
		const a = new Y.Doc();
		a.getArray('entries').push([new Uint8Array([1])]);
		const b = new Y.Doc();
		b.getArray('entries').push([new Uint8Array([2])]);
		await Promise.all([
			store.store(NAME, Y.encodeStateAsUpdate(a)),
			store.store(NAME, Y.encodeStateAsUpdate(b))
		]);
		const merged = new Y.Doc();
		Y.applyUpdate(merged, (await store.fetch(NAME))!);
		expect(merged.getArray('entries').length).toBe(2);
		expect(() => store.file('../../etc/passwd')).toThrow();
	});

	it('refuses documents whose names are not mailbox names', async () => {
		const server = await start();
		const p = provider(server.url, '../../etc/passwd');
		const reason = await new Promise<string>((resolve) =>
			p.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason))
		);
		expect(reason).toBeTruthy();
		expect(server.hocuspocus.getDocumentsCount()).toBe(0);
	});

	it('closes a connection that sends an oversized message (1009)', async () => {
		const server = await start({ maxMessageBytes: 64 * 1024 });
		const ws = await rawSocket(server.url);
		const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
		ws.send(new Uint8Array(65 * 1024));
		expect(await closed).toBe(1009);
	});

	it('refuses a change that would overfill a mailbox, but lets a compaction through', async () => {
		const server = await start({ maxMailboxBytes: 4096 });
		const doc = new Y.Doc();
		const entries = doc.getArray<Uint8Array>('entries');
		const p = provider(server.url, NAME, doc);
		await synced(p);
		entries.push([new Uint8Array(1500).fill(1)]);
		entries.push([new Uint8Array(1500).fill(2)]);
		await acknowledged(p);
		const stored = () => server.hocuspocus.documents.get(NAME)!.getArray('entries').length;
		expect(stored()).toBe(2);

		const closed = new Promise<number>((resolve) =>
			p.on('close', ({ event }: { event: { code: number } }) => resolve(event.code))
		);
		entries.push([new Uint8Array(1500).fill(3)]);
		expect(await closed).toBe(MAILBOX_FULL.code);
		p.destroy();
		expect(stored()).toBe(2);

		// Another client compacts: one snapshot replaces both entries in one transaction.
		const other = new Y.Doc();
		const q = provider(server.url, NAME, other);
		await synced(q);
		other.transact(() => {
			other.getArray('entries').delete(0, 2);
			other.getArray('entries').push([new Uint8Array(2000).fill(4)]);
		});
		await acknowledged(q);
		expect(stored()).toBe(1);
		expect(Y.encodeStateAsUpdate(server.hocuspocus.documents.get(NAME)!).byteLength).toBeLessThan(
			4096
		);
	});

	it('limits connections per address (HTTP 429)', async () => {
		const server = await start({ maxConnectionsPerAddress: 2 });
		await rawSocket(server.url);
		await rawSocket(server.url);
		await expect(rawSocket(server.url)).rejects.toThrow(/429/);
		expect(server.connections()).toBe(2);
	});

	it('throttles connection attempts per address (Hocuspocus Throttle extension)', async () => {
		const server = await start({ throttle: 2 });
		for (let i = 0; i < 2; i++) {
			const p = provider(server.url);
			await synced(p);
			p.destroy();
		}
		const refused = provider(server.url);
		await new Promise<void>((resolve) => refused.on('authenticationFailed', () => resolve()));
	});

	it('logs no mailbox names', async () => {
		const lines: string[] = [];
		const server = await start({
			maxMailboxBytes: 1024,
			maxConnectionsPerAddress: 3,
			log: (line) => lines.push(line)
		});
		const doc = new Y.Doc();
		const p = provider(server.url, NAME, doc);
		await synced(p);
		const closed = new Promise<void>((resolve) => p.on('close', () => resolve()));
		doc.getArray('entries').push([new Uint8Array(2000)]);
		await closed;
		await rawSocket(server.url);
		await rawSocket(server.url);
		await rawSocket(server.url).catch(() => {});
		expect(lines.length).toBeGreaterThan(0);
		expect(lines.join('\n')).not.toContain(NAME);
	});
});
