import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { applyRemoteUpdate } from './updates';

/**
 * Sync by file, for when no signaling server can be reached: a file holding what the other side
 * lacks since the last exchange (Yjs state vectors), encrypted with AES-GCM under a key derived
 * by HKDF from the partnership's or device link's secret.
 *
 * Layout: MAGIC (8 bytes) | space fingerprint (8) | salt (16) | iv (12) | ciphertext. The
 * fingerprint (SHA-256 of the space id, not secret) tells "a file for another space" from "a wrong
 * key"; the header is authenticated as AES-GCM additional data. The plaintext holds the space id,
 * the sender's state vector (so the receiver knows what the sender has) and one Yjs update.
 */
const MAGIC = new TextEncoder().encode('VLGSYNC1');
const HEADER = MAGIC.length + 8 + 16 + 12;
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface SyncFileKey {
	/** The space (or device link) the file belongs to. */
	spaceId: string;
	secret: string;
}

export type ImportResult =
	{ ok: true; theirState: Uint8Array; changed: boolean } | { ok: false; problem: string };

async function fingerprint(spaceId: string): Promise<Uint8Array> {
	const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(spaceId));
	return new Uint8Array(hash).slice(0, 8);
}

async function deriveKey(secret: string, salt: Uint8Array): Promise<CryptoKey> {
	const material = await crypto.subtle.importKey(
		'raw',
		new TextEncoder().encode(secret),
		'HKDF',
		false,
		['deriveKey']
	);
	return crypto.subtle.deriveKey(
		{
			name: 'HKDF',
			hash: 'SHA-256',
			salt: salt as BufferSource,
			info: new TextEncoder().encode('Village sync file v1')
		},
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}

/**
 * The changes in `doc` that a side whose state vector is `theirState` lacks (everything when
 * null), as an encrypted file.
 */
export async function exportSyncFile(
	doc: Y.Doc,
	key: SyncFileKey,
	theirState: Uint8Array | null
): Promise<Uint8Array> {
	const update = theirState ? Y.encodeStateAsUpdate(doc, theirState) : Y.encodeStateAsUpdate(doc);
	const plain = encoding.createEncoder();
	encoding.writeVarString(plain, key.spaceId);
	encoding.writeVarUint8Array(plain, Y.encodeStateVector(doc));
	encoding.writeVarUint8Array(plain, update);
	const salt = crypto.getRandomValues(new Uint8Array(16));
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const header = new Uint8Array(HEADER);
	header.set(MAGIC, 0);
	header.set(await fingerprint(key.spaceId), MAGIC.length);
	header.set(salt, MAGIC.length + 8);
	header.set(iv, MAGIC.length + 24);
	const cipher = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: header },
		await deriveKey(key.secret, salt),
		encoding.toUint8Array(plain)
	);
	const file = new Uint8Array(HEADER + cipher.byteLength);
	file.set(header, 0);
	file.set(new Uint8Array(cipher), HEADER);
	return file;
}

/**
 * Reads a sync file and merges it into `doc` with `origin`. A file that is not a Village sync
 * file, belongs to another space, was locked with another secret, or is damaged gets a problem
 * in words, and `doc` is left exactly as it was.
 */
export async function importSyncFile(
	doc: Y.Doc,
	file: Uint8Array,
	key: SyncFileKey,
	origin: unknown
): Promise<ImportResult> {
	if (file.byteLength > MAX_FILE_BYTES)
		return { ok: false, problem: 'This file is far too large to be a Village sync file.' };
	if (file.byteLength < HEADER + 16 || !MAGIC.every((b, i) => file[i] === b))
		return {
			ok: false,
			problem: 'This is not a Village sync file (it does not start the way one does).'
		};
	const header = file.slice(0, HEADER);
	const print = header.slice(MAGIC.length, MAGIC.length + 8);
	const expected = await fingerprint(key.spaceId);
	if (!expected.every((b, i) => print[i] === b))
		return {
			ok: false,
			problem:
				'This sync file is for a different space (another partnership or device link), so nothing was changed.'
		};
	let plain: Uint8Array;
	try {
		const salt = header.slice(MAGIC.length + 8, MAGIC.length + 24);
		const iv = header.slice(MAGIC.length + 24, HEADER);
		plain = new Uint8Array(
			await crypto.subtle.decrypt(
				{ name: 'AES-GCM', iv, additionalData: header },
				await deriveKey(key.secret, salt),
				file.slice(HEADER)
			)
		);
	} catch {
		return {
			ok: false,
			problem:
				'This sync file could not be unlocked: it was made with a different secret (perhaps before the link was renewed), or it was damaged on the way. Nothing was changed.'
		};
	}
	try {
		const decoder = decoding.createDecoder(plain);
		const spaceId = decoding.readVarString(decoder);
		const theirState = decoding.readVarUint8Array(decoder);
		const update = decoding.readVarUint8Array(decoder);
		if (spaceId !== key.spaceId)
			return {
				ok: false,
				problem: 'This sync file is for a different space. Nothing was changed.'
			};
		Y.decodeStateVector(theirState);
		const before = Y.encodeStateVector(doc);
		const problem = applyRemoteUpdate(doc, update, origin, MAX_FILE_BYTES);
		if (problem)
			return {
				ok: false,
				problem: `The changes in this file are ${problem}. Nothing was changed.`
			};
		const after = Y.encodeStateVector(doc);
		return {
			ok: true,
			theirState,
			changed: before.length !== after.length || before.some((b, i) => after[i] !== b)
		};
	} catch {
		return { ok: false, problem: 'This sync file is damaged inside. Nothing was changed.' };
	}
}
