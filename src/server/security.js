// @ts-check
/**
 * The Content-Security-Policy and the other security headers, in one place.
 *
 * - `svelte.config.js` hands `CSP_DIRECTIVES` (plus the hashes of app.html's inline scripts) to
 *   SvelteKit's `kit.csp` in hash mode, which writes the policy, with the hash of its own
 *   start-up script, into a `<meta http-equiv="content-security-policy">` of every page it
 *   builds (the SPA fallback `index.html` included). `frame-ancestors` cannot work in a meta
 *   tag, so SvelteKit leaves it out there.
 * - The static server (`static.js`) sends the same policy as a header: for an HTML page, the
 *   page's own meta policy plus `frame-ancestors 'none'`; for everything else (scripts, the
 *   service worker, the manifest, images), the directives below, which carry no inline hashes
 *   because none of those run inline code. A worker's policy comes from its own response.
 *
 * Why each directive is what it is: README, "Security headers".
 */

/**
 * Kit-style directives: bare keywords (`self`, `none`) are quoted by SvelteKit and by
 * `serializeCsp`.
 * @type {Record<string, string[]>}
 */
export const CSP_DIRECTIVES = {
	'default-src': ['self'],
	'script-src': ['self'],
	// Only the built stylesheets. Svelte's `style:` directives and `style="…"` with a dynamic
	// value are set through the CSSOM (element.style), which a policy does not govern; a
	// literal style attribute in markup is blocked, so the markup has none (svelte.config.js
	// allows SvelteKit's own route announcer by its hash, in pages only).
	'style-src': ['self'],
	'img-src': ['self', 'data:', 'blob:'],
	'font-src': ['self'],
	// Signaling and relay servers are whatever the user enters in Settings, so any ws:/wss:
	// host; a host that runs its own server can narrow these (README).
	'connect-src': ['self', 'ws:', 'wss:'],
	'worker-src': ['self'],
	'manifest-src': ['self'],
	'frame-src': ['none'],
	'object-src': ['none'],
	'base-uri': ['none'],
	'form-action': ['self'],
	'frame-ancestors': ['none']
};

const KEYWORDS = new Set([
	'self',
	'none',
	'unsafe-inline',
	'unsafe-eval',
	'unsafe-hashes',
	'strict-dynamic',
	'report-sample',
	'wasm-unsafe-eval'
]);

/**
 * @param {string} value
 * @returns {string}
 */
function quote(value) {
	return KEYWORDS.has(value) || /^(sha256|sha384|sha512|nonce)-/.test(value) ? `'${value}'` : value;
}

/**
 * Serializes kit-style directives into a policy string.
 * @param {Record<string, string[]>} directives
 * @returns {string}
 */
export function serializeCsp(directives) {
	return Object.entries(directives)
		.map(([name, values]) => [name, ...values.map(quote)].join(' '))
		.join('; ');
}

/** What a meta tag cannot carry; added to every page's header policy. */
export const HEADER_ONLY_CSP = "frame-ancestors 'none'";

/** The policy for responses that are not HTML pages. */
export const BASE_CSP = serializeCsp(CSP_DIRECTIVES);

/**
 * @param {string} text
 * @returns {string}
 */
function decodeEntities(text) {
	return text.replace(/&(quot|#39|#x27|lt|gt|amp);/g, (_m, name) =>
		name === 'quot' ? '"' : name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'amp' ? '&' : "'"
	);
}

/**
 * The policy in an HTML page's `<meta http-equiv="content-security-policy">`, or null.
 * @param {string} html
 * @returns {string | null}
 */
export function metaCsp(html) {
	for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
		if (!/http-equiv\s*=\s*["']?content-security-policy["'\s>]/i.test(tag)) continue;
		const content =
			/\bcontent\s*=\s*"([^"]*)"/i.exec(tag) ?? /\bcontent\s*=\s*'([^']*)'/i.exec(tag);
		if (content?.[1] !== undefined) return decodeEntities(content[1]);
	}
	return null;
}

/**
 * The header policy for an HTML page: its meta policy (so header and meta agree, hashes
 * included) plus `frame-ancestors 'none'`; the base policy when the page has no meta.
 * @param {string} html
 * @returns {string}
 */
export function pageCsp(html) {
	const meta = metaCsp(html);
	if (meta === null) return BASE_CSP;
	if (/(^|;)\s*frame-ancestors\b/i.test(meta)) return meta;
	return `${meta.replace(/[;\s]+$/, '')}; ${HEADER_ONLY_CSP}`;
}

/**
 * Browser features Village never uses, switched off for the page and anything it embeds.
 * WebRTC data channels (partner sync) need none of them.
 */
export const PERMISSIONS_POLICY = [
	'accelerometer',
	'autoplay',
	'camera',
	'display-capture',
	'geolocation',
	'gyroscope',
	'hid',
	'magnetometer',
	'microphone',
	'midi',
	'payment',
	'serial',
	'usb',
	'xr-spatial-tracking'
]
	.map((feature) => `${feature}=()`)
	.join(', ');

/**
 * Headers sent with every response besides the policy.
 * @type {Readonly<Record<string, string>>}
 */
export const SECURITY_HEADERS = Object.freeze({
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'Permissions-Policy': PERMISSIONS_POLICY,
	'Cross-Origin-Opener-Policy': 'same-origin'
});

/**
 * Everything a response carries for security.
 * @param {string} [csp] the policy; BASE_CSP unless the response is an HTML page
 * @returns {Record<string, string>}
 */
export function securityHeaders(csp = BASE_CSP) {
	return { ...SECURITY_HEADERS, 'Content-Security-Policy': csp };
}
