/**
 * The shared space: a Y.Doc of its own (never the private workbook) that two partners sync.
 * Every record is one plain value in a top-level map, read through a validator: what a partner
 * sends that does not fit reads as absent, so a hostile peer cannot put odd values on screen.
 */
import type * as Y from 'yjs';
import {
	cleanName,
	cleanText,
	isDueDate,
	MAX_NAME,
	MAX_SHARED_TEXT,
	REACTION_KINDS,
	type CheckIn,
	type Commitment,
	type Member,
	type ProgressSummary,
	type Reaction,
	type ReactionKind
} from '../model/partner';
import { isIsoDate } from '../model/dates';

export const SHARED_SPACE_KIND = 'village-shared-space';

export const sharedMaps = {
	meta: (doc: Y.Doc) => doc.getMap<unknown>('meta'),
	members: (doc: Y.Doc) => doc.getMap<unknown>('members'),
	commitments: (doc: Y.Doc) => doc.getMap<unknown>('commitments'),
	checkIns: (doc: Y.Doc) => doc.getMap<unknown>('checkIns'),
	reactions: (doc: Y.Doc) => doc.getMap<unknown>('reactions'),
	progress: (doc: Y.Doc) => doc.getMap<unknown>('progress')
};

/** Every top-level type of a shared space, for observing. */
export function sharedTypes(doc: Y.Doc): Y.Map<unknown>[] {
	return Object.values(sharedMaps).map((m) => m(doc));
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max = MAX_SHARED_TEXT): v is string =>
	typeof v === 'string' && v.length <= max;
const stamp = (v: unknown): v is string => typeof v === 'string' && v.length <= 40;

function list<T>(map: Y.Map<unknown>, read: (id: string, v: Obj) => T | null): T[] {
	const out: T[] = [];
	map.forEach((value, id) => {
		if (!isObj(value)) return;
		const r = read(id, value);
		if (r) out.push(r);
	});
	return out;
}

export function readMembers(doc: Y.Doc): Member[] {
	return list(sharedMaps.members(doc), (id, v) =>
		text(v.name, MAX_NAME) ? { id, name: v.name } : null
	);
}

export function readCommitments(doc: Y.Doc): (Commitment & {
	syncedDone?: boolean;
	syncedDue?: string | null;
})[] {
	return list(sharedMaps.commitments(doc), (id, v) => {
		if (!text(v.owner, 64) || !text(v.text) || !isDueDate(v.due) || typeof v.done !== 'boolean')
			return null;
		return {
			id,
			owner: v.owner,
			actionId: typeof v.actionId === 'string' ? v.actionId : '',
			text: v.text,
			due: v.due,
			done: v.done,
			...(typeof v.syncedDone === 'boolean' ? { syncedDone: v.syncedDone } : {}),
			...(isDueDate(v.syncedDue) ? { syncedDue: v.syncedDue } : {})
		};
	}).sort((a, b) => (a.due ?? '9').localeCompare(b.due ?? '9') || a.id.localeCompare(b.id));
}

export function readCheckIns(doc: Y.Doc): CheckIn[] {
	return list(sharedMaps.checkIns(doc), (id, v) => {
		if (!text(v.owner, 64) || !isIsoDate(v.week) || !stamp(v.at)) return null;
		if (!text(v.did) || !text(v.next) || !text(v.stuck)) return null;
		return { id, owner: v.owner, week: v.week, did: v.did, next: v.next, stuck: v.stuck, at: v.at };
	}).sort((a, b) => b.week.localeCompare(a.week) || b.at.localeCompare(a.at));
}

export function readReactions(doc: Y.Doc): Reaction[] {
	return list(sharedMaps.reactions(doc), (id, v) => {
		if (!text(v.checkIn, 64) || !text(v.author, 64) || !stamp(v.at) || !text(v.text)) return null;
		if (!REACTION_KINDS.includes(v.kind as ReactionKind)) return null;
		return {
			id,
			checkIn: v.checkIn,
			author: v.author,
			kind: v.kind as ReactionKind,
			text: v.text,
			at: v.at
		};
	}).sort((a, b) => a.at.localeCompare(b.at));
}

const count = (v: unknown): v is number =>
	Number.isInteger(v) && (v as number) >= 0 && (v as number) < 1e6;

export function readProgress(doc: Y.Doc): Record<string, ProgressSummary> {
	const out: Record<string, ProgressSummary> = {};
	sharedMaps.progress(doc).forEach((v, id) => {
		if (!isObj(v) || !stamp(v.at)) return;
		if (!count(v.stepsDone) || !count(v.conversationsThisWeek)) return;
		if (!count(v.followUpsOnTime) || !count(v.followUpsDue)) return;
		out[id] = {
			stepsDone: v.stepsDone,
			conversationsThisWeek: v.conversationsThisWeek,
			followUpsOnTime: v.followUpsOnTime,
			followUpsDue: v.followUpsDue,
			at: v.at
		};
	});
	return out;
}

/** Which space this is (for sync by file); set once by whoever creates it. */
export function readSpaceId(doc: Y.Doc): string | null {
	const id = sharedMaps.meta(doc).get('spaceId');
	return typeof id === 'string' ? id : null;
}

// ——— Writes: call inside a transaction. ———

export function initSpace(doc: Y.Doc, spaceId: string): void {
	const meta = sharedMaps.meta(doc);
	if (meta.get('kind') !== SHARED_SPACE_KIND) meta.set('kind', SHARED_SPACE_KIND);
	if (!meta.has('spaceId')) meta.set('spaceId', spaceId);
}

export function setMember(doc: Y.Doc, id: string, name: string): void {
	sharedMaps.members(doc).set(id, { name: cleanName(name) });
}

export function removeMember(doc: Y.Doc, id: string): void {
	sharedMaps.members(doc).delete(id);
}

export function putCommitment(
	doc: Y.Doc,
	c: Commitment & { syncedDone?: boolean; syncedDue?: string | null }
): void {
	const { id, ...rest } = c;
	sharedMaps.commitments(doc).set(id, { ...rest, text: cleanText(rest.text) });
}

export function removeCommitment(doc: Y.Doc, id: string): void {
	sharedMaps.commitments(doc).delete(id);
}

export function putCheckIn(doc: Y.Doc, c: CheckIn): void {
	const { id, ...rest } = c;
	sharedMaps.checkIns(doc).set(id, {
		...rest,
		did: cleanText(rest.did),
		next: cleanText(rest.next),
		stuck: cleanText(rest.stuck)
	});
}

export function putReaction(doc: Y.Doc, r: Reaction): void {
	const { id, ...rest } = r;
	sharedMaps.reactions(doc).set(id, { ...rest, text: cleanText(rest.text) });
}

export function putProgress(doc: Y.Doc, member: string, p: ProgressSummary): void {
	sharedMaps.progress(doc).set(member, { ...p });
}
