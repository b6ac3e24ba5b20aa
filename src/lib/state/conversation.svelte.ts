/**
 * The relate step's conversation log (5): who you are meeting, what you last learned from them,
 * what you could offer, and the half-written log, kept as a draft on this device until saved.
 */
import { isIsoDate } from '../model/dates';
import { lastLearned, suggestOffers } from '../model/people';
import { CONVERSATION_KINDS, type ConversationKind, type Id } from '../model/records';
import { clearDraft, deviceDrafts, DraftStore, loadDraft, saveDraft } from './drafts';
import type { People } from './people.svelte';

const DRAFT = 'relate-log';

/** A log in progress as kept on the device: every field as typed. */
export interface LogDraft {
	contactId: string;
	on: string;
	kind: ConversationKind;
	theirWork: string;
	theirChallenges: string;
	iOffered: string;
	theyOffered: string;
	followUpOn: string;
}

const TEXTS = ['theirWork', 'theirChallenges', 'iOffered', 'theyOffered'] as const;

export function isLogDraft(v: unknown): v is LogDraft {
	if (typeof v !== 'object' || v === null) return false;
	const d = v as Record<string, unknown>;
	return (
		['contactId', 'on', ...TEXTS, 'followUpOn'].every((k) => typeof d[k] === 'string') &&
		(CONVERSATION_KINDS as readonly unknown[]).includes(d.kind)
	);
}

export class ConversationDraft {
	contactId = $state('');
	on = $state('');
	kind = $state<ConversationKind>('coffee');
	theirWork = $state('');
	theirChallenges = $state('');
	iOffered = $state('');
	theyOffered = $state('');
	followUpOn = $state('');
	/** The last log saved here, for the confirmation line. */
	saved = $state<{ name: string; next: string | null } | null>(null);

	/**
	 * Whether the stored draft is this form's (restored or written here): only then may emptying
	 * the form remove it; a draft for someone else is left alone.
	 */
	#ownsDraft = false;

	/**
	 * Restores the device's draft when it is for `urlContact` (or no one was asked for) and that
	 * person still exists; otherwise starts empty, for `urlContact` when it names someone.
	 */
	constructor(
		private people: People,
		urlContact: string | null = null,
		private storage: DraftStore = deviceDrafts()
	) {
		const asked = urlContact && people.contacts.get(urlContact) ? urlContact : '';
		const stored = loadDraft(DRAFT, isLogDraft, storage);
		const draft =
			stored && (!asked || stored.contactId === asked) && people.contacts.get(stored.contactId)
				? stored
				: null;
		this.#ownsDraft = draft !== null;
		this.contactId = draft?.contactId ?? asked;
		this.on = draft?.on ?? people.today;
		if (draft) {
			this.kind = draft.kind;
			for (const key of TEXTS) this[key] = draft[key];
			this.followUpOn = draft.followUpOn;
		}
	}

	readonly contact = $derived.by(() =>
		this.contactId ? this.people.contacts.get(this.contactId) : null
	);
	readonly history = $derived.by(() =>
		this.contact ? this.people.conversationsOf(this.contact.id) : []
	);
	readonly learned = $derived.by(() => lastLearned(this.history));
	readonly offers = $derived.by(() => suggestOffers(this.people.offers.all, this.learned));

	/** Meet someone else (or no one): the confirmation of the last log goes. */
	choose(id: Id | ''): void {
		this.contactId = id;
		this.saved = null;
	}

	/** Adds someone new by name and meets them. */
	chooseNew(name: string): void {
		const id = this.people.addContact(name);
		if (id) this.contactId = id;
	}

	/** Adds an offer's words to what I offered. */
	useOffer(text: string): void {
		this.iOffered = this.iOffered.trim() ? `${this.iOffered.trim()}; ${text}` : text;
	}

	/** Keeps what is typed on the device (run it in an effect: it reads every field). */
	persist(): void {
		const value: LogDraft = {
			contactId: this.contactId,
			on: this.on,
			kind: this.kind,
			theirWork: this.theirWork,
			theirChallenges: this.theirChallenges,
			iOffered: this.iOffered,
			theyOffered: this.theyOffered,
			followUpOn: this.followUpOn
		};
		if (!value.contactId) return;
		if (TEXTS.every((key) => value[key].trim() === '')) {
			if (this.#ownsDraft) clearDraft(DRAFT, this.storage);
			this.#ownsDraft = false;
			return;
		}
		this.#ownsDraft = true;
		saveDraft(DRAFT, value, this.storage);
	}

	/** Saves the conversation (one write, with the contact's new clock); false if nothing was. */
	log(): boolean {
		const contact = this.contact;
		if (!contact) return false;
		const today = this.people.today;
		const id = this.people.logConversation({
			contactId: contact.id,
			on: isIsoDate(this.on) ? this.on : today,
			kind: this.kind,
			theirWork: this.theirWork,
			theirChallenges: this.theirChallenges,
			iOffered: this.iOffered,
			theyOffered: this.theyOffered,
			followUpOn: isIsoDate(this.followUpOn) ? this.followUpOn : null
		});
		if (!id) return false;
		this.saved = {
			name: contact.name,
			next: this.people.nextFollowUps().get(contact.id) ?? null
		};
		clearDraft(DRAFT, this.storage);
		for (const key of TEXTS) this[key] = '';
		this.followUpOn = '';
		this.on = today;
		return true;
	}
}
