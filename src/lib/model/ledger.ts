/**
 * Give and get, per relationship: not a debt to settle but a prompt to offer first. A
 * conversation counts as "I gave" when I offered something (non-blank `iOffered`) and as "I got"
 * when they did (non-blank `theyOffered`); one conversation can be both.
 */
import { daysBetween } from './dates';
import type { Contact, Conversation, Id, IsoDate } from './records';

/**
 * Two conversations where they helped and I never offered anything is a pattern, not chance:
 * time to offer first.
 */
export const NUDGE_TAKES_WITHOUT_GIVING = 2;
/**
 * Even when I have offered before, taking three more times than I gave leaves the relationship
 * one-sided enough to notice.
 */
export const NUDGE_IMBALANCE = 3;

export interface GiveGet {
	contactId: Id;
	/** Conversations where I offered something. */
	gave: number;
	/** Conversations where they offered something. */
	got: number;
	/** gave − got: negative when I mostly take. */
	balance: number;
	conversations: number;
	/** True when I only take: see `NUDGE_TAKES_WITHOUT_GIVING` and `NUDGE_IMBALANCE`. */
	nudge: boolean;
	lastOn: IsoDate | null;
}

export interface LedgerTotals {
	gave: number;
	got: number;
	balance: number;
	conversations: number;
	/** Contacts (ids) where I only take, most one-sided first. */
	nudges: Id[];
}

export interface OpenOffer {
	conversationId: Id;
	contactId: Id;
	name: string;
	on: IsoDate;
	offered: string;
}

function isFilled(text: string | null | undefined): boolean {
	return typeof text === 'string' && text.trim() !== '';
}

/** Whether the numbers say I only take from this relationship. */
export function needsNudge(gave: number, got: number): boolean {
	return (got >= NUDGE_TAKES_WITHOUT_GIVING && gave === 0) || got - gave >= NUDGE_IMBALANCE;
}

function emptyEntry(contactId: Id): GiveGet {
	return { contactId, gave: 0, got: 0, balance: 0, conversations: 0, nudge: false, lastOn: null };
}

/** Give/get per contact, for every contact that has at least one conversation. */
export function ledgerByContact(conversations: readonly Conversation[]): Map<Id, GiveGet> {
	const byContact = new Map<Id, GiveGet>();
	for (const conversation of conversations) {
		let entry = byContact.get(conversation.contactId);
		if (!entry) {
			entry = emptyEntry(conversation.contactId);
			byContact.set(conversation.contactId, entry);
		}
		entry.conversations++;
		if (isFilled(conversation.iOffered)) entry.gave++;
		if (isFilled(conversation.theyOffered)) entry.got++;
		if (entry.lastOn === null || conversation.on > entry.lastOn) entry.lastOn = conversation.on;
	}
	for (const entry of byContact.values()) {
		entry.balance = entry.gave - entry.got;
		entry.nudge = needsNudge(entry.gave, entry.got);
	}
	return byContact;
}

/** Give/get for one contact (all zero when we have not talked yet). */
export function ledgerFor(contactId: Id, conversations: readonly Conversation[]): GiveGet {
	const own = conversations.filter((c) => c.contactId === contactId);
	return ledgerByContact(own).get(contactId) ?? emptyEntry(contactId);
}

/** Totals over all conversations, with the contacts to nudge about, most one-sided first. */
export function ledgerTotals(
	conversations: readonly Conversation[],
	byContact: Map<Id, GiveGet> = ledgerByContact(conversations)
): LedgerTotals {
	let gave = 0;
	let got = 0;
	let count = 0;
	const nudged: GiveGet[] = [];
	for (const entry of byContact.values()) {
		gave += entry.gave;
		got += entry.got;
		count += entry.conversations;
		if (entry.nudge) nudged.push(entry);
	}
	nudged.sort(
		(a, b) =>
			a.balance - b.balance || (a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0)
	);
	return {
		gave,
		got,
		balance: gave - got,
		conversations: count,
		nudges: nudged.map((e) => e.contactId)
	};
}

/** The prompt shown beside a one-sided relationship: warm, and about what to do next. */
export function nudgeLine(name: string, entry: Pick<GiveGet, 'gave' | 'got'>): string {
	const who = name.trim() || 'This person';
	const helped = entry.got === 1 ? 'once' : entry.got === 2 ? 'twice' : `${entry.got} times`;
	return entry.gave === 0
		? `${who} has helped you ${helped} and you have not offered anything yet. What could you offer next time: an introduction, an article, your time?`
		: `${who} has helped you ${helped}; you have offered ${entry.gave === 1 ? 'once' : `${entry.gave} times`}. Ask what they are working on and offer first.`;
}

type ContactLookup =
	ReadonlyMap<Id, Pick<Contact, 'name'>> | Readonly<Record<Id, Pick<Contact, 'name'>>>;

function lookup(contactsById: ContactLookup, id: Id): Pick<Contact, 'name'> | undefined {
	if (contactsById instanceof Map) return contactsById.get(id);
	const record = contactsById as Readonly<Record<Id, Pick<Contact, 'name'>>>;
	return Object.prototype.hasOwnProperty.call(record, id) ? record[id] : undefined;
}

/**
 * Offers I made and have not yet delivered, oldest first: open promises to keep. Conversations
 * with a contact who has since been removed are left out, since there is no one left to deliver
 * to.
 */
export function openOffers(
	conversations: readonly Conversation[],
	contactsById: ContactLookup
): OpenOffer[] {
	const open: OpenOffer[] = [];
	for (const c of conversations) {
		if (c.offerDelivered !== false || !isFilled(c.iOffered)) continue;
		const contact = lookup(contactsById, c.contactId);
		if (!contact) continue;
		open.push({
			conversationId: c.id,
			contactId: c.contactId,
			name: contact.name,
			on: c.on,
			offered: c.iOffered.trim()
		});
	}
	return open.sort(
		(a, b) =>
			(a.on < b.on ? -1 : a.on > b.on ? 1 : 0) ||
			(a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : 0)
	);
}

/** How long an offer has been waiting, in days, for "promised 12 days ago". */
export function offerAgeDays(offer: Pick<OpenOffer, 'on'>, today: IsoDate): number {
	return Math.max(0, daysBetween(offer.on, today));
}

/** The relationships with the most conversations, the most one-sided first among equals. */
export function busiestRelationships(ledger: ReadonlyMap<Id, GiveGet>, limit: number): GiveGet[] {
	return [...ledger.values()]
		.sort((a, b) => b.conversations - a.conversations || a.balance - b.balance)
		.slice(0, limit);
}
