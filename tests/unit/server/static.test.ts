import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../../src/server/static.js';

let root: string;
let outside: string;
let server: StaticServer;

/** A raw HTTP request, so the path reaches the server exactly as written (no URL normalising). */
function rawGet(port: number, target: string): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1', () => {
			socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
		});
		let data = '';
		socket.on('data', (d) => (data += d));
		socket.on('end', () => {
			const status = Number(/^HTTP\/1\.1 (\d+)/.exec(data)?.[1] ?? 0);
			resolve({ status, body: data.split('\r\n\r\n').slice(1).join('\r\n\r\n') });
		});
		socket.on('error', reject);
	});
}

beforeAll(async () => {
	const base = mkdtempSync(path.join(os.tmpdir(), 'village-static-test-'));
	root = path.join(base, 'build');
	outside = path.join(base, 'secret.txt');
	writeFileSync(outside, 'TOP SECRET');
	mkdirSync(path.join(root, '_app', 'immutable', 'entry'), { recursive: true });
	mkdirSync(path.join(root, 'icons'), { recursive: true });
	mkdirSync(path.join(root, 'docs'), { recursive: true });
	writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Village</title>');
	writeFileSync(path.join(root, 'docs', 'index.html'), '<!doctype html><title>Docs</title>');
	writeFileSync(path.join(root, 'sw.js'), 'self.x = 1;');
	writeFileSync(path.join(root, 'workbox-abc123.js'), 'self.wb = 1;');
	writeFileSync(path.join(root, 'manifest.webmanifest'), '{"name":"Village"}');
	writeFileSync(path.join(root, '_app', 'immutable', 'entry', 'app.AbC.js'), 'export {};');
	writeFileSync(path.join(root, '_app', 'immutable', 'app.css'), 'body{}');
	writeFileSync(path.join(root, 'icons', 'favicon.svg'), '<svg/>');
	writeFileSync(path.join(root, 'icons', 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
	writeFileSync(path.join(root, 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
	writeFileSync(path.join(root, 'data.json'), '{}');
	delete process.env.HOST;
	server = await startStaticServer({ root, port: 0 });
});

afterAll(async () => {
	await server?.close();
	rmSync(path.dirname(root), { recursive: true, force: true });
});

describe('static server', () => {
	it('binds 127.0.0.1 by default and reports its port', () => {
		expect(server.port).toBeGreaterThan(0);
		expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
		const address = server.server.address();
		expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
	});

	it.each([
		['/', 'text/html; charset=utf-8'],
		['/sw.js', 'text/javascript; charset=utf-8'],
		['/_app/immutable/app.css', 'text/css; charset=utf-8'],
		['/manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
		['/icons/favicon.svg', 'image/svg+xml'],
		['/icons/icon.png', 'image/png'],
		['/data.json', 'application/json; charset=utf-8'],
		['/font.woff2', 'font/woff2']
	])('serves %s as %s', async (url, type) => {
		const res = await fetch(server.url + url);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe(type);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('falls back to index.html for extension-less paths', async () => {
		for (const url of ['/contacts', '/contacts/42/edit', '/plan?week=3']) {
			const res = await fetch(server.url + url);
			expect(res.status, url).toBe(200);
			expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
			expect(await res.text()).toContain('<title>Village</title>');
		}
	});

	it('serves a directory index.html where there is one', async () => {
		expect(await (await fetch(server.url + '/docs')).text()).toContain('Docs');
		expect(await (await fetch(server.url + '/docs/')).text()).toContain('Docs');
	});

	it('answers 404 (not the app shell) for a missing file with an extension', async () => {
		for (const url of ['/missing.js', '/_app/immutable/entry/gone.AbC.js', '/icons/nope.png']) {
			const res = await fetch(server.url + url);
			expect(res.status, url).toBe(404);
			expect(await res.text()).not.toContain('<title>');
		}
	});

	it('sets cache headers: immutable for /_app/immutable/, no-cache for the shell and the worker', async () => {
		const cache = async (url: string) =>
			(await fetch(server.url + url)).headers.get('cache-control');
		expect(await cache('/_app/immutable/entry/app.AbC.js')).toBe(
			'public, max-age=31536000, immutable'
		);
		for (const url of [
			'/',
			'/index.html',
			'/contacts',
			'/sw.js',
			'/workbox-abc123.js',
			'/manifest.webmanifest'
		]) {
			expect(await cache(url), url).toBe('no-cache');
		}
	});

	it('revalidates with the ETag', async () => {
		const first = await fetch(server.url + '/sw.js');
		const etag = first.headers.get('etag');
		expect(etag).toBeTruthy();
		const again = await fetch(server.url + '/sw.js', { headers: { 'if-none-match': etag! } });
		expect(again.status).toBe(304);
	});

	it('answers HEAD without a body and refuses other methods', async () => {
		const head = await fetch(server.url + '/sw.js', { method: 'HEAD' });
		expect(head.status).toBe(200);
		expect(head.headers.get('content-length')).toBe('11');
		expect(await head.text()).toBe('');
		const post = await fetch(server.url + '/', { method: 'POST', body: 'x' });
		expect(post.status).toBe(405);
	});

	it('blocks directory traversal, plain or encoded', async () => {
		for (const target of [
			'/../secret.txt',
			'/../../secret.txt',
			'/%2e%2e/secret.txt',
			'/%2E%2E%2Fsecret.txt',
			'/icons/..%2F..%2Fsecret.txt',
			'/..%5Csecret.txt',
			'/icons/%2e%2e/%2e%2e/secret.txt',
			'//../secret.txt',
			'/%00/secret.txt'
		]) {
			const res = await rawGet(server.port, target);
			expect(res.body, target).not.toContain('TOP SECRET');
			expect([400, 404], target).toContain(res.status);
		}
	});

	it('answers 400 for a malformed escape', async () => {
		expect((await rawGet(server.port, '/%E0%A4%A')).status).toBe(400);
	});

	it('rejects a root that does not exist', async () => {
		await expect(startStaticServer({ root: path.join(root, 'nope'), port: 0 })).rejects.toThrow(
			/not a directory/
		);
	});

	it('can be stopped and started again on the same port', async () => {
		const s = await startStaticServer({ root, port: 0 });
		const { port } = s;
		await s.close();
		await expect(fetch(s.url + '/')).rejects.toThrow();
		const again = await startStaticServer({ root, port });
		expect((await fetch(again.url + '/')).status).toBe(200);
		await again.close();
	});
});
