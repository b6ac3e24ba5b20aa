/**
 * The sealing of relay entries. A relay mailbox stores only what this module produces: the relay
 * sees opaque bytes, a mailbox name, and nothing that would let it read or forge an entry.
 *
 * From the space's secret, HKDF-SHA-256 derives three independent values (different info strings):
 * the mailbox name (so the name reveals nothing of the secret, and only link holders find it), the
 * AES-GCM key, and a short key id stored in every entry so a foreign entry (another key) can be
 * told from a tampered one. Web Crypto only, so the same code runs in browsers and in Node 20.
 *
 * Entry layout (bytes): version (1) | key id (4) | sender (4, big-endian uint32) | nonce (12) |
 * AES-GCM ciphertext of the Yjs update with its 16-byte tag. The header up to the nonce is the
 * additional authenticated data, so neither the sender nor the key id can be swapped unnoticed.
 */
import type { SkipReason } from '../../model/partner';

export const ENTRY_VERSION = 1;
const KEY_ID_BYTES = 4;
const SENDER_BYTES = 4;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + KEY_ID_BYTES + SENDER_BYTES;
/** The shortest entry that can be sealed: header, nonce and the tag of an empty plaintext. */
export const MIN_ENTRY_BYTES = HEADER_BYTES + NONCE_BYTES + TAG_BYTES;

/** Changing any of these moves every mailbox: they are part of the format. */
const SALT = 'village relay v1';
const INFO = {
	mailbox: 'village relay mailbox name',
	key: 'village relay aes-gcm key',
	keyId: 'village relay key id'
} as const;

export interface RelayKeys {
	/** The mailbox's name on the relay: 43 base64url characters, unrelated to the secret's text. */
	mailbox: string;
	key: CryptoKey;
	keyId: Uint8Array;
}

/** An entry taken apart; `ciphertext` includes the GCM tag. */
export interface SealedEntry {
	version: number;
	keyId: Uint8Array;
	sender: number;
	nonce: Uint8Array;
	ciphertext: Uint8Array;
}

/** Why an entry was skipped (model/partner.ts lists them). Each is reported, none changes the document. */
export type OpenError = SkipReason;

export type OpenResult =
	{ ok: true; update: Uint8Array; sender: number } | { ok: false; error: OpenError };

const encoder = new TextEncoder();

function bytes(text: string) {
	return encoder.encode(text);
}

/** A copy backed by a plain ArrayBuffer, as Web Crypto's typings want. */
function buffer(data: Uint8Array): Uint8Array<ArrayBuffer> {
	const copy = new Uint8Array(data.byteLength);
	copy.set(data);
	return copy;
}

function base64url(data: Uint8Array) {
	let binary = '';
	for (const b of data) binary += String.fromCharCode(b);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function equal(a: Uint8Array, b: Uint8Array) {
	if (a.byteLength !== b.byteLength) return false;
	let diff = 0;
	for (let i = 0; i < a.byteLength; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
	return diff === 0;
}

/**
 * Derives the mailbox name, the key and the key id from a space's secret (the secret of the
 * invite link). The same secret always gives the same three; different secrets, unrelated ones.
 */
export async function deriveRelayKeys(secret: string): Promise<RelayKeys> {
	if (!secret) throw new Error('A relay needs the space’s secret.');
	const subtle = globalThis.crypto.subtle;
	const master = await subtle.importKey('raw', bytes(secret), 'HKDF', false, [
		'deriveBits',
		'deriveKey'
	]);
	const params = (info: string) => ({
		name: 'HKDF',
		hash: 'SHA-256',
		salt: bytes(SALT),
		info: bytes(info)
	});
	const [name, keyId, key] = await Promise.all([
		subtle.deriveBits(params(INFO.mailbox), master, 256),
		subtle.deriveBits(params(INFO.keyId), master, KEY_ID_BYTES * 8),
		subtle.deriveKey(params(INFO.key), master, { name: 'AES-GCM', length: 256 }, false, [
			'encrypt',
			'decrypt'
		])
	]);
	return { mailbox: base64url(new Uint8Array(name)), key, keyId: new Uint8Array(keyId) };
}

function header(keyId: Uint8Array, sender: number) {
	const out = new Uint8Array(HEADER_BYTES);
	out[0] = ENTRY_VERSION;
	out.set(keyId, 1);
	new DataView(out.buffer).setUint32(1 + KEY_ID_BYTES, sender >>> 0);
	return out;
}

/**
 * Seals a Yjs update: a fresh random 96-bit nonce every time (never reused under one key).
 * `sender` is the sending client's id (a uint32), authenticated but not secret.
 */
export async function seal(
	keys: RelayKeys,
	update: Uint8Array,
	sender: number
): Promise<Uint8Array> {
	const head = header(keys.keyId, sender);
	const nonce = globalThis.crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
	const ciphertext = new Uint8Array(
		await globalThis.crypto.subtle.encrypt(
			{ name: 'AES-GCM', iv: nonce, additionalData: head },
			keys.key,
			buffer(update)
		)
	);
	const entry = new Uint8Array(HEADER_BYTES + NONCE_BYTES + ciphertext.byteLength);
	entry.set(head, 0);
	entry.set(nonce, HEADER_BYTES);
	entry.set(ciphertext, HEADER_BYTES + NONCE_BYTES);
	return entry;
}

/** Takes an entry apart without opening it; a typed error for anything that is not one. */
export function parseEntry(
	entry: unknown
): { ok: true; entry: SealedEntry } | { ok: false; error: OpenError } {
	if (!(entry instanceof Uint8Array) || entry.byteLength < 1)
		return { ok: false, error: 'malformed' };
	if (entry[0] !== ENTRY_VERSION) return { ok: false, error: 'malformed' };
	if (entry.byteLength < MIN_ENTRY_BYTES) return { ok: false, error: 'truncated' };
	const view = new DataView(entry.buffer, entry.byteOffset, entry.byteLength);
	return {
		ok: true,
		entry: {
			version: ENTRY_VERSION,
			keyId: entry.subarray(1, 1 + KEY_ID_BYTES),
			sender: view.getUint32(1 + KEY_ID_BYTES),
			nonce: entry.subarray(HEADER_BYTES, HEADER_BYTES + NONCE_BYTES),
			ciphertext: entry.subarray(HEADER_BYTES + NONCE_BYTES)
		}
	};
}

/** A stable identity of an entry (its nonce), to remember which ones were handled. */
export function entryId(entry: unknown): string | null {
	if (!(entry instanceof Uint8Array) || entry.byteLength < HEADER_BYTES + NONCE_BYTES) return null;
	return base64url(entry.subarray(0, HEADER_BYTES + NONCE_BYTES));
}

/**
 * Opens an entry. Never throws: anything wrong comes back as `{ ok: false, error }`.
 * `maxBytes` refuses entries bigger than the caller will ever decrypt.
 */
export async function open(
	keys: RelayKeys,
	entry: unknown,
	{ maxBytes = Infinity }: { maxBytes?: number } = {}
): Promise<OpenResult> {
	const parsed = parseEntry(entry);
	if (!parsed.ok) return parsed;
	const { keyId, sender, nonce, ciphertext } = parsed.entry;
	if (!equal(keyId, keys.keyId)) return { ok: false, error: 'wrong-key' };
	if (ciphertext.byteLength - TAG_BYTES > maxBytes) return { ok: false, error: 'too-large' };
	try {
		const plain = await globalThis.crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv: buffer(nonce), additionalData: header(keyId, sender) },
			keys.key,
			buffer(ciphertext)
		);
		return { ok: true, update: new Uint8Array(plain), sender };
	} catch {
		return { ok: false, error: 'tampered' };
	}
}
