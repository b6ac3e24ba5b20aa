/**
 * The plan step (7): weekly slots, events to judge, 30/60/90-day actions and the keep-in-touch
 * cadence per tier. Derived figures and one command per change.
 */
import { addDays, isIsoDate, todayIn } from '../model/dates';
import {
	actionsByHorizon,
	actionStatus,
	cadenceDefaults,
	cadenceKey,
	duringWorkDay,
	parseCadence,
	sortSlots,
	tidyLine,
	weeklyHours,
	type ActionHorizon
} from '../model/plan';
import type { Action, Id, IsoDate, NetEvent, Slot, Tier } from '../model/records';
import { actionsOf, eventsOf, slotsOf } from './collections';
import type { Collection } from './records';
import type { WorkbookSession } from './session.svelte';
import { ScalarAnswers } from './workbook.svelte';

export class PlanState {
	readonly today: IsoDate;
	readonly slots: Collection<Slot>;
	readonly events: Collection<NetEvent>;
	readonly actions: Collection<Action>;
	#answers: ScalarAnswers;

	constructor(
		private session: WorkbookSession,
		today = todayIn()
	) {
		this.today = today;
		this.slots = slotsOf(session);
		this.events = eventsOf(session);
		this.actions = actionsOf(session);
		this.#answers = new ScalarAnswers(session);
	}

	get readOnly(): boolean {
		return !this.session.writable;
	}

	// ——— Slots ———
	readonly sortedSlots = $derived.by(() => sortSlots(this.slots.all));
	readonly totalMinutes = $derived.by(() => Math.round(weeklyHours(this.slots.all) * 60));
	readonly outsideCount = $derived.by(() => this.slots.all.filter((s) => !duringWorkDay(s)).length);

	addSlot(): Id | null {
		return this.slots.add({});
	}

	// ——— Events ———
	/** Adds an event or organisation by name; false when there is no name (or read-only). */
	addEvent(name: string, kind: NetEvent['kind']): boolean {
		const tidy = tidyLine(name);
		return tidy !== '' && this.events.add({ name: tidy, kind }) !== null;
	}

	// ——— Actions ———
	readonly actionsByHorizon = $derived.by(() => actionsByHorizon(this.actions.all));
	readonly overdueCount = $derived.by(
		() => this.actions.all.filter((a) => actionStatus(a, this.today) === 'overdue').length
	);
	readonly doneCount = $derived.by(() => this.actions.all.filter((a) => a.done).length);

	/** Adds an action, due on `due` or at the end of its horizon; false when nothing was added. */
	addAction(text: string, horizon: ActionHorizon, due: string): boolean {
		const tidy = tidyLine(text);
		if (!tidy) return false;
		const on = isIsoDate(due) ? due : addDays(this.today, horizon);
		return this.actions.add({ text: tidy, horizon, due: on }) !== null;
	}

	// ——— Cadence ———
	/** Days between touches per tier: what People and Home use, defaults included. */
	readonly cadence = $derived.by(() => cadenceDefaults(this.#answers.current));

	/** Sets a tier's cadence from what was typed; false (and nothing saved) when out of range. */
	setCadence(tier: Tier, raw: string): boolean {
		const days = parseCadence(raw);
		if (days === 'invalid') return false;
		this.#answers.set(cadenceKey(tier), days ?? undefined);
		return true;
	}
}
