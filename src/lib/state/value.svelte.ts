/**
 * The value step (3): four short answers composed into a statement the user then makes their
 * own, and the list of what they can offer others. The screen binds to this and calls it.
 */
import {
	OFFER_KINDS,
	VALUE_KEYS,
	VALUE_PARTS,
	type Offer,
	type OfferKind,
	type ValuePart
} from '../model/value';
import { composeValueStatement, evidenceLacksNumber, tidyOffer } from '../model/valueStatement';
import type { Id } from '../model/records';
import { offersOf } from './collections';
import { TextAnswer } from './fields.svelte';
import type { Collection } from './records';
import type { WorkbookSession } from './session.svelte';

export class ValueState {
	/** The builder's four answers, each saved as it is typed. */
	readonly parts: Record<ValuePart, TextAnswer>;
	/** The statement in the user's own words. */
	readonly statement: TextAnswer;
	/** The kind and words of the offer being added. */
	offerKind = $state<OfferKind>('skill');
	offerText = $state('');
	#offers: Collection<Offer>;

	constructor(private session: WorkbookSession) {
		this.parts = Object.fromEntries(
			VALUE_PARTS.map((p) => [p, new TextAnswer(session, VALUE_KEYS[p])])
		) as Record<ValuePart, TextAnswer>;
		this.statement = new TextAnswer(session, VALUE_KEYS.statement);
		this.#offers = offersOf(session);
	}

	get readOnly(): boolean {
		return !this.session.writable;
	}

	/** The sentence the four answers make ('' until there is something to say). */
	readonly composed = $derived.by(() =>
		composeValueStatement({
			whoIHelp: this.parts.whoIHelp.value,
			outcome: this.parts.outcome.value,
			how: this.parts.how.value,
			evidence: this.parts.evidence.value
		})
	);
	/** The statement in use, trimmed. */
	readonly current = $derived.by(() => this.statement.value.trim());
	/** The composed sentence is already the statement. */
	readonly inUse = $derived(this.composed !== '' && this.composed === this.current);
	/** A different statement is in use, so taking the composed one would replace it. */
	readonly replaces = $derived(this.current !== '' && this.composed !== this.current);
	/** The result is written without a number. */
	readonly needsNumber = $derived.by(() => evidenceLacksNumber(this.parts.evidence.value));

	get offers(): Offer[] {
		return this.#offers.all;
	}
	/** Offers grouped by kind, in the kinds' order (a kind with none has an empty list). */
	readonly offersByKind = $derived.by(() =>
		OFFER_KINDS.map((kind) => ({ kind, items: this.#offers.all.filter((o) => o.kind === kind) }))
	);

	// Commands: each one session.write.

	/** Makes the composed sentence the statement. */
	useComposed(): void {
		if (this.composed) this.statement.value = this.composed;
	}

	/** Adds the offer being typed; true when it was added (the field is then emptied). */
	addOffer(): boolean {
		const text = tidyOffer(this.offerText);
		if (!text || !this.#offers.add({ kind: this.offerKind, text })) return false;
		this.offerText = '';
		return true;
	}

	removeOffer(id: Id): void {
		this.#offers.remove(id);
	}
}
