import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import svelteConfig from '../../../svelte.config.js';
import {
	BASE_CSP,
	CSP_DIRECTIVES,
	metaCsp,
	pageCsp,
	serializeCsp
} from '../../../src/server/security.js';
import { startStaticServer, type StaticServer } from '../../../src/server/static.js';

/** What SvelteKit writes into a built page (the shape of build/index.html). */
const META =
	"default-src 'self'; script-src 'self' 'sha256-AAAA'; style-src 'self'; object-src 'none'";
const PAGE = `<!doctype html><html><head><script>theme()</script>
<meta http-equiv="content-security-policy" content="${META}">
</head><body><div class="kit-root"><script>start()</script></div></body></html>`;

let root: string;
let server: StaticServer;

beforeAll(async () => {
	root = path.join(mkdtempSync(path.join(os.tmpdir(), 'village-security-test-')), 'build');
	mkdirSync(path.join(root, '_app', 'immutable', 'entry'), { recursive: true });
	writeFileSync(path.join(root, 'index.html'), PAGE);
	writeFileSync(path.join(root, 'sw.js'), 'importScripts("workbox-1.js");');
	writeFileSync(path.join(root, 'manifest.webmanifest'), '{"name":"Village"}');
	writeFileSync(path.join(root, '_app', 'immutable', 'entry', 'app.AbC.js'), 'export {};');
	server = await startStaticServer({ root, host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
	await server?.close();
	rmSync(path.dirname(root), { recursive: true, force: true });
});

const PERMISSIONS_OFF = ['camera', 'microphone', 'geolocation', 'payment', 'usb'];

/** Every header each response must carry, whatever it is. */
function expectSecurityHeaders(res: Response, csp: string) {
	expect(res.headers.get('content-security-policy')).toBe(csp);
	expect(res.headers.get('referrer-policy')).toBe('no-referrer');
	expect(res.headers.get('x-content-type-options')).toBe('nosniff');
	expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
	const permissions = res.headers.get('permissions-policy') ?? '';
	for (const feature of PERMISSIONS_OFF) expect(permissions).toContain(`${feature}=()`);
	expect(permissions).not.toMatch(/=\((?!\))/); // nothing is allowed, not even 'self'
}

describe('security headers from the static server', () => {
	it.each([
		['the page', '/'],
		['a deep link (the SPA fallback)', '/people/123'],
		['index.html by name', '/index.html']
	])("%s carries the page's own policy plus frame-ancestors, and the rest", async (_what, url) => {
		const res = await fetch(server.url + url);
		expect(res.status).toBe(200);
		expectSecurityHeaders(res, `${META}; frame-ancestors 'none'`);
	});

	it.each([
		['an asset', '/_app/immutable/entry/app.AbC.js'],
		['the service worker', '/sw.js'],
		['the manifest', '/manifest.webmanifest'],
		['a missing file (404)', '/nope.js']
	])('%s carries the base policy and the rest', async (_what, url) => {
		const res = await fetch(server.url + url);
		expectSecurityHeaders(res, BASE_CSP);
	});

	it('keeps them on a 304 and on a HEAD', async () => {
		const first = await fetch(server.url + '/');
		const etag = first.headers.get('etag') ?? '';
		const again = await fetch(server.url + '/', { headers: { 'If-None-Match': etag } });
		expect(again.status).toBe(304);
		expectSecurityHeaders(again, `${META}; frame-ancestors 'none'`);
		const head = await fetch(server.url + '/sw.js', { method: 'HEAD' });
		expectSecurityHeaders(head, BASE_CSP);
	});

	it('follows a rebuilt page: a new policy in index.html is served at once', async () => {
		const file = path.join(root, 'index.html');
		const changed = PAGE.replace('sha256-AAAA', 'sha256-BBBBBB');
		writeFileSync(file, changed);
		try {
			const res = await fetch(server.url + '/');
			expect(res.headers.get('content-security-policy')).toContain("'sha256-BBBBBB'");
		} finally {
			writeFileSync(file, PAGE);
		}
	});
});

describe('the policy', () => {
	it('base policy: same-origin everything, WebSockets for sync, nothing inline or framed', () => {
		expect(BASE_CSP).toBe(
			"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
				"font-src 'self'; connect-src 'self' ws: wss:; worker-src 'self'; manifest-src 'self'; " +
				"frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
				"frame-ancestors 'none'"
		);
		expect(BASE_CSP).not.toMatch(/unsafe-inline|unsafe-eval/);
	});

	it('reads the meta policy back, entities and all, and adds frame-ancestors once', () => {
		const html = `<meta name="x" content="y"><meta http-equiv="Content-Security-Policy" content="script-src &#39;self&#39; &quot;x&quot; a&amp;b">`;
		expect(metaCsp(html)).toBe(`script-src 'self' "x" a&b`);
		expect(pageCsp(html)).toBe(`script-src 'self' "x" a&b; frame-ancestors 'none'`);
		expect(
			pageCsp(`<meta http-equiv="content-security-policy" content="frame-ancestors 'self'">`)
		).toBe("frame-ancestors 'self'");
		expect(metaCsp('<meta name="description" content="no policy">')).toBeNull();
		expect(pageCsp('<p>no meta</p>')).toBe(BASE_CSP);
	});

	it('serializes kit-style directives the way SvelteKit does', () => {
		expect(
			serializeCsp({ 'script-src': ['self', 'sha256-abc', 'unsafe-hashes'], 'img-src': ['data:'] })
		).toBe("script-src 'self' 'sha256-abc' 'unsafe-hashes'; img-src data:");
	});

	it('kit.csp: hash mode, the shared directives, app.html scripts allowed by their hash only', () => {
		const csp = svelteConfig.kit?.csp;
		expect(csp?.mode).toBe('hash');
		const directives = (csp?.directives ?? {}) as Record<string, string[]>;
		for (const [name, values] of Object.entries(CSP_DIRECTIVES)) {
			if (name === 'script-src') continue;
			expect(directives[name]).toEqual(values);
		}
		const appHtml = readFileSync(new URL('../../../src/app.html', import.meta.url), 'utf8');
		const inline = [...appHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
			(m) =>
				`sha256-${createHash('sha256')
					.update(m[1] ?? '')
					.digest('base64')}`
		);
		expect(inline.length).toBeGreaterThan(0);
		expect(directives['script-src']).toEqual(['self', ...inline]);
		// One style attribute, SvelteKit's route announcer, by its hash; nothing inline otherwise.
		expect(directives['style-src-attr']).toEqual([
			'unsafe-hashes',
			expect.stringMatching(/^sha256-[A-Za-z0-9+/]{43}=$/)
		]);
		expect(JSON.stringify(directives)).not.toMatch(/unsafe-inline|unsafe-eval/);
		expect(appHtml).not.toMatch(/\sstyle=/);
	});
});
