/**
 * The champions step (6): the pipeline from contact to champion, suggestions from evidence,
 * the sponsor check, asks and their outcomes, and what it all tells you. The screen binds to
 * this and calls its commands; each command is one `session.write`.
 */
import {
	championsSummary,
	dismissalKey,
	stageSuggestions,
	type StageSuggestion
} from '../model/champions';
import { missingSponsor, pipeline, sponsorCandidates } from '../model/coverage';
import { isIsoDate, todayIn } from '../model/dates';
import { newestAsksFirst } from '../model/people';
import { CHAMPIONS_MIN } from '../model/progress';
import type { Ask, AskOutcome, Contact, Id, IsoDate, Stage } from '../model/records';
import { asksOf, contactsOf, conversationsOf } from './collections';
import { peopleOf } from './people.svelte';
import type { Collection } from './records';
import type { WorkbookSession } from './session.svelte';
import { ScalarAnswers } from './workbook.svelte';

/** Sponsor candidates shown: the best few, not a directory. */
const SPONSOR_CANDIDATES_SHOWN = 4;

export class ChampionsState {
	readonly today: IsoDate;
	#contacts: Collection<Contact>;
	#asks: Collection<Ask>;
	#answers: ScalarAnswers;

	constructor(
		private session: WorkbookSession,
		today = todayIn()
	) {
		this.today = today;
		this.askDraft.on = today;
		this.#contacts = contactsOf(session);
		this.#asks = asksOf(session);
		this.#answers = new ScalarAnswers(session);
	}

	get readOnly(): boolean {
		return !this.session.writable;
	}

	get contactCount(): number {
		return this.#contacts.size;
	}

	get contacts(): Contact[] {
		return this.#contacts.all;
	}

	contact(id: Id): Contact | null {
		return this.#contacts.get(id);
	}

	readonly columns = $derived.by(() => pipeline(this.#contacts.all));
	readonly noSponsor = $derived.by(() => missingSponsor(this.#contacts.all));
	readonly sponsorCandidates = $derived.by(() =>
		sponsorCandidates(this.#contacts.all).slice(0, SPONSOR_CANDIDATES_SHOWN)
	);
	readonly asks = $derived.by(() => newestAsksFirst(this.#asks.all));

	/** Who the evidence says could move along, strongest first; dismissed ones never return. */
	readonly suggestions = $derived.by(() =>
		stageSuggestions({
			contacts: this.#contacts.all,
			// Read only here: the board and asks do not need 10,000 conversations.
			conversations: conversationsOf(this.session).all,
			asks: this.#asks.all,
			today: this.today,
			answers: this.#answers.current
		})
	);

	/** Where someone stands in their column (strongest first), or -1. */
	indexIn(stage: Stage, id: Id): number {
		return (
			this.columns.find((c) => c.stage === stage)?.contacts.findIndex((c) => c.id === id) ?? -1
		);
	}

	/** The ask being written: whom, what, and when (today unless changed). */
	readonly askDraft = $state({ who: '', what: '', on: '' });

	readonly summary = $derived.by(() =>
		championsSummary(this.#contacts.all, this.#asks.all, CHAMPIONS_MIN)
	);

	// Commands: each one session.write.

	/** Moves someone along the pipeline (or back). */
	moveTo(id: Id, stage: Stage): void {
		const c = this.#contacts.get(id);
		if (!c || c.stage === stage) return;
		this.#contacts.update(id, { stage });
	}

	/** Does what a suggestion proposes: moves them to its stage. */
	accept(s: StageSuggestion): void {
		this.moveTo(s.contactId, s.to);
	}

	/** Says no to a suggestion: the answer is kept in the workbook and it is never made again. */
	dismiss(s: StageSuggestion): void {
		if (!this.#contacts.get(s.contactId)) return;
		this.#answers.set(dismissalKey(s.contactId, s.to), true);
	}

	setAdvocacy(id: Id, advocacy: string): void {
		if (!this.#contacts.get(id)) return;
		this.#contacts.update(id, { advocacy });
	}

	/** Adds the ask being written and clears what was asked (whom and when stay for the next). */
	submitAsk(): boolean {
		const { who, what, on } = this.askDraft;
		if (!this.addAsk(who, what, on)) return false;
		this.askDraft.what = '';
		return true;
	}

	/** Adds an ask (what trimmed, a bad date read as today); false when nothing was added. */
	addAsk(contactId: Id, what: string, on: string): boolean {
		return peopleOf(this.session).addAsk(contactId, what, isIsoDate(on) ? on : this.today) !== null;
	}

	setAskOutcome(id: Id, outcome: AskOutcome): void {
		if (!this.#asks.get(id)) return;
		this.#asks.update(id, { outcome });
	}

	setFollowedThrough(id: Id, followedThrough: boolean): void {
		if (!this.#asks.get(id)) return;
		this.#asks.update(id, { followedThrough });
	}
}
