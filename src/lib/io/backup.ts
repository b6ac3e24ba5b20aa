/**
 * The backup file: one JSON envelope holding the workbook's binary Yjs state (base64, what a
 * restore uses) and a readable rendering of the same data (for people and other tools).
 * Reading checks everything that can be checked without touching Yjs: size, JSON, `type`,
 * versions, base64, length and checksum. Applying the bytes is the caller's job, and must be
 * done on a scratch document first (see state/backup).
 */

export const BACKUP_TYPE = 'village-backup';
/** The envelope's own format; bumped if the envelope (not the workbook) changes shape. */
export const BACKUP_VERSION = 1;
/** Larger files are refused before parsing: no real workbook comes near this. */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;

export interface BackupCounts {
	contacts: number;
	conversations: number;
	actions: number;
	slots: number;
	[collection: string]: number;
}

export interface BackupEnvelope {
	type: typeof BACKUP_TYPE;
	version: number;
	schemaVersion: number;
	exportedAt: string;
	app: 'Village';
	counts: BackupCounts;
	/** The Yjs update that recreates the workbook. */
	state: { encoding: 'base64'; bytes: number; crc32: string; data: string };
	/** The same workbook as plain JSON. */
	data: unknown;
}

export interface BackupContents {
	schemaVersion: number;
	exportedAt: string;
	counts: BackupCounts;
	state: Uint8Array;
	data: unknown;
}

export type BackupReadResult =
	{ ok: true; backup: BackupContents } | { ok: false; message: string };

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

export function crc32(bytes: Uint8Array): string {
	let c = 0xffffffff;
	for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
	return ((c ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}

export function toBase64(bytes: Uint8Array): string {
	let binary = '';
	const CHUNK = 0x8000;
	for (let i = 0; i < bytes.length; i += CHUNK)
		binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
	return btoa(binary);
}

export function fromBase64(text: string): Uint8Array | null {
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
	try {
		const binary = atob(text);
		const out = new Uint8Array(binary.length);
		for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
		return out;
	} catch {
		return null;
	}
}

export function writeBackup(input: {
	state: Uint8Array;
	data: unknown;
	schemaVersion: number;
	counts: BackupCounts;
	exportedAt: string;
}): string {
	const envelope: BackupEnvelope = {
		type: BACKUP_TYPE,
		version: BACKUP_VERSION,
		schemaVersion: input.schemaVersion,
		exportedAt: input.exportedAt,
		app: 'Village',
		counts: input.counts,
		state: {
			encoding: 'base64',
			bytes: input.state.length,
			crc32: crc32(input.state),
			data: toBase64(input.state)
		},
		data: input.data
	};
	return JSON.stringify(envelope, null, 1);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a backup file and returns its contents, or a message saying what is wrong with it.
 * `readsUpTo` is the newest workbook schema this build understands. Never throws.
 */
export function readBackup(input: string | Uint8Array, readsUpTo: number): BackupReadResult {
	const fail = (message: string): BackupReadResult => ({ ok: false, message });
	const size = typeof input === 'string' ? input.length : input.byteLength;
	if (size === 0) return fail('This file is empty.');
	if (size > MAX_BACKUP_BYTES)
		return fail(
			`This file is too large to be a Village backup (over ${MAX_BACKUP_BYTES >> 20} MB).`
		);
	let text: string;
	try {
		text =
			typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
	} catch {
		return fail('This is not a Village backup: it is not a text file.');
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return fail(
			/^\s*\{/.test(text)
				? 'This backup is incomplete: the file ends too early or was changed. Try another copy.'
				: 'This is not a Village backup (it is not a backup file at all).'
		);
	}
	if (!isRecord(json) || json.type !== BACKUP_TYPE)
		return fail(
			`This is not a Village backup: its type is ${isRecord(json) && typeof json.type === 'string' ? `"${json.type.slice(0, 40)}"` : 'missing'}, not "${BACKUP_TYPE}".`
		);
	if (typeof json.version !== 'number' || typeof json.schemaVersion !== 'number')
		return fail('This backup is missing its version numbers, so it cannot be read safely.');
	if (json.version > BACKUP_VERSION || json.schemaVersion > readsUpTo)
		return fail(
			`This backup was made by a newer version of Village (format ${json.schemaVersion}; this one reads up to ${readsUpTo}). Reload the page to update Village, then try again.`
		);
	const state = json.state;
	if (!isRecord(state) || typeof state.data !== 'string')
		return fail('This backup has no workbook data in it.');
	const bytes = fromBase64(state.data);
	if (!bytes) return fail('This backup’s workbook data is damaged (not valid base64).');
	if (state.bytes !== bytes.length || state.crc32 !== crc32(bytes))
		return fail(
			'This backup’s workbook data was changed or cut short (its checksum does not match).'
		);
	const exportedAt = typeof json.exportedAt === 'string' ? json.exportedAt : '';
	const counts: BackupCounts = { contacts: 0, conversations: 0, actions: 0, slots: 0 };
	if (isRecord(json.counts))
		for (const [k, v] of Object.entries(json.counts))
			if (typeof v === 'number' && Number.isInteger(v) && v >= 0) counts[k] = v;
	return {
		ok: true,
		backup: { schemaVersion: json.schemaVersion, exportedAt, counts, state: bytes, data: json.data }
	};
}

/** The file name a backup downloads as: `village-backup-2026-12-04.json`. */
export function backupFileName(exportedAt: string, suffix = ''): string {
	return `village-backup-${exportedAt.slice(0, 10)}${suffix}.json`;
}
