/**
 * Accountability partner and linked devices: the shape of the shared space and its pure rules.
 * The shared space is a document of its own, separate from the private workbook: it holds only
 * what the user chose to share (commitments, check-ins, cheers and comments) and progress as
 * counts. Nothing here knows about Yjs or the network.
 */
import { addDays, isIsoDate, isoWeekday } from './dates';
import type { IsoDate } from './records';

export interface Member {
	id: string;
	name: string;
}

/** A Plan-step action the owner marked "share with partner". */
export interface Commitment {
	id: string;
	/** Member id of whoever made it. */
	owner: string;
	/** The private action it mirrors (on the owner's devices only). */
	actionId: string;
	text: string;
	due: IsoDate | null;
	done: boolean;
}

export interface CheckIn {
	id: string;
	owner: string;
	/** Monday of the week it is for. */
	week: IsoDate;
	did: string;
	next: string;
	stuck: string;
	/** ISO timestamp. */
	at: string;
}

export const REACTION_KINDS = ['cheer', 'comment'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

export interface Reaction {
	id: string;
	checkIn: string;
	author: string;
	kind: ReactionKind;
	/** Empty for a cheer. */
	text: string;
	at: string;
}

/** Counts only: never names, notes or answers. */
export interface ProgressSummary {
	stepsDone: number;
	conversationsThisWeek: number;
	followUpsOnTime: number;
	followUpsDue: number;
	at: string;
}

/** Longest text accepted in a shared field (a partner cannot fill the other's storage). */
export const MAX_SHARED_TEXT = 2000;
export const MAX_NAME = 60;

/** A secret needs at least this many bits of randomness. */
export const SECRET_BITS = 128;

export interface RoomLink {
	room: string;
	secret: string;
	/** Signaling servers, in order. */
	signal: string[];
	/** Relays (store-and-forward mailboxes) for when nobody is online at the same time. */
	relay?: string[];
	/** Display name of whoever made the link (optional). */
	from?: string;
}

export type ParsedLink = { ok: true; link: RoomLink } | { ok: false; problem: string };

/**
 * The link's fragment: `room=…&secret=…&signal=…` (URL-encoded; `signal` may repeat). The
 * fragment never reaches a web server. Any standard y-webrtc client holding `room` and `secret`
 * can join.
 */
export function linkFragment(link: RoomLink): string {
	const params = new URLSearchParams();
	params.set('room', link.room);
	params.set('secret', link.secret);
	for (const s of link.signal) params.append('signal', s);
	for (const r of link.relay ?? []) params.append('relay', r);
	if (link.from) params.set('from', link.from);
	return params.toString();
}

export function buildLink(origin: string, path: string, link: RoomLink): string {
	return `${origin}${path}#${linkFragment(link)}`;
}

const ROOM_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;

/** Reads a link's fragment (with or without the leading '#', or a whole URL). */
export function parseLink(input: string): ParsedLink {
	const text = input.trim();
	const hash = text.includes('#') ? text.slice(text.indexOf('#') + 1) : text;
	if (!hash) return { ok: false, problem: 'This link has nothing after the “#”: it was cut off.' };
	const params = new URLSearchParams(hash);
	const room = params.get('room') ?? '';
	const secret = params.get('secret') ?? '';
	if (!room) return { ok: false, problem: 'This link has no room: it may have been cut off.' };
	if (!ROOM_PATTERN.test(room))
		return { ok: false, problem: 'The room in this link is not one Village made.' };
	if (!secret) return { ok: false, problem: 'This link has no secret: it may have been cut off.' };
	if (!SECRET_PATTERN.test(secret))
		return {
			ok: false,
			problem: 'The secret in this link is too short or has characters Village never uses.'
		};
	const signal: string[] = [];
	for (const s of params.getAll('signal')) {
		let url: URL;
		try {
			url = new URL(s);
		} catch {
			return {
				ok: false,
				problem: `The signaling server “${s}” in this link is not a web address.`
			};
		}
		if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
			return {
				ok: false,
				problem: `The signaling server “${s}” must start with ws:// or wss:// (a WebSocket address).`
			};
		signal.push(s);
	}
	if (signal.length === 0)
		return { ok: false, problem: 'This link names no signaling server, so nobody can be found.' };
	const relay: string[] = [];
	for (const r of params.getAll('relay')) {
		const problem = relayProblem(r);
		if (problem) return { ok: false, problem: `In this link: ${problem}` };
		if (!relay.includes(r)) relay.push(r);
	}
	const from = cleanName(params.get('from') ?? '');
	return {
		ok: true,
		link: { room, secret, signal, ...(relay.length ? { relay } : {}), ...(from ? { from } : {}) }
	};
}

/** Longest relay address accepted (a link or the setting cannot smuggle in a whole page). */
export const MAX_RELAY_ADDRESS = 512;

/**
 * Why `address` cannot be used as a relay, or null when it can: a WebSocket address (ws: or
 * wss:) with a host, as in an invite link's `relay=` or the relay setting.
 */
export function relayProblem(address: string): string | null {
	const shown = address.length > 80 ? `${address.slice(0, 77)}…` : address;
	if (!address.trim()) return 'The relay address is empty.';
	if (address.length > MAX_RELAY_ADDRESS) return `The relay address “${shown}” is too long.`;
	let url: URL;
	try {
		url = new URL(address);
	} catch {
		return `The relay “${shown}” is not a web address.`;
	}
	if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
		return `The relay “${shown}” must start with ws:// or wss:// (a WebSocket address).`;
	if (!url.hostname) return `The relay “${shown}” names no server.`;
	if (url.username || url.password)
		return `The relay “${shown}” carries a user name or password; Village never sends those.`;
	return null;
}

/** Why an entry from a relay was skipped (it changed nothing). */
export const SKIP_REASONS = [
	'malformed', // not bytes, or an unknown format version
	'truncated', // shorter than any sealed entry can be
	'wrong-key', // sealed with another key: a foreign entry
	'tampered', // our key id, but the ciphertext or header does not authenticate
	'too-large', // bigger than the device accepts
	'invalid-update' // authentic, but not a change this document can take
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** Relays of a link and of this device's setting, each once, the link's first. */
export function relaysFor(
	link: readonly string[] | undefined,
	device: readonly string[]
): string[] {
	return [...new Set([...(link ?? []), ...device])];
}

/** Base64url of random bytes: the form used for rooms and secrets. */
export function base64url(bytes: Uint8Array): string {
	let s = '';
	for (const b of bytes) s += String.fromCharCode(b);
	return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A display name as stored: trimmed, single spaces, at most MAX_NAME characters. */
export function cleanName(name: string): string {
	return name.trim().replace(/\s+/g, ' ').slice(0, MAX_NAME);
}

export function cleanText(text: string): string {
	return text.trim().slice(0, MAX_SHARED_TEXT);
}

/** Monday of the week that holds `date`. */
export function weekOf(date: IsoDate): IsoDate {
	return addDays(date, -(isoWeekday(date) - 1));
}

export function latestCheckIn(checkIns: readonly CheckIn[], owner: string): CheckIn | null {
	let best: CheckIn | null = null;
	for (const c of checkIns) {
		if (c.owner !== owner) continue;
		if (!best || c.week > best.week || (c.week === best.week && c.at > best.at)) best = c;
	}
	return best;
}

/** Whether `owner` still owes a check-in for the week of `today`. */
export function checkInDue(checkIns: readonly CheckIn[], owner: string, today: IsoDate): boolean {
	const week = weekOf(today);
	return !checkIns.some((c) => c.owner === owner && c.week === week);
}

/**
 * Keeping a private action and its shared commitment in step, from three values: the private
 * one, the shared one and the value both had when they were last in step. Whichever side moved
 * since then wins; when both moved, the private side (the owner's own device) wins.
 */
export function reconcile<V>(
	mine: V,
	shared: V,
	lastInStep: V | undefined
): 'in-step' | 'push' | 'pull' {
	if (mine === shared) return 'in-step';
	if (lastInStep !== undefined && mine === lastInStep) return 'pull';
	return 'push';
}

/** Whether a stored value is a usable date (for validators of shared records). */
export const isDueDate = (v: unknown): v is IsoDate | null => v === null || isIsoDate(v);
