import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { ORIGIN } from '../../../src/lib/doc/origins';
import { RelaySync, type RelayStatus } from '../../../src/lib/adapters/sync/relay';
import { deriveRelayKeys, seal } from '../../../src/lib/adapters/sync/relay-crypto';
import { appendToMailbox, hostileEntries } from '../support/mailbox';
import {
	freePort,
	removeDir,
	startRelayProcess,
	type RelayProcess
} from '../support/relay-process';

const relays: RelayProcess[] = [];
const links: RelaySync[] = [];
const dirs: string[] = [];

afterEach(async () => {
	for (const link of links.splice(0)) link.close();
	await Promise.all(relays.splice(0).map((r) => r.stop()));
});
afterAll(() => dirs.splice(0).forEach(removeDir));

async function relay(env: Record<string, string> = {}, dataDir?: string) {
	const r = await startRelayProcess(env, dataDir);
	relays.push(r);
	dirs.push(r.dataDir);
	return r;
}

function connect(doc: Y.Doc, url: string, secret: string, extra = {}) {
	const link = new RelaySync(doc, { url, secret, WebSocketPolyfill: WebSocket, ...extra });
	links.push(link);
	return link;
}

/** Resolves when the status matches (it is an observable; no polling, no sleeps). */
function until(link: RelaySync, match: (s: RelayStatus) => boolean, ms = 20000) {
	return new Promise<RelayStatus>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`status never matched: ${JSON.stringify(link.status)}`)),
			ms
		);
		let off = () => {};
		off = link.subscribe((s) => {
			if (!match(s)) return;
			clearTimeout(timer);
			queueMicrotask(() => off());
			resolve(s);
		});
	});
}

/** Resolves when `doc` satisfies `check` after some update. */
function whenDoc(doc: Y.Doc, check: () => boolean, ms = 20000, what = 'the change') {
	return new Promise<void>((resolve, reject) => {
		if (check()) return resolve();
		const timer = setTimeout(() => reject(new Error(`the document never got ${what}`)), ms);
		const onUpdate = () => {
			if (!check()) return;
			clearTimeout(timer);
			doc.off('update', onUpdate);
			resolve();
		};
		doc.on('update', onUpdate);
	});
}

const close = (link: RelaySync) => {
	link.close();
	links.splice(links.indexOf(link), 1);
};

// Each test starts and stops relay processes (about a second each on a busy machine).
describe('RelaySync through a real relay process', { timeout: 40000 }, () => {
	it('A checks in and leaves; B opens later and gets it; B cheers; A reopens and sees it', async () => {
		const r = await relay();
		const secret = 'space-secret-one';
		const a = new Y.Doc();
		const linkA = connect(a, r.url, secret);
		await until(linkA, (s) => s.relay === 'reachable');
		a.getMap('checkins').set('w49', 'Met Dana for coffee, asked about the data team');
		await linkA.settled();
		close(linkA);

		const b = new Y.Doc();
		const origins: unknown[] = [];
		b.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
		const linkB = connect(b, r.url, secret);
		await whenDoc(b, () => b.getMap('checkins').get('w49') !== undefined);
		expect(b.getMap('checkins').get('w49')).toBe('Met Dana for coffee, asked about the data team');
		expect(origins).toEqual([ORIGIN.remote]);
		const status = await until(linkB, (s) => s.lastSynced !== null);
		expect(status.skipped).toBe(0);
		b.getMap('cheers').set('w49', 'Great move, Sam!');
		await linkB.settled();
		close(linkB);

		const linkA2 = connect(a, r.url, secret);
		await whenDoc(a, () => a.getMap('cheers').get('w49') === 'Great move, Sam!');
		await linkA2.settled();
	});

	it('reaches a device whose relay restarted in between (the mailbox is on disk)', async () => {
		const dataDir = mkdtempSync(path.join(tmpdir(), 'village-relay-'));
		const r1 = await relay({}, dataDir);
		const a = new Y.Doc();
		const linkA = connect(a, r1.url, 'restart-secret');
		a.getText('goal').insert(0, 'Move into product leadership');
		await linkA.settled();
		close(linkA);
		await r1.stop();
		relays.splice(relays.indexOf(r1), 1);

		const r2 = await relay({}, dataDir);
		const b = new Y.Doc();
		connect(b, r2.url, 'restart-secret');
		await whenDoc(b, () => b.getText('goal').toString() === 'Move into product leadership');
	});

	it('keeps the mailbox under 2× the plain state after 1,000 edits, and stores no plaintext', async () => {
		const r = await relay();
		const a = new Y.Doc();
		const linkA = connect(a, r.url, 'compaction-secret');
		const text = a.getText('commitment');
		const words = 'Introduce Keiko to Marcus before the planning offsite in March. ';
		for (let i = 0; i < 1000; i++) {
			text.insert(text.length, words[i % words.length]!);
			if (i % 10 === 9) await linkA.settled();
		}
		a.getMap('people').set('p1', { name: 'Keiko Tanaka' });
		await linkA.settled();
		const plain = Y.encodeStateAsUpdate(a).byteLength;
		close(linkA);
		await r.stop();
		relays.splice(relays.indexOf(r), 1);
		const stored = r.storedBytes();
		expect(stored.byteLength).toBeGreaterThan(0);
		expect(stored.byteLength).toBeLessThan(2 * plain);
		for (const secret of [
			'Keiko',
			'Marcus',
			'offsite',
			'Introduce',
			'Tanaka',
			'compaction-secret'
		]) {
			expect(stored.includes(Buffer.from(secret))).toBe(false);
		}
		// And the compacted mailbox still gives a new device everything.
		const r2 = await relay({}, r.dataDir);
		const b = new Y.Doc();
		connect(b, r2.url, 'compaction-secret');
		await whenDoc(
			b,
			() => b.getText('commitment').toString() === text.toString() && b.getMap('people').has('p1')
		);
		expect(b.getMap('people').get('p1')).toEqual({ name: 'Keiko Tanaka' });
	});

	it('skips tampered, truncated and foreign entries, reports them, and changes nothing', async () => {
		const r = await relay();
		const secret = 'hostile-secret';
		const keys = await deriveRelayKeys(secret);
		const good = new Y.Doc();
		good.getMap('answers').set('goal', 'Find a mentor in climate tech');
		const genuine = await seal(keys, Y.encodeStateAsUpdate(good), 1);
		// A hostile client with write access to the mailbox pushes junk next to a genuine entry.
		const junk = await hostileEntries(keys, genuine);
		await appendToMailbox(r.url, keys.mailbox, [...junk.slice(0, 4), genuine, junk[4]]);

		const b = new Y.Doc();
		b.getMap('answers').set('mine', 'kept');
		const link = connect(b, r.url, secret);
		const status = await until(link, (s) => s.skipped >= 5);
		expect(status.skipped).toBe(5);
		expect(status.skippedReasons).toEqual({
			tampered: 1,
			truncated: 1,
			'wrong-key': 1,
			'invalid-update': 1,
			malformed: 1
		});
		expect(b.getMap('answers').toJSON()).toEqual({
			mine: 'kept',
			goal: 'Find a mentor in climate tech'
		});
	});

	it('sends on connect what the document gained while no relay was attached', async () => {
		const r = await relay();
		const a = new Y.Doc();
		// Written before the relay was set up, or while the app was closed offline.
		a.getMap('answers').set('goal', 'Chair the regional design guild');
		const linkA = connect(a, r.url, 'late-secret');
		await until(linkA, (s) => s.lastSynced !== null && s.entries === 1);
		const b = new Y.Doc();
		connect(b, r.url, 'late-secret');
		await whenDoc(b, () => b.getMap('answers').get('goal') === 'Chair the regional design guild');
	});

	it('does not send back what it received', async () => {
		const r = await relay();
		const a = new Y.Doc();
		const b = new Y.Doc();
		const linkA = connect(a, r.url, 'echo-secret');
		const linkB = connect(b, r.url, 'echo-secret');
		await Promise.all([linkA.settled(), linkB.settled()]);
		a.getMap('answers').set('goal', 'Speak at one conference');
		await whenDoc(b, () => b.getMap('answers').get('goal') !== undefined);
		await Promise.all([linkA.settled(), linkB.settled()]);
		expect(linkB.status.entries).toBe(1);
		expect(linkA.status.entries).toBe(1);
	});

	it('syncs a 1 MB workbook to a new device', async () => {
		const r = await relay();
		const a = new Y.Doc();
		const notes = a.getMap('notes');
		const line = 'Follow up with the VP of Product about the mentoring circle. ';
		for (let i = 0; i < 1100; i++) notes.set(`n${i}`, `${i} ${line.repeat(16)}`);
		expect(Y.encodeStateAsUpdate(a).byteLength).toBeGreaterThan(1_000_000);
		const linkA = connect(a, r.url, 'device-secret');
		await until(linkA, (s) => s.lastSynced !== null && s.entries > 0);
		close(linkA);
		const b = new Y.Doc();
		connect(b, r.url, 'device-secret');
		await whenDoc(b, () => b.getMap('notes').size === 1100, 20000);
		expect(b.getMap('notes').toJSON()).toEqual(notes.toJSON());
	});

	it('compacts when the relay refuses a change for a full mailbox, and gets through', async () => {
		const r = await relay({ RELAY_MAX_MAILBOX_BYTES: String(16 * 1024) });
		const a = new Y.Doc();
		// A client that would never compact on its own, to run into the relay's cap.
		const never = { compactAfterEntries: 1e9, compactFactor: 1e9, compactMinBytes: 1e9 };
		const link = connect(a, r.url, 'full-secret', never);
		await link.settled();
		const states: string[] = [];
		link.subscribe((s) => states.at(-1) !== s.relay && states.push(s.relay));
		// A draft rewritten again and again: small state, many big entries.
		const drafts = a.getMap('drafts');
		for (let i = 0; i < 60 && !states.includes('refused'); i++) {
			drafts.set('note', `Version ${i}: `.padEnd(600, '.'));
			await Promise.race([link.settled(), until(link, (s) => s.relay === 'refused')]);
		}
		expect(states).toContain('refused');
		await until(link, (s) => s.relay === 'reachable' && s.bytes < 4096, 20000);
		await link.settled();
		const b = new Y.Doc();
		connect(b, r.url, 'full-secret');
		await whenDoc(b, () => b.getMap('drafts').get('note') === drafts.get('note'), 20000);
	});

	it('says when the relay is unreachable, and reachable once it is up', async () => {
		const port = await freePort();
		const doc = new Y.Doc();
		const link = connect(doc, `ws://127.0.0.1:${port}`, 'down-secret');
		await until(link, (s) => s.relay === 'unreachable');
		expect(link.status.lastSynced).toBeNull();
		link.close();
		expect(link.status.relay).toBe('off');
	});
});

describe('two relay processes sharing one Redis', { timeout: 40000 }, () => {
	let redis: ChildProcess | null = null;

	afterEach(async () => {
		if (redis?.pid && redis.exitCode === null) {
			const exited = new Promise((r) => redis!.once('exit', r));
			process.kill(redis.pid, 'SIGTERM');
			await exited;
		}
		redis = null;
	});

	async function startRedis() {
		const port = await freePort();
		redis = spawn(
			'redis-server',
			['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
			{ stdio: ['ignore', 'pipe', 'pipe'] }
		);
		let out = '';
		redis.stdout!.on('data', (d) => (out += String(d)));
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`redis did not start:\n${out}`)), 30000);
			redis!.stdout!.on('data', () => {
				if (/ready to accept connections/i.test(out)) {
					clearTimeout(timer);
					resolve();
				}
			});
			redis!.once('error', reject);
		});
		return port;
	}

	/** Runs redis-cli and returns its raw output. */
	function cli(port: number, args: string[]) {
		return new Promise<Buffer>((resolve, reject) => {
			const child = spawn('redis-cli', ['-p', String(port), ...args]);
			const chunks: Buffer[] = [];
			child.stdout.on('data', (d: Buffer) => chunks.push(d));
			child.once('error', reject);
			child.once('exit', () => resolve(Buffer.concat(chunks)));
		});
	}

	it('carries an edit on a client of one to a client of the other, and Redis sees no plaintext', async () => {
		const port = await startRedis();
		// Everything that passes through Redis, as it passes.
		const monitor = spawn('redis-cli', ['-p', String(port), 'monitor']);
		const seen: Buffer[] = [];
		monitor.stdout.on('data', (d: Buffer) => seen.push(d));
		await new Promise<void>((resolve) => monitor.stdout.once('data', () => resolve()));
		try {
			// Processes behind one Redis share the data folder too (README), as they would a volume.
			const env = { REDIS_URL: `redis://127.0.0.1:${port}` };
			const one = await relay(env);
			const two = await relay(env, one.dataDir);
			const secret = 'scaled-secret';
			const a = new Y.Doc();
			const b = new Y.Doc();
			const linkA = connect(a, one.url, secret);
			const linkB = connect(b, two.url, secret);
			await Promise.all([
				until(linkA, (s) => s.lastSynced !== null),
				until(linkB, (s) => s.lastSynced !== null)
			]);
			a.getMap('commitments').set('c1', 'Call Oluwaseun about the board seat');
			await whenDoc(b, () => b.getMap('commitments').get('c1') !== undefined, 20000, 'c1 on b');
			b.getMap('cheers').set('c1', 'You can do it, Ines');
			await whenDoc(a, () => a.getMap('cheers').get('c1') !== undefined, 20000, 'cheer on a');
			expect(a.getMap('cheers').get('c1')).toBe('You can do it, Ines');

			const keys = (await cli(port, ['--scan'])).toString().split('\n').filter(Boolean);
			const values = await Promise.all(keys.map((k) => cli(port, ['--no-raw', 'dump', k])));
			const everything = Buffer.concat([...seen, Buffer.from(keys.join('\n')), ...values]);
			// The monitor did see the relays' traffic: the entries went through Redis, sealed.
			expect(Buffer.concat(seen).toString()).toMatch(/"publish" "village-relay/i);
			for (const text of ['Oluwaseun', 'board seat', 'Ines', 'You can do it', secret]) {
				expect(everything.includes(Buffer.from(text))).toBe(false);
			}
		} finally {
			// Relays first: they say goodbye to Redis as they stop.
			for (const link of links.splice(0)) link.close();
			await Promise.all(relays.splice(0).map((r) => r.stop()));
			if (monitor.pid) process.kill(monitor.pid, 'SIGTERM');
		}
	});
});
