import { untrack } from 'svelte';
import {
	answersMap,
	askSpec,
	contactSpec,
	conversationSpec,
	deleteRecord,
	insertRecord,
	offerSpec,
	targetSpec,
	tieSpec,
	updateRecord
} from '../doc';
import { afterConversation } from '../model/keepInTouch';
import { compareNames } from '../model/names';
import { nowIso, todayIn } from '../model/dates';
import { ledgerByContact, type GiveGet } from '../model/ledger';
import {
	conversationsByContact,
	neighboursOf,
	nextFollowUpsById,
	overdueIds,
	tieEnds,
	tieId
} from '../model/people';
import { collectionOf, type LiveRecords } from './records';
export { LiveRecords } from './records';
import { cadenceDefaults, cadenceKey } from '../model/cadenceDefaults';
import { buildContactIndex, type ContactIndex } from '../model/search';
import {
	TIERS,
	type Ask,
	type Contact,
	type Conversation,
	type Id,
	type IsoDate,
	type Stage,
	type Target,
	type Tie,
	type Tier
} from '../model/records';
import type { Offer } from '../model/value';
import type { WorkbookSession } from './session.svelte';

/** A value computed from live versions, recomputed only when one of them moved. */
function memo<T>(versions: () => number[], compute: () => T): () => T {
	let last: number[] | null = null;
	let value: T;
	return () => {
		const now = versions();
		if (!last || now.some((v, i) => v !== last![i])) {
			value = untrack(compute);
			last = now;
		}
		return value;
	};
}

export interface ConversationInput {
	contactId: Id;
	on: IsoDate;
	kind: Conversation['kind'];
	theirWork?: string;
	theirChallenges?: string;
	iOffered?: string;
	theyOffered?: string;
	followUpOn?: IsoDate | null;
}

/**
 * Everything about the people in a workbook, live, and the commands that change them. One per
 * open session (see `usePeople`): the caches and indexes are shared by every screen.
 */
export class People {
	readonly contacts: LiveRecords<Contact>;
	#answersVersion = $state(0);

	constructor(private session: WorkbookSession) {
		const doc = session.doc;
		this.contacts = collectionOf(session, contactSpec);
		const keys = TIERS.map(cadenceKey);
		answersMap(doc).observe((event) => {
			if (keys.some((k) => event.keysChanged.has(k))) this.#answersVersion++;
		});
	}

	// The other collections are read the first time a screen asks for them: People's list needs
	// only contacts, and reading 10,000 conversations up front would slow its first paint.
	get ties(): LiveRecords<Tie> {
		return collectionOf(this.session, tieSpec);
	}
	get conversations(): LiveRecords<Conversation> {
		return collectionOf(this.session, conversationSpec);
	}
	get asks(): LiveRecords<Ask> {
		return collectionOf(this.session, askSpec);
	}
	get targets(): LiveRecords<Target> {
		return collectionOf(this.session, targetSpec);
	}
	get offers(): LiveRecords<Offer> {
		return collectionOf(this.session, offerSpec);
	}

	get writable(): boolean {
		return this.session.writable;
	}

	/** Today on this device's calendar. */
	get today(): IsoDate {
		return todayIn();
	}

	/** Keep-in-touch days per tier, from the plan step (or the defaults). */
	readonly cadenceDefaults = memo(
		() => [this.#answersVersion],
		(): Record<Tier, number> => {
			const map = answersMap(this.session.doc);
			const answers: Record<string, number | undefined> = {};
			for (const tier of TIERS) {
				const v = map.get(cadenceKey(tier));
				answers[cadenceKey(tier)] = typeof v === 'number' ? v : undefined;
			}
			return cadenceDefaults(answers);
		}
	);

	/** The search index: normalised text and name order, rebuilt only when contacts change. */
	readonly index = memo(
		() => [this.contacts.version],
		(): ContactIndex => buildContactIndex(this.contacts.all)
	);

	/** Next follow-up day per contact. */
	readonly nextFollowUps = memo(
		() => [this.contacts.version, this.#answersVersion],
		(): Map<Id, IsoDate | null> => nextFollowUpsById(this.contacts.all, this.cadenceDefaults())
	);

	/** Contacts whose follow-up day is before today. */
	readonly overdueIds = memo(
		() => [this.contacts.version, this.#answersVersion],
		(): Set<Id> => overdueIds(this.nextFollowUps(), this.today)
	);

	/** Who knows whom: each contact's tied contacts. */
	readonly neighbours = memo(
		() => [this.ties.version],
		(): Map<Id, Set<Id>> => neighboursOf(this.ties.all)
	);

	/** Conversations per contact, newest first. */
	readonly conversationsByContact = memo(
		() => [this.conversations.version],
		(): Map<Id, Conversation[]> => conversationsByContact(this.conversations.all)
	);

	readonly ledger = memo(
		() => [this.conversations.version],
		(): Map<Id, GiveGet> => ledgerByContact(this.conversations.all)
	);

	conversationsOf(contactId: Id): Conversation[] {
		return this.conversationsByContact().get(contactId) ?? [];
	}

	tiedTo(contactId: Id): Contact[] {
		const ids = this.neighbours().get(contactId);
		if (!ids) return [];
		const out: Contact[] = [];
		for (const id of ids) {
			const c = this.contacts.get(id);
			if (c) out.push(c);
		}
		return out.sort((a, b) => compareNames(a.name, b.name));
	}

	// Commands. Each is one session.write: one undo step, saved, refused when read-only.

	/** Adds a contact with just a name (and anything else known); returns its id. */
	addContact(name: string, values: Partial<Omit<Contact, 'id' | 'name'>> = {}): Id | null {
		const trimmed = name.trim();
		if (trimmed === '') return null;
		let id: Id | null = null;
		this.session.write((doc) => {
			id = insertRecord(doc, contactSpec, {
				...values,
				name: trimmed,
				createdAt: nowIso()
			});
		});
		return id;
	}

	updateContact(id: Id, patch: Partial<Omit<Contact, 'id'>>): void {
		if (!this.contacts.get(id)) return;
		this.session.write((doc) => updateRecord(doc, contactSpec, id, patch));
	}

	/**
	 * Removes a contact and everything that only makes sense with them: their ties, their
	 * conversations and asks. Who they introduced is kept as "unknown", and a target they had
	 * become is open again. One write, so one undo brings it all back.
	 */
	removeContact(id: Id): void {
		// Its own undo step, never merged with the typing just before it.
		this.session.stopCapturing();
		this.session.write((doc) => {
			deleteRecord(doc, contactSpec, id);
			for (const t of this.ties.all) if (t.a === id || t.b === id) deleteRecord(doc, tieSpec, t.id);
			for (const c of this.conversationsOf(id)) deleteRecord(doc, conversationSpec, c.id);
			for (const a of this.asks.all) if (a.contactId === id) deleteRecord(doc, askSpec, a.id);
			for (const c of this.contacts.all)
				if (c.introducedBy === id) updateRecord(doc, contactSpec, c.id, { introducedBy: null });
			for (const t of this.targets.all)
				if (t.reachedContactId === id)
					updateRecord(doc, targetSpec, t.id, { reachedContactId: null });
		});
	}

	hasTie(a: Id, b: Id): boolean {
		return this.neighbours().get(a)?.has(b) ?? false;
	}

	/** Marks that two contacts know each other (once per pair, whichever way round). */
	addTie(a: Id, b: Id): void {
		if (a === b || this.hasTie(a, b)) return;
		this.session.write((doc) => {
			insertRecord(doc, tieSpec, { id: tieId(a, b), ...tieEnds(a, b) });
		});
	}

	removeTie(a: Id, b: Id): void {
		this.session.write((doc) => {
			// Any record joining the pair goes, including ones an older client keyed differently.
			for (const t of this.ties.all)
				if ((t.a === a && t.b === b) || (t.a === b && t.b === a)) deleteRecord(doc, tieSpec, t.id);
		});
	}

	/**
	 * Logs a conversation and restarts that contact's keep-in-touch clock, in one write: the log
	 * and the clock can never disagree, and one undo takes back both.
	 */
	logConversation(input: ConversationInput): Id | null {
		const contact = this.contacts.get(input.contactId);
		if (!contact) return null;
		let id: Id | null = null;
		this.session.stopCapturing();
		this.session.write((doc) => {
			const conversation = {
				contactId: input.contactId,
				on: input.on,
				kind: input.kind,
				theirWork: input.theirWork?.trim() ?? '',
				theirChallenges: input.theirChallenges?.trim() ?? '',
				iOffered: input.iOffered?.trim() ?? '',
				theyOffered: input.theyOffered?.trim() ?? '',
				offerDelivered: false,
				followUpOn: input.followUpOn ?? null
			};
			id = insertRecord(doc, conversationSpec, conversation);
			updateRecord(doc, contactSpec, contact.id, afterConversation(contact, conversation));
		});
		return id;
	}

	updateConversation(id: Id, patch: Partial<Omit<Conversation, 'id'>>): void {
		if (!this.conversations.get(id)) return;
		this.session.write((doc) => updateRecord(doc, conversationSpec, id, patch));
	}

	removeConversation(id: Id): void {
		this.session.write((doc) => deleteRecord(doc, conversationSpec, id));
	}

	setStage(id: Id, stage: Stage): void {
		this.updateContact(id, { stage });
	}

	addAsk(contactId: Id, what: string, on: IsoDate): Id | null {
		if (!this.contacts.get(contactId) || what.trim() === '') return null;
		let id: Id | null = null;
		this.session.write((doc) => {
			id = insertRecord(doc, askSpec, { contactId, what: what.trim(), on, outcome: 'pending' });
		});
		return id;
	}

	updateAsk(id: Id, patch: Partial<Omit<Ask, 'id'>>): void {
		if (!this.asks.get(id)) return;
		this.session.write((doc) => updateRecord(doc, askSpec, id, patch));
	}

	removeAsk(id: Id): void {
		this.session.write((doc) => deleteRecord(doc, askSpec, id));
	}

	/** Marks a target as reached by the contact it became (null: open again). */
	markTargetReached(targetId: Id, contactId: Id | null): void {
		if (!this.targets.get(targetId)) return;
		this.session.write((doc) => {
			updateRecord(doc, targetSpec, targetId, { reachedContactId: contactId });
			if (contactId && this.contacts.get(contactId))
				updateRecord(doc, contactSpec, contactId, { helpsGoal: true });
		});
	}
}

const bySession = new WeakMap<WorkbookSession, People>();

/** The people of an open workbook; one shared instance per session. */
export function peopleOf(session: WorkbookSession): People {
	let people = bySession.get(session);
	if (!people) {
		people = new People(session);
		bySession.set(session, people);
	}
	return people;
}
