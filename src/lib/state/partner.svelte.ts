/**
 * The accountability partnership: a shared-space document of its own (kept in its own IndexedDB
 * database, synced with the partner over y-webrtc), and the commands that change it. Only what
 * the user shares goes in: commitments (Plan-step actions marked "share with partner", kept in
 * step with the private action both ways), weekly check-ins, cheers and comments, and progress
 * as counts. It travels over WebRTC and, when a relay is named (by the invite link or this
 * device's setting), through that relay's end-to-end encrypted mailbox (paths.ts); that code
 * loads only when a connection is made (`await import`).
 *
 * Screens get one instance per page through `partnerSpace(session)`; it stays open (and
 * connected) while the user moves between screens, until they leave.
 */
import * as Y from 'yjs';
import { IndexedDbPersistence } from '../adapters/persistence/indexeddb';
import {
	actionSpec,
	collectionMap,
	getRecord,
	listRecords,
	conversationSpec,
	ORIGIN,
	readSettings,
	updateRecord
} from '../doc';
import {
	initSpace,
	putCheckIn,
	putCommitment,
	putProgress,
	putReaction,
	readCheckIns,
	readCommitments,
	readMembers,
	readProgress,
	readReactions,
	readSpaceId,
	removeCommitment,
	removeMember,
	setMember,
	sharedTypes
} from '../doc/partner';
import { todayIn, nowIso } from '../model/dates';
import {
	base64url,
	buildLink,
	checkInDue,
	cleanName,
	latestCheckIn,
	reconcile,
	weekOf,
	SECRET_BITS,
	type CheckIn,
	type Commitment,
	type Member,
	type ProgressSummary,
	type Reaction,
	type ReactionKind,
	type RoomLink
} from '../model/partner';
import { workbookProgress } from '../model/progress';
import type { Action } from '../model/records';
import { readProgressInput } from './progress.svelte';
import { onTypes, YView } from './reactive.svelte';
import type { WorkbookSession } from './session.svelte';
import { PARTNER_CONFIG_KEY } from './partnerConfig';
import { Linked } from './linked.svelte';
import { deviceRelays } from './relays.svelte';
import { fileSync, type FileSync } from './syncfile';

const CONFIG_KEY = PARTNER_CONFIG_KEY;
export const PARTNER_STORE_PREFIX = 'village-partner-';

export interface PartnerConfig {
	spaceId: string;
	room: string;
	secret: string;
	signal: string[];
	/** Relays named by the link (joiner) or by this device when it invited (inviter). */
	relay?: string[];
	role: 'inviter' | 'joiner';
	memberId: string;
	name: string;
}

export { phaseOf, type LinkPhase, type LinkStatus } from './paths';

/** Random base64url text with `bits` bits of randomness (crypto.getRandomValues). */
export function randomToken(bits = SECRET_BITS): string {
	return base64url(crypto.getRandomValues(new Uint8Array(Math.ceil(bits / 8))));
}

function loadConfig(): PartnerConfig | null {
	try {
		const raw = localStorage.getItem(CONFIG_KEY);
		const c = raw ? (JSON.parse(raw) as PartnerConfig) : null;
		return c && typeof c.room === 'string' && typeof c.secret === 'string' ? c : null;
	} catch {
		return null;
	}
}

export class PartnerSpace extends Linked implements FileSync {
	config = $state<PartnerConfig | null>(loadConfig());
	/** True once the shared space is loaded from this device's storage. */
	ready = $state(false);

	#session: WorkbookSession;
	#doc: Y.Doc | null = null;
	#persistence: IndexedDbPersistence | null = null;
	#views = $state<{
		members: YView<Member[]>;
		commitments: YView<ReturnType<typeof readCommitments>>;
		checkIns: YView<CheckIn[]>;
		reactions: YView<Reaction[]>;
		progress: YView<Record<string, ProgressSummary>>;
	} | null>(null);
	#stopReconcile = () => {};
	#opening: Promise<void> | null = null;

	constructor(session: WorkbookSession) {
		super();
		this.#session = session;
	}

	get members(): Member[] {
		return this.#views?.members.current ?? [];
	}
	get me(): string | null {
		return this.config?.memberId ?? null;
	}
	get partner(): Member | null {
		return this.members.find((m) => m.id !== this.me) ?? null;
	}
	get commitments(): Commitment[] {
		return this.#views?.commitments.current ?? [];
	}
	get checkIns(): CheckIn[] {
		return this.#views?.checkIns.current ?? [];
	}
	get reactions(): Reaction[] {
		return this.#views?.reactions.current ?? [];
	}
	get progress(): Record<string, ProgressSummary> {
		return this.#views?.progress.current ?? {};
	}
	get partnerLatest(): CheckIn | null {
		const p = this.partner;
		return p ? latestCheckIn(this.checkIns, p.id) : null;
	}
	get myCheckInDue(): boolean {
		return this.me ? checkInDue(this.checkIns, this.me, todayIn()) : false;
	}
	/** Private actions currently shared, by action id. */
	get sharedActionIds(): string[] {
		return this.commitments.filter((c) => c.owner === this.me).map((c) => c.actionId);
	}

	/** The invite link (inviter) to show as text and QR code. */
	link(origin: string): string | null {
		const c = this.config;
		if (!c) return null;
		const link: RoomLink = {
			room: c.room,
			secret: c.secret,
			signal: c.signal,
			...(c.relay?.length ? { relay: c.relay } : {}),
			from: c.name
		};
		return buildLink(origin, '/partner/join', link);
	}

	/** Opens the shared space stored on this device (no network). */
	open(): Promise<void> {
		if (!this.config) return Promise.resolve();
		this.#opening ??= this.#open(this.config);
		return this.#opening;
	}

	async #open(config: PartnerConfig) {
		const doc = new Y.Doc();
		const persistence = new IndexedDbPersistence(PARTNER_STORE_PREFIX + config.spaceId);
		await persistence.load(doc);
		this.#doc = doc;
		this.#persistence = persistence;
		const types = sharedTypes(doc);
		const on = onTypes(types);
		this.#views = {
			members: new YView(on, () => readMembers(doc)),
			commitments: new YView(on, () => readCommitments(doc)),
			checkIns: new YView(on, () => readCheckIns(doc)),
			reactions: new YView(on, () => readReactions(doc)),
			progress: new YView(on, () => readProgress(doc))
		};
		this.#write((d) => {
			// Only the inviter names the space: two sides naming it at once would race.
			if (config.role === 'inviter') initSpace(d, config.spaceId);
			setMember(d, config.memberId, config.name);
		});
		this.#stopReconcile = this.#keepInStep(doc);
		this.ready = true;
	}

	/** Starts a partnership: a new shared space with a fresh room and secret. */
	async invite(name: string): Promise<void> {
		await this.#reset();
		const signal = readSettings(this.#session.doc).signalingUrls;
		this.#save({
			spaceId: randomToken(96),
			room: randomToken(96),
			secret: randomToken(SECRET_BITS),
			signal,
			relay: deviceRelays(),
			role: 'inviter',
			memberId: randomToken(64),
			name: cleanName(name)
		});
		await this.open();
		this.publishProgress();
		await this.connect();
	}

	/** Joins the partnership in a link (already parsed). */
	async join(link: RoomLink, name: string): Promise<void> {
		await this.#reset();
		this.#save({
			// Each side keeps the space in a database named after the room it joined.
			spaceId: link.room,
			room: link.room,
			secret: link.secret,
			signal: link.signal,
			relay: link.relay ?? [],
			role: 'joiner',
			memberId: randomToken(64),
			name: cleanName(name)
		});
		await this.open();
		this.publishProgress();
		await this.connect();
	}

	async connect(): Promise<void> {
		await this.open();
		const config = this.config;
		const doc = this.#doc;
		if (!config || !doc) return;
		await this.openLink(doc, config, readSettings(this.#session.doc).iceServers);
	}

	/**
	 * Moves the space to a new room and secret: whoever holds the old link reads nothing new.
	 * The relay mailbox derives from the secret, so it moves to a new mailbox too. The data
	 * already shared stays here; the new link can be given to a partner again.
	 */
	async revoke(): Promise<void> {
		const config = this.config;
		if (!config || config.role !== 'inviter') return;
		await this.#disconnect();
		const partner = this.partner;
		this.#write((d) => {
			if (partner) removeMember(d, partner.id);
		});
		this.#save({ ...config, room: randomToken(96), secret: randomToken(SECRET_BITS) });
		await this.connect();
	}

	/** Leaves the partnership: disconnects and deletes the shared space from this device. */
	async leave(): Promise<void> {
		await this.#reset();
		this.config = null;
		localStorage.removeItem(CONFIG_KEY);
	}

	async #disconnect() {
		await this.closeLink();
	}

	async #reset() {
		await this.#disconnect();
		this.#stopReconcile();
		await this.#opening?.catch(() => {});
		this.#opening = null;
		this.#views = null;
		this.ready = false;
		await this.#persistence?.destroy();
		this.#persistence = null;
		this.#doc?.destroy();
		this.#doc = null;
	}

	#save(config: PartnerConfig) {
		this.config = config;
		localStorage.setItem(CONFIG_KEY, JSON.stringify(config));
	}

	#write(change: (doc: Y.Doc) => void): boolean {
		const doc = this.#doc;
		if (!doc) return false;
		doc.transact(() => change(doc), ORIGIN.local);
		void this.#persistence?.flush();
		return true;
	}

	/** Waits until every change so far is stored on this device (tests, pagehide). */
	async flush(): Promise<void> {
		await this.#persistence?.flush();
	}

	// ——— Commands ———

	share(actionId: string): boolean {
		const me = this.me;
		const action = getRecord(this.#session.doc, actionSpec, actionId);
		if (!me || !action) return false;
		return this.#write((d) =>
			putCommitment(d, {
				id: `${me}:${action.id}`,
				owner: me,
				actionId: action.id,
				text: action.text,
				due: action.due,
				done: action.done,
				syncedDone: action.done,
				syncedDue: action.due
			})
		);
	}

	unshare(actionId: string): boolean {
		const me = this.me;
		if (!me) return false;
		return this.#write((d) => removeCommitment(d, `${me}:${actionId}`));
	}

	/** Either partner can tick a commitment; the owner's private action follows. */
	setDone(commitmentId: string, done: boolean): boolean {
		const c = readCommitments(this.#doc ?? new Y.Doc()).find((x) => x.id === commitmentId);
		if (!c) return false;
		const ok = this.#write((d) => putCommitment(d, { ...c, done }));
		if (ok && c.owner === this.me) this.#reconcileNow();
		return ok;
	}

	checkIn(entry: { did: string; next: string; stuck: string }): boolean {
		const me = this.me;
		if (!me) return false;
		const at = nowIso();
		return this.#write((d) =>
			putCheckIn(d, { id: `${me}:${at}`, owner: me, week: weekOf(todayIn()), at, ...entry })
		);
	}

	react(checkIn: string, kind: ReactionKind, text = ''): boolean {
		const me = this.me;
		if (!me) return false;
		const at = nowIso();
		return this.#write((d) =>
			putReaction(d, { id: `${me}:${at}`, checkIn, author: me, kind, text, at })
		);
	}

	/** Shares progress as counts only: steps done, conversations this week, follow-ups on time. */
	publishProgress(): boolean {
		const me = this.me;
		if (!me) return false;
		const doc = this.#session.doc;
		const today = todayIn();
		const week = weekOf(today);
		const conversations = listRecords(doc, conversationSpec).filter(
			(c) => c.on >= week && c.on <= today
		).length;
		const due = listRecords(doc, actionSpec).filter((a) => a.due !== null && a.due <= today);
		const summary: ProgressSummary = {
			stepsDone: workbookProgress(readProgressInput(doc)).count,
			conversationsThisWeek: conversations,
			followUpsDue: due.length,
			followUpsOnTime: due.filter((a) => a.done).length,
			at: nowIso()
		};
		const current = this.progress[me];
		if (
			current &&
			current.stepsDone === summary.stepsDone &&
			current.conversationsThisWeek === summary.conversationsThisWeek &&
			current.followUpsDue === summary.followUpsDue &&
			current.followUpsOnTime === summary.followUpsOnTime
		)
			return false;
		return this.#write((d) => putProgress(d, me, summary));
	}

	// ——— Keeping shared actions in step ———

	#keepInStep(doc: Y.Doc): () => void {
		const actions = collectionMap(this.#session.doc, 'actions');
		let scheduled = false;
		const run = () => {
			if (scheduled) return;
			scheduled = true;
			queueMicrotask(() => {
				scheduled = false;
				this.#reconcileNow();
			});
		};
		const commitments = sharedTypes(doc)[2]!;
		actions.observeDeep(run);
		commitments.observe(run);
		run();
		return () => {
			actions.unobserveDeep(run);
			commitments.unobserve(run);
		};
	}

	#reconcileNow() {
		const doc = this.#doc;
		const me = this.me;
		if (!doc || !me || !this.#session.writable) return;
		const pulls: { id: string; patch: Partial<Action> }[] = [];
		const pushes: ReturnType<typeof readCommitments> = [];
		const removals: string[] = [];
		for (const c of readCommitments(doc)) {
			if (c.owner !== me) continue;
			const action = getRecord(this.#session.doc, actionSpec, c.actionId);
			if (!action) {
				removals.push(c.id);
				continue;
			}
			const next = { ...c };
			const patch: Partial<Action> = {};
			const done = reconcile(action.done, c.done, c.syncedDone);
			if (done === 'push') next.done = action.done;
			if (done === 'pull') patch.done = c.done;
			const due = reconcile(action.due, c.due, c.syncedDue);
			if (due === 'push') next.due = action.due;
			if (due === 'pull') patch.due = c.due;
			next.text = action.text;
			next.syncedDone = patch.done ?? next.done;
			next.syncedDue = patch.due !== undefined ? patch.due : next.due;
			if (Object.keys(patch).length) pulls.push({ id: action.id, patch });
			if (
				next.done !== c.done ||
				next.due !== c.due ||
				next.text !== c.text ||
				next.syncedDone !== c.syncedDone ||
				next.syncedDue !== c.syncedDue
			)
				pushes.push(next);
		}
		if (pulls.length)
			this.#session.write((d) => {
				for (const p of pulls) updateRecord(d, actionSpec, p.id, p.patch);
			}, ORIGIN.remote);
		if (pushes.length || removals.length)
			this.#write((d) => {
				for (const c of pushes) putCommitment(d, c);
				for (const id of removals) removeCommitment(d, id);
			});
	}

	#files = fileSync(
		() => this.#doc,
		() => (this.config ? { spaceId: this.config.room, secret: this.config.secret } : null),
		() => void this.#persistence?.flush()
	);
	exportFile(): Promise<Uint8Array | null> {
		return this.#files.exportFile();
	}
	importFile(bytes: Uint8Array, fileName: string): Promise<{ ok: boolean; text: string }> {
		return this.#files.importFile(bytes, fileName);
	}

	/** The space id written in the document (sync by file checks it). */
	get spaceId(): string | null {
		return this.#doc ? readSpaceId(this.#doc) : null;
	}

	/** The document, for sync by file (state layer only). */
	get doc(): Y.Doc | null {
		return this.#doc;
	}
}

const instances = new WeakMap<WorkbookSession, PartnerSpace>();

/** This page's partnership (one per workbook session). */
export function partnerSpace(session: WorkbookSession): PartnerSpace {
	let p = instances.get(session);
	if (!p) instances.set(session, (p = new PartnerSpace(session)));
	return p;
}
