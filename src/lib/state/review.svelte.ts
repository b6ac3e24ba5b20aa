/**
 * The weekly review (`/review`): what the ritual shows at each step, and its commands.
 * Conversations and actions are written as they are logged or ticked (through the same commands
 * as Relate and Plan), so nothing is lost if the review is left half-way; the choices for next
 * week and the two lines are kept as a draft on this device until the review is finished, then
 * written with the review in one write.
 */
import {
	contactSpec,
	insertRecord,
	readReviewDay,
	reviewSpec,
	settingsMap,
	updateRecord,
	writeReviewDay
} from '../doc';
import { addDays, todayIn } from '../model/dates';
import { warmPathsByTarget } from '../model/coverage';
import { targetTitle } from '../model/goal';
import { compareNames } from '../model/names';
import { overdueIds } from '../model/people';
import { sortSlots } from '../model/plan';
import type { ConversationKind, Id, IsoDate, Slot, SlotKind } from '../model/records';
import {
	inWeek,
	missedLastWeek,
	newestFirst,
	REACH_MAX,
	reachFollowUp,
	reviewCheckIn,
	reviewedWeeks,
	reviewStatus,
	reviewStreak,
	reviewSummary,
	SLOTS_MAX,
	weekStart,
	type ReviewSummary,
	type WeeklyReview
} from '../model/review';
import { SLOT_KIND_LABELS } from '../content/slots';
import { actionsOf, conversationsOf, reviewsOf, slotsOf, targetsOf } from './collections';
import { clearDraft, loadDraft, saveDraft } from './drafts';
import { peopleOf, type People } from './people.svelte';
import { onTypes, YView } from './reactive.svelte';
import type { Collection } from './records';
import type { WorkbookSession } from './session.svelte';
import { hasPartnership } from './partnerConfig';

/** The review's steps, in order. */
export const REVIEW_STEPS = ['log', 'actions', 'overdue', 'next', 'reflect', 'summary'] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];

const DRAFT = 'weekly-review';
const SHORT_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** A slot as the review and its summary name it: "Tue 08:30 · Coffee". */
export function slotLabel(slot: Pick<Slot, 'weekday' | 'start' | 'kind'>): string {
	return `${SHORT_DAYS[slot.weekday - 1] ?? '?'} ${slot.start} · ${SLOT_KIND_LABELS[slot.kind]}`;
}

interface ReviewDraft {
	week: IsoDate;
	step: number;
	logged: Id[];
	ticked: Id[];
	slots: Id[];
	reach: Id[];
	wentWell: string;
	inTheWay: string;
}

const isIds = (v: unknown): v is Id[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function isReviewDraft(v: unknown): v is ReviewDraft {
	if (typeof v !== 'object' || v === null) return false;
	const d = v as Record<string, unknown>;
	return (
		typeof d.week === 'string' &&
		typeof d.step === 'number' &&
		[d.logged, d.ticked, d.slots, d.reach].every(isIds) &&
		typeof d.wentWell === 'string' &&
		typeof d.inTheWay === 'string'
	);
}

/** The review day (ISO weekday) of an open workbook, live. */
export class ReviewDay {
	#view: YView<number>;
	constructor(private session: WorkbookSession) {
		this.#view = new YView(onTypes([settingsMap(session.doc)]), () => readReviewDay(session.doc));
	}
	get current(): number {
		return this.#view.current;
	}
	set(day: number): void {
		this.session.write((doc) => writeReviewDay(doc, day));
	}
}

/** The reviews done so far, and what Home says about them. */
export class ReviewHistory {
	readonly reviews: Collection<WeeklyReview>;
	readonly day: ReviewDay;

	constructor(
		session: WorkbookSession,
		readonly today: IsoDate = todayIn()
	) {
		this.reviews = reviewsOf(session);
		this.day = new ReviewDay(session);
	}

	readonly newest = $derived.by(() => newestFirst(this.reviews.all));
	readonly weeks = $derived.by(() => reviewedWeeks(this.reviews.all));
	readonly streak = $derived.by(() => reviewStreak(this.weeks, this.today));
	readonly missed = $derived.by(() => missedLastWeek(this.weeks, this.today));
	readonly status = $derived.by(() => reviewStatus(this.weeks, this.today, this.day.current));
	readonly thisWeek = $derived.by(
		() => this.newest.find((r) => r.week === weekStart(this.today)) ?? null
	);
}

export class WeeklyReviewState {
	readonly today: IsoDate;
	readonly week: IsoDate;
	readonly weekEnd: IsoDate;
	readonly history: ReviewHistory;
	readonly people: People;
	readonly canShare = hasPartnership();

	#step = $state(0);
	#logged = $state<Id[]>([]);
	#ticked = $state<Id[]>([]);
	#slots = $state<Id[]>([]);
	#reach = $state<Id[]>([]);
	#wentWell = $state('');
	#inTheWay = $state('');
	/** The review just finished here, to show its summary. */
	finished = $state<WeeklyReview | null>(null);
	share = $state<'idle' | 'sharing' | 'shared' | 'failed'>('idle');

	#slotStore: Collection<Slot>;
	#actions: ReturnType<typeof actionsOf>;
	#conversations: ReturnType<typeof conversationsOf>;

	constructor(
		private session: WorkbookSession,
		today = todayIn()
	) {
		this.today = today;
		this.week = weekStart(today);
		this.weekEnd = addDays(this.week, 6);
		this.history = new ReviewHistory(session, today);
		this.people = peopleOf(session);
		this.#slotStore = slotsOf(session);
		this.#actions = actionsOf(session);
		this.#conversations = conversationsOf(session);
		const draft = loadDraft(DRAFT, isReviewDraft);
		if (draft && draft.week === this.week) {
			this.#step = Math.min(Math.max(0, Math.trunc(draft.step)), REVIEW_STEPS.length - 2);
			this.#logged = draft.logged;
			this.#ticked = draft.ticked;
			this.#slots = draft.slots;
			this.#reach = draft.reach.slice(0, REACH_MAX);
			this.#wentWell = draft.wentWell;
			this.#inTheWay = draft.inTheWay;
		}
	}

	get readOnly(): boolean {
		return !this.session.writable;
	}

	#save(): void {
		saveDraft(DRAFT, {
			week: this.week,
			step: this.#step,
			logged: this.#logged,
			ticked: this.#ticked,
			slots: this.#slots,
			reach: this.#reach,
			wentWell: this.#wentWell,
			inTheWay: this.#inTheWay
		} satisfies ReviewDraft);
	}

	// ——— Steps ———
	get step(): number {
		return this.#step;
	}
	get stepId(): ReviewStep {
		return REVIEW_STEPS[this.#step]!;
	}
	go(step: number): void {
		this.#step = Math.min(Math.max(0, step), REVIEW_STEPS.length - 2);
		this.#save();
	}

	// ——— 1. The week's conversations ———
	readonly contacts = $derived.by(() =>
		[...this.people.contacts.all].sort((a, b) => compareNames(a.name, b.name))
	);
	/** This week's conversations, newest first, with the person's name. */
	readonly weekConversations = $derived.by(() =>
		this.#conversations.all
			.filter((c) => inWeek(c.on, this.week))
			.map((c) => ({ ...c, name: this.people.contacts.get(c.contactId)?.name ?? 'Someone' }))
			.sort((a, b) => b.on.localeCompare(a.on) || b.id.localeCompare(a.id))
	);

	/** Logs a conversation on `on` (today by default) and restarts that person's clock. */
	logConversation(contactId: Id, kind: ConversationKind, on: IsoDate = this.today): Id | null {
		const id = this.people.logConversation({ contactId, kind, on });
		if (id) {
			this.#logged = [...this.#logged, id];
			this.#save();
		}
		return id;
	}

	/** Adds someone new (name trimmed, as everywhere) and logs the conversation with them. */
	logWithNewContact(name: string, kind: ConversationKind): Id | null {
		const contactId = this.people.addContact(name);
		return contactId ? this.logConversation(contactId, kind) : null;
	}

	// ——— 2. Actions ———
	/** Open actions due by the end of this week (overdue ones too), and those ticked here. */
	readonly actions = $derived.by(() =>
		this.#actions.all
			.filter(
				(a) => this.#ticked.includes(a.id) || (!a.done && a.due !== null && a.due <= this.weekEnd)
			)
			.sort((a, b) => (a.due ?? '').localeCompare(b.due ?? '') || a.id.localeCompare(b.id))
	);

	setActionDone(id: Id, done: boolean): void {
		this.#actions.update(id, { done });
		if (done && !this.#ticked.includes(id)) this.#ticked = [...this.#ticked, id];
		else if (!done) this.#ticked = this.#ticked.filter((x) => x !== id);
		this.#save();
	}

	// ——— 3. Who is overdue ———
	readonly overdue = $derived.by(() => {
		const next = this.people.nextFollowUps();
		const ids = overdueIds(next, this.today);
		return this.people.contacts.all
			.filter((c) => ids.has(c.id))
			.map((c) => ({ id: c.id, name: c.name, due: next.get(c.id) ?? this.today }))
			.sort((a, b) => a.due.localeCompare(b.due) || compareNames(a.name, b.name));
	});

	// ——— 4. Next week ———
	readonly slots = $derived.by(() => sortSlots(this.#slotStore.all));
	get chosenSlots(): Id[] {
		return this.#slots;
	}
	toggleSlot(id: Id): void {
		if (this.#slots.includes(id)) this.#slots = this.#slots.filter((x) => x !== id);
		else if (this.#slots.length < SLOTS_MAX) this.#slots = [...this.#slots, id];
		this.#save();
	}
	/** Adds a weekly slot to the plan and chooses it for next week. */
	addSlot(weekday: number, start: string, kind: SlotKind): Id | null {
		const id = this.#slotStore.add({ weekday, start, kind });
		if (id && this.#slots.length < SLOTS_MAX) {
			this.#slots = [...this.#slots, id];
			this.#save();
		}
		return id;
	}

	get reach(): Id[] {
		return this.#reach;
	}
	/** Suggested people to reach: the most overdue first, then people who help with the goal. */
	readonly reachSuggestions = $derived.by(() => {
		const helpers = this.people.contacts.all
			.filter((c) => c.helpsGoal && !this.overdue.some((o) => o.id === c.id))
			.sort((a, b) => compareNames(a.name, b.name))
			.map((c) => ({ id: c.id, name: c.name }));
		return [...this.overdue.map((o) => ({ id: o.id, name: o.name })), ...helpers].slice(0, 6);
	});
	/**
	 * People still to meet for the goal (open targets): each with the user's own "how I might
	 * reach them" and up to two warm paths, any of whom can be chosen to reach next week.
	 */
	readonly doors = $derived.by(() => {
		const open = targetsOf(this.session).all.filter((t) => t.reachedContactId === null);
		const paths = warmPathsByTarget(open, this.people.contacts.all, 2);
		return open.slice(0, 3).map((t) => ({
			id: t.id,
			title: targetTitle(t),
			how: t.how.trim(),
			paths: paths.get(t.id) ?? []
		}));
	});
	toggleReach(id: Id): void {
		if (this.#reach.includes(id)) this.#reach = this.#reach.filter((x) => x !== id);
		else if (this.#reach.length < REACH_MAX) this.#reach = [...this.#reach, id];
		this.#save();
	}

	// ——— 5. Two lines ———
	get wentWell(): string {
		return this.#wentWell;
	}
	set wentWell(v: string) {
		this.#wentWell = v;
		this.#save();
	}
	get inTheWay(): string {
		return this.#inTheWay;
	}
	set inTheWay(v: string) {
		this.#inTheWay = v;
		this.#save();
	}

	// ——— 6. Summary ———
	/** The review as it would be stored if finished now. */
	readonly draftReview = $derived.by((): Omit<WeeklyReview, 'id'> => {
		const actions = this.#actions.byId;
		const slots = this.#slotStore.byId;
		const reach = this.#reach.filter((id) => this.people.contacts.get(id));
		return {
			week: this.week,
			doneOn: this.today,
			conversations: this.weekConversations.length,
			actionsDone: this.#ticked
				.map((id) => actions.get(id))
				.filter((a) => a !== undefined && a.done)
				.map((a) => a!.text.slice(0, 500)),
			overdue: this.overdue.map((o) => o.name.slice(0, 500)),
			slots: sortSlots(this.#slots.map((id) => slots.get(id)).filter((s) => s !== undefined)).map(
				slotLabel
			),
			reach,
			reachNames: reach.map((id) => this.people.contacts.get(id)!.name.slice(0, 500)),
			wentWell: this.#wentWell.trim().slice(0, 500),
			inTheWay: this.#inTheWay.trim().slice(0, 500)
		};
	});
	readonly summary = $derived.by((): ReviewSummary => reviewSummary(this.draftReview));

	/**
	 * Finishes the review: stores it and gives the people to reach a follow-up early next week
	 * (so Home lists them), in one write. The draft is cleared.
	 */
	finish(): WeeklyReview | null {
		const values = this.draftReview;
		let id: Id | null = null;
		const ok = this.session.write((doc) => {
			id = insertRecord(doc, reviewSpec, values);
			for (const contactId of values.reach) {
				const c = this.people.contacts.get(contactId);
				if (c)
					updateRecord(doc, contactSpec, contactId, {
						followUpOn: reachFollowUp(c.followUpOn, this.today)
					});
			}
		});
		if (!ok || !id) return null;
		clearDraft(DRAFT);
		this.finished = { id, ...values };
		this.#step = REVIEW_STEPS.length - 1;
		return this.finished;
	}

	/** Shares a review's summary as this week's partner check-in. */
	async shareWithPartner(review: WeeklyReview): Promise<boolean> {
		this.share = 'sharing';
		try {
			const { partnerSpace } = await import('./partner.svelte');
			const space = partnerSpace(this.session);
			await space.open();
			const ok = space.checkIn(reviewCheckIn(reviewSummary(review)));
			this.share = ok ? 'shared' : 'failed';
			return ok;
		} catch {
			this.share = 'failed';
			return false;
		}
	}
}
