/**
 * The goal step (2): the goal, its horizon and milestones, the people who can help, and the
 * people still to meet. The screen binds to this and calls its commands.
 */
import { writeScalar, writeText } from '../doc';
import { warmPathsByTarget } from '../model/coverage';
import { isIsoDate, todayIn } from '../model/dates';
import { defaultHorizon, GOAL_KEYS, horizonFit } from '../model/goal';
import { compareNames } from '../model/names';
import { idsOf } from '../model/people';
import type { Contact, Id, IsoDate, Target } from '../model/records';
import { contactsOf, targetsOf } from './collections';
import { ScalarAnswerField, TextAnswer } from './fields.svelte';
import { peopleOf } from './people.svelte';
import type { Collection } from './records';
import type { WorkbookSession } from './session.svelte';

export interface MilestoneFields {
	n: 1 | 2 | 3;
	text: TextAnswer;
	due: ScalarAnswerField<string>;
}

export class GoalState {
	readonly today: IsoDate;
	readonly statement: TextAnswer;
	readonly milestones: MilestoneFields[];
	#horizon: ScalarAnswerField<string>;
	#contacts: Collection<Contact>;
	#targets: Collection<Target>;

	constructor(
		private session: WorkbookSession,
		today = todayIn()
	) {
		this.today = today;
		this.statement = new TextAnswer(session, GOAL_KEYS.statement);
		this.#horizon = new ScalarAnswerField<string>(session, GOAL_KEYS.horizon);
		this.milestones = ([1, 2, 3] as const).map((n) => ({
			n,
			text: new TextAnswer(session, GOAL_KEYS[`milestone${n}`]),
			due: new ScalarAnswerField<string>(session, GOAL_KEYS[`milestone${n}Due`])
		}));
		this.#contacts = contactsOf(session);
		this.#targets = targetsOf(session);
	}

	get readOnly(): boolean {
		return !this.session.writable;
	}

	/** The horizon as stored, or undefined while the default stands. */
	readonly storedHorizon = $derived.by(() => this.#horizon.read(isIsoDate));
	readonly horizon = $derived.by(() => this.storedHorizon ?? defaultHorizon(this.today));
	readonly fit = $derived.by(() => horizonFit(this.today, this.horizon));
	readonly filledMilestones = $derived.by(
		() => this.milestones.filter((m) => m.text.value.trim() !== '').length
	);

	get contacts(): Contact[] {
		return this.#contacts.all;
	}

	get targets(): Target[] {
		return this.#targets.all;
	}

	readonly helpers = $derived.by(() =>
		this.#contacts.all.filter((c) => c.helpsGoal).sort((a, b) => compareNames(a.name, b.name))
	);
	readonly helperIds = $derived.by(() => idsOf(this.helpers));
	/** Up to three people per target who could introduce you. */
	readonly pathsByTarget = $derived.by(() =>
		warmPathsByTarget(this.#targets.all, this.#contacts.all, 3)
	);

	// Commands: each one session.write.

	/** Saves the goal; its first words also make the default horizon a real answer. */
	writeStatement(next: string): void {
		const keepHorizon = this.storedHorizon === undefined ? this.horizon : undefined;
		this.session.write((doc) => {
			writeText(doc, GOAL_KEYS.statement, next);
			if (keepHorizon !== undefined) writeScalar(doc, GOAL_KEYS.horizon, keepHorizon);
		});
	}

	/** Sets the horizon; anything but a date clears it back to the default. */
	setHorizon(value: string): void {
		this.#horizon.write(isIsoDate(value) ? value : undefined);
	}

	/** Adds someone new as a helper (name trimmed, as everywhere a contact is added). */
	addHelper(name: string): Id | null {
		return peopleOf(this.session).addContact(name, { helpsGoal: true });
	}

	markHelper(id: Id, helps: boolean): void {
		this.#contacts.update(id, { helpsGoal: helps });
	}

	addTarget(): Id | null {
		return this.#targets.add({});
	}

	updateTarget(id: Id, patch: Partial<Omit<Target, 'id'>>): void {
		this.#targets.update(id, patch);
	}

	removeTarget(id: Id): void {
		this.#targets.remove(id);
	}
}
