// @ts-check
/**
 * A small, dependency-free static file server for the built app (`build/`).
 *
 * - SPA fallback: an extension-less path that is not a file gets `index.html` (deep links work
 *   cold); a path with an extension that does not exist is a plain 404, so a missing asset is
 *   never answered with HTML.
 * - Caching: `/_app/immutable/` is cached for a year; html, the service worker, workbox and the
 *   manifest are `no-cache` (revalidated with an ETag every time) so an update is seen at once.
 * - Security headers on every response, errors included: the Content-Security-Policy (for a
 *   page, the policy in its own `<meta>` plus `frame-ancestors 'none'`), Referrer-Policy,
 *   nosniff, Permissions-Policy and Cross-Origin-Opener-Policy (`security.js`).
 * - Only files under `root` are ever served: traversal (`..`, encoded or not) is refused.
 * - Binds 127.0.0.1 unless `host` or the `HOST` env var says otherwise.
 *
 * CLI: `node src/server/static.js [--port N] [--root DIR] [--host ADDR]`
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pageCsp, securityHeaders } from './security.js';
import { listen, urlFor } from './limits.js';

/** @type {Record<string, string>} */
export const CONTENT_TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.ttf': 'font/ttf',
	'.otf': 'font/otf',
	'.txt': 'text/plain; charset=utf-8',
	'.md': 'text/markdown; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.wasm': 'application/wasm',
	'.csv': 'text/csv; charset=utf-8',
	'.vcf': 'text/vcard; charset=utf-8',
	'.ics': 'text/calendar; charset=utf-8',
	'.pdf': 'application/pdf'
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NO_CACHE = 'no-cache';

/**
 * @param {string} urlPath the decoded URL path, starting with '/'
 * @returns {string}
 */
export function cacheControlFor(urlPath) {
	if (urlPath.startsWith('/_app/immutable/')) return IMMUTABLE;
	// html, sw.js, workbox-*.js, registerSW.js, manifest.webmanifest, version.json and anything
	// else: revalidate every time (cheap with the ETag; never a stale app shell).
	return NO_CACHE;
}

/**
 * @param {string} file
 * @returns {string}
 */
function contentTypeFor(file) {
	return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * @param {string} file
 * @returns {Promise<import('node:fs').Stats | null>}
 */
async function statOrNull(file) {
	try {
		return await stat(file);
	} catch {
		return null;
	}
}

/**
 * Resolves a request path to a file under root, or null when it would escape root.
 * @param {string} root absolute root
 * @param {string} urlPath decoded path
 * @returns {string | null}
 */
export function resolveUnder(root, urlPath) {
	if (urlPath.includes('\0') || urlPath.includes('\\')) return null;
	const segments = urlPath.split('/');
	if (segments.some((s) => s === '..')) return null;
	const file = path.resolve(root, '.' + path.posix.normalize('/' + urlPath));
	if (file !== root && !file.startsWith(root + path.sep)) return null;
	return file;
}

/**
 * Finds what to serve for a path: the file itself, `dir/index.html`, `path.html`, or (for an
 * extension-less path) the SPA fallback. Null means 404.
 * @param {string} root
 * @param {string} urlPath
 * @returns {Promise<{ file: string, size: number, mtimeMs: number, fallback: boolean } | null>}
 */
async function locate(root, urlPath) {
	const file = resolveUnder(root, urlPath);
	if (file === null) return null;
	/** @type {string[]} */
	const candidates = [file];
	if (!urlPath.endsWith('/')) candidates.push(file + '.html');
	candidates.push(path.join(file, 'index.html'));
	for (const candidate of candidates) {
		if (candidate !== root && !candidate.startsWith(root + path.sep)) continue;
		const st = await statOrNull(candidate);
		if (st?.isFile())
			return { file: candidate, size: st.size, mtimeMs: st.mtimeMs, fallback: false };
	}
	const last = urlPath.split('/').pop() ?? '';
	if (path.posix.extname(last) !== '') return null;
	const index = path.join(root, 'index.html');
	const st = await statOrNull(index);
	if (!st?.isFile()) return null;
	return { file: index, size: st.size, mtimeMs: st.mtimeMs, fallback: true };
}

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {string} text
 * @param {Record<string, string>} [headers]
 */
function sendText(res, status, text, headers = {}) {
	res.writeHead(status, {
		'Content-Type': 'text/plain; charset=utf-8',
		'Content-Length': String(Buffer.byteLength(text)),
		'Cache-Control': NO_CACHE,
		...securityHeaders(),
		...headers
	});
	res.end(res.req.method === 'HEAD' ? undefined : text);
}

/**
 * The header policy of each HTML page, read from the page itself, kept while the file is
 * unchanged.
 * @type {Map<string, { key: string, csp: string }>}
 */
const pagePolicies = new Map();

/**
 * @param {{ file: string, size: number, mtimeMs: number }} found
 * @returns {Promise<string>}
 */
async function pagePolicy(found) {
	const key = `${found.size}:${found.mtimeMs}`;
	const cached = pagePolicies.get(found.file);
	if (cached?.key === key) return cached.csp;
	const csp = pageCsp(await readFile(found.file, 'utf8'));
	pagePolicies.set(found.file, { key, csp });
	return csp;
}

/**
 * @param {string} root absolute root
 * @returns {http.RequestListener}
 */
export function createHandler(root) {
	return async (req, res) => {
		try {
			if (req.method !== 'GET' && req.method !== 'HEAD') {
				sendText(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
				return;
			}
			const rawPath = (req.url ?? '/').split('?')[0]?.split('#')[0] ?? '/';
			let urlPath;
			try {
				urlPath = decodeURIComponent(rawPath);
			} catch {
				sendText(res, 400, 'Bad Request\n');
				return;
			}
			if (!urlPath.startsWith('/')) urlPath = '/' + urlPath;
			const found = await locate(root, urlPath);
			if (!found) {
				sendText(res, 404, 'Not Found\n');
				return;
			}
			const etag = `W/"${found.size.toString(16)}-${Math.floor(found.mtimeMs).toString(16)}"`;
			const contentType = contentTypeFor(found.file);
			/** @type {Record<string, string>} */
			const headers = {
				'Content-Type': contentType,
				'Cache-Control': found.fallback ? NO_CACHE : cacheControlFor(urlPath),
				ETag: etag,
				'Last-Modified': new Date(found.mtimeMs).toUTCString(),
				...securityHeaders(
					contentType.startsWith('text/html') ? await pagePolicy(found) : undefined
				)
			};
			if (req.headers['if-none-match'] === etag) {
				res.writeHead(304, headers);
				res.end();
				return;
			}
			headers['Content-Length'] = String(found.size);
			res.writeHead(200, headers);
			if (req.method === 'HEAD') {
				res.end();
				return;
			}
			const stream = createReadStream(found.file);
			stream.on('error', () => res.destroy());
			stream.pipe(res);
		} catch {
			if (!res.headersSent) sendText(res, 500, 'Internal Server Error\n');
			else res.destroy();
		}
	};
}

/**
 * @typedef {object} StaticServer
 * @property {string} url e.g. `http://127.0.0.1:4173`
 * @property {string} host the address it is bound to
 * @property {number} port the actual port (useful with port 0)
 * @property {http.Server} server
 * @property {() => Promise<void>} close stops listening and drops open connections
 */

/**
 * Starts serving `root`. Rejects if root does not exist or the port is taken.
 * @param {{ root?: string, host?: string, port?: number }} [options]
 * @returns {Promise<StaticServer>}
 */
export async function startStaticServer({
	root = 'build',
	host = process.env.HOST ?? '127.0.0.1',
	port = 4173
} = {}) {
	const absRoot = path.resolve(root);
	const st = await statOrNull(absRoot);
	if (!st?.isDirectory()) {
		throw new Error(
			`static server: ${absRoot} is not a directory (build the app first: npx vite build)`
		);
	}
	const server = http.createServer(createHandler(absRoot));
	server.keepAliveTimeout = 5000;
	const actualPort = await listen(server, port, host);
	let closing = /** @type {Promise<void> | null} */ (null);
	return {
		url: urlFor('http', host, actualPort),
		host,
		port: actualPort,
		server,
		close() {
			closing ??= new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closing;
		}
	};
}

/**
 * @param {string[]} argv
 * @returns {{ port?: number, root?: string, host?: string }}
 */
function parseArgs(argv) {
	/** @type {{ port?: number, root?: string, host?: string }} */
	const out = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] ?? '';
		const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg];
		const value = () => inline ?? argv[++i];
		if (flag === '--port' || flag === '-p') out.port = Number(value());
		else if (flag === '--root') out.root = value();
		else if (flag === '--host') out.host = value();
		else if (flag === '--help' || flag === '-h') {
			console.log('usage: node src/server/static.js [--port N] [--root DIR] [--host ADDR]');
			process.exit(0);
		} else {
			console.error(`static server: unknown argument ${arg}`);
			process.exit(2);
		}
	}
	if (
		out.port !== undefined &&
		!(Number.isInteger(out.port) && out.port >= 0 && out.port < 65536)
	) {
		console.error('static server: --port must be an integer 0–65535');
		process.exit(2);
	}
	return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	const options = parseArgs(process.argv.slice(2));
	startStaticServer(options).then(
		(s) => {
			console.log(
				`Village static server: ${s.url} (serving ${path.resolve(options.root ?? 'build')})`
			);
			const stop = () => s.close().then(() => process.exit(0));
			process.once('SIGINT', stop);
			process.once('SIGTERM', stop);
		},
		(err) => {
			console.error(err instanceof Error ? err.message : err);
			process.exit(1);
		}
	);
}
