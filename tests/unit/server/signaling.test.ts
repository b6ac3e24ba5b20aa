import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startSignalingServer, type SignalingServer } from '../../../src/server/signaling.js';

const servers: SignalingServer[] = [];
const sockets: WebSocket[] = [];

async function start(options: Parameters<typeof startSignalingServer>[0] = {}) {
	delete process.env.HOST;
	const server = await startSignalingServer({ port: 0, ...options });
	servers.push(server);
	return server;
}

interface Client {
	ws: WebSocket;
	received: Array<Record<string, unknown>>;
	send(message: unknown): void;
	/** Resolves with the next message that matches, or rejects after `ms`. */
	next(
		match?: (m: Record<string, unknown>) => boolean,
		ms?: number
	): Promise<Record<string, unknown>>;
	closed: Promise<number>;
}

function connect(url: string): Promise<Client> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(url);
		sockets.push(ws);
		const received: Array<Record<string, unknown>> = [];
		const waiters: Array<() => void> = [];
		ws.on('message', (data) => {
			received.push(JSON.parse(String(data)));
			for (const w of waiters.splice(0)) w();
		});
		const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
		const client: Client = {
			ws,
			received,
			closed,
			send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
			next(match = () => true, ms = 2000) {
				return new Promise((res, rej) => {
					const timer = setTimeout(() => rej(new Error('no matching message')), ms);
					const check = () => {
						const found = received.find(match);
						if (found) {
							clearTimeout(timer);
							received.splice(received.indexOf(found), 1);
							res(found);
						} else waiters.push(check);
					};
					check();
				});
			}
		};
		ws.once('open', () => resolve(client));
		ws.once('error', reject);
	});
}

/** A ping/pong round trip: everything the client sent before has been handled. */
async function roundTrip(client: Client) {
	client.send({ type: 'ping' });
	await client.next((m) => m.type === 'pong');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(async () => {
	for (const ws of sockets.splice(0)) ws.terminate();
	await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('signaling server', () => {
	it('binds 127.0.0.1 by default and answers plain HTTP with "okay"', async () => {
		const server = await start();
		expect(server.url).toBe(`ws://127.0.0.1:${server.port}`);
		const address = server.server.address();
		expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
		expect(await (await fetch(`http://127.0.0.1:${server.port}/`)).text()).toBe('okay');
	});

	it('answers ping with pong', async () => {
		const server = await start();
		const a = await connect(server.url);
		a.send({ type: 'ping' });
		expect(await a.next()).toEqual({ type: 'pong' });
	});

	it('relays a publish to subscribers of the topic only, with the subscriber count', async () => {
		const server = await start();
		const [a, b, c] = await Promise.all([
			connect(server.url),
			connect(server.url),
			connect(server.url)
		]);
		a.send({ type: 'subscribe', topics: ['room-1'] });
		b.send({ type: 'subscribe', topics: ['room-1'] });
		c.send({ type: 'subscribe', topics: ['room-2'] });
		await Promise.all([roundTrip(a), roundTrip(b), roundTrip(c)]);

		a.send({ type: 'publish', topic: 'room-1', data: { type: 'announce', from: 'a' } });
		expect(await b.next((m) => m.type === 'publish')).toEqual({
			type: 'publish',
			topic: 'room-1',
			data: { type: 'announce', from: 'a' },
			clients: 2
		});
		// y-webrtc gets its own publish back too (it filters by peer id).
		await a.next((m) => m.type === 'publish');
		await roundTrip(c);
		expect(c.received.filter((m) => m.type === 'publish')).toEqual([]);
	});

	it('stops relaying after unsubscribe and when a client leaves', async () => {
		const server = await start();
		const [a, b] = await Promise.all([connect(server.url), connect(server.url)]);
		a.send({ type: 'subscribe', topics: ['t'] });
		b.send({ type: 'subscribe', topics: ['t'] });
		await Promise.all([roundTrip(a), roundTrip(b)]);
		b.send({ type: 'unsubscribe', topics: ['t'] });
		await roundTrip(b);
		a.send({ type: 'publish', topic: 't', data: 1 });
		expect((await a.next((m) => m.type === 'publish')).clients).toBe(1);
		await roundTrip(b);
		expect(b.received.filter((m) => m.type === 'publish')).toEqual([]);
	});

	it('ignores malformed JSON and odd messages without dropping the connection', async () => {
		const server = await start();
		const a = await connect(server.url);
		for (const junk of [
			'not json{',
			'null',
			'[]',
			'"text"',
			'42',
			'{"type":"publish"}',
			'{"type":"subscribe","topics":"x"}',
			'{"type":"subscribe","topics":[1,{},null]}',
			'{"type":"nope"}'
		]) {
			a.send(junk);
		}
		a.ws.send(Buffer.from([0xff, 0xfe, 0x00]), { binary: true });
		await roundTrip(a);
		expect(a.ws.readyState).toBe(WebSocket.OPEN);
		expect(server.connections()).toBe(1);
	});

	it('rejects an oversize message by closing that connection (1009), relaying nothing', async () => {
		const server = await start({ maxMessageBytes: 64 * 1024 });
		const [a, b] = await Promise.all([connect(server.url), connect(server.url)]);
		a.send({ type: 'subscribe', topics: ['big'] });
		b.send({ type: 'subscribe', topics: ['big'] });
		await Promise.all([roundTrip(a), roundTrip(b)]);
		a.send({ type: 'publish', topic: 'big', data: 'x'.repeat(65 * 1024) });
		expect(await a.closed).toBe(1009);
		await roundTrip(b);
		expect(b.received.filter((m) => m.type === 'publish')).toEqual([]);
		// A message just under the limit still goes through.
		const c = await connect(server.url);
		c.send({ type: 'publish', topic: 'big', data: 'y'.repeat(60 * 1024) });
		expect(((await b.next((m) => m.type === 'publish')).data as string).length).toBe(60 * 1024);
	});

	it('limits topics per connection', async () => {
		const server = await start({ maxTopicsPerConnection: 2 });
		const [a, b] = await Promise.all([connect(server.url), connect(server.url)]);
		a.send({ type: 'subscribe', topics: ['t1', 't2', 't3'] });
		await roundTrip(a);
		for (const topic of ['t1', 't2', 't3']) b.send({ type: 'publish', topic, data: topic });
		await roundTrip(b);
		await a.next((m) => m.data === 't1');
		await a.next((m) => m.data === 't2');
		await roundTrip(a);
		expect(a.received.filter((m) => m.type === 'publish')).toEqual([]);
	});

	it('ignores over-long topic names', async () => {
		const server = await start({ maxTopicLength: 16 });
		const [a, b] = await Promise.all([connect(server.url), connect(server.url)]);
		const long = 'x'.repeat(17);
		a.send({ type: 'subscribe', topics: [long] });
		await roundTrip(a);
		b.send({ type: 'publish', topic: long, data: 1 });
		await roundTrip(b);
		await roundTrip(a);
		expect(a.received.filter((m) => m.type === 'publish')).toEqual([]);
	});

	it('limits connections', async () => {
		const server = await start({ maxConnections: 2 });
		await connect(server.url);
		await connect(server.url);
		await expect(connect(server.url)).rejects.toThrow(/503/);
		expect(server.connections()).toBe(2);
	});

	it('limits connections per client address, and frees a slot when one closes', async () => {
		const server = await start({ maxConnectionsPerClient: 2 });
		const first = await connect(server.url);
		await connect(server.url);
		await expect(connect(server.url)).rejects.toThrow(/429/);
		first.ws.close();
		await first.closed;
		await expect
			.poll(
				async () =>
					await connect(server.url).then(
						() => 'ok',
						() => 'refused'
					)
			)
			.toBe('ok');
		expect(server.connections()).toBe(2);
	});

	it('never logs room names', async () => {
		const lines: string[] = [];
		const server = await start({ maxConnectionsPerClient: 1, log: (l) => lines.push(l) });
		const a = await connect(server.url);
		a.send({ type: 'subscribe', topics: ['secret-room-name-123'] });
		a.send({ type: 'publish', topic: 'secret-room-name-123', data: 'x' });
		await a.next((m) => m.type === 'publish');
		await expect(connect(server.url)).rejects.toThrow(/429/);
		expect(lines.length).toBeGreaterThan(0);
		expect(lines.join('\n')).not.toContain('secret-room-name-123');
	});

	it('pings clients and drops one that stops answering', async () => {
		const server = await start({ pingTimeout: 60 });
		const a = await connect(server.url);
		await new Promise<void>((resolve) => a.ws.once('ping', () => resolve()));
		// Make the client deaf: ws answers pings automatically, so pause the socket instead.
		(a.ws as unknown as { _socket: { pause(): void } })._socket.pause();
		const deadline = Date.now() + 2000;
		while (server.connections() > 0 && Date.now() < deadline) await sleep(20);
		expect(server.connections()).toBe(0);
	});
});
