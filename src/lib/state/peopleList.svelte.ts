/**
 * The People list: search, filters, sort, how many rows are drawn, the "add someone" form, and
 * what each row says. The screen binds to the fields and calls the commands; the rules live in
 * model/ (search, cadence, people) and the live data in the session's People store.
 *
 * On a cold start the list paints from the summary saved on this device (peopleSaved.ts) while
 * the workbook loads, then switches to the live store. A search or filter typed in that moment is
 * kept and answered once the workbook is open.
 */
import { countDueSoon, countDues } from '../model/keepInTouch';
import { followUpLine, listCountText } from '../model/people';
import { todayIn } from '../model/dates';
import type { Id, IsoDate, Role, Tier } from '../model/records';
import { PEOPLE_PAGE_SIZE, queryContacts, type ContactSort } from '../model/search';
import { peopleOf, type People } from './people.svelte';
import {
	savedPeople,
	type ListedPerson,
	type PeopleSummary,
	type SavedPerson
} from './peopleSaved';
import type { WorkbookSession } from './session.svelte';

export { PEOPLE_PAGE_SIZE };
export type { ListedPerson };

interface ListView {
	text: string;
	role: Role | '';
	tier: Tier | '';
	overdue: boolean;
	sort: ContactSort;
}

/** Kept while the app is open, so coming back from a person finds the list as it was left. */
const saved: ListView = { text: '', role: '', tier: '', overdue: false, sort: 'name' };

/** A saved row's next follow-up (a live row is looked up in the store instead). */
const savedDue = (person: ListedPerson | SavedPerson) => ('due' in person ? person.due : null);

export class PeopleListState {
	#session: WorkbookSession;
	#today: IsoDate = todayIn();
	/** The saved summary, read once when the screen opens before the workbook has loaded. */
	#saved: PeopleSummary | null;
	#savedCounts: { overdue: number; dueSoon: number };
	#view = $state<ListView>({ ...saved });
	/** How many rows are drawn. Any change of search or filter starts again from one page. */
	limit = $state(PEOPLE_PAGE_SIZE);
	/** The "add someone" field. */
	newName = $state('');
	/** The person just added, for the "Added … Open them" line. */
	added = $state<{ id: Id; name: string } | null>(null);

	/**
	 * `overdueOnly`: opened from a link that asks for the overdue ones (`?filter=overdue`).
	 * `storage`: where the saved summary is read from.
	 */
	constructor(
		session: WorkbookSession,
		overdueOnly = false,
		storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage
	) {
		this.#session = session;
		this.#saved = session.status === 'loading' && storage ? savedPeople(storage) : null;
		this.#savedCounts = countDues(this.#saved?.dues ?? [], this.#today);
		if (overdueOnly) this.overdue = true;
	}

	/** The live People store, once the workbook has loaded (null before). */
	get #live(): People | null {
		return this.#session.status === 'loading' ? null : peopleOf(this.#session);
	}

	#set<K extends keyof ListView>(key: K, value: ListView[K]) {
		this.#view[key] = value;
		saved[key] = value;
		if (key !== 'sort') this.limit = PEOPLE_PAGE_SIZE;
	}

	get text() {
		return this.#view.text;
	}
	set text(v: string) {
		this.#set('text', v);
	}
	get role() {
		return this.#view.role;
	}
	set role(v: Role | '') {
		this.#set('role', v);
	}
	get tier() {
		return this.#view.tier;
	}
	set tier(v: Tier | '') {
		this.#set('tier', v);
	}
	get overdue() {
		return this.#view.overdue;
	}
	set overdue(v: boolean) {
		this.#set('overdue', v);
	}
	get sort() {
		return this.#view.sort;
	}
	set sort(v: ContactSort) {
		this.#set('sort', v);
	}

	get writable(): boolean {
		return this.#session.writable;
	}

	/** Nothing to show yet: no summary saved, and the workbook is still loading. */
	get opening(): boolean {
		return this.#live === null && this.#saved === null;
	}

	/**
	 * The list cannot answer yet: it shows the saved first page, which knows nothing of a search,
	 * filter or other order. The answer comes when the workbook has loaded.
	 */
	get waiting(): boolean {
		return this.#live === null && (this.#saved === null || this.filtering || this.sort !== 'name');
	}

	/** Everyone in the village. */
	get total(): number {
		return this.#live?.contacts.size ?? this.#saved?.total ?? 0;
	}

	get overdueCount(): number {
		return this.#live?.overdueIds().size ?? this.#savedCounts.overdue;
	}
	readonly dueThisWeek = $derived.by(() => {
		const live = this.#live;
		return live
			? countDueSoon(live.nextFollowUps().values(), this.#today)
			: this.#savedCounts.dueSoon;
	});

	readonly filtering = $derived(
		this.#view.text.trim() !== '' ||
			this.#view.role !== '' ||
			this.#view.tier !== '' ||
			this.#view.overdue
	);

	/** Everyone who matches, in the chosen order (from the summary: its first page). */
	readonly results: readonly ListedPerson[] = $derived.by(() => {
		const live = this.#live;
		if (!live) return this.waiting ? [] : (this.#saved?.rows ?? []);
		return queryContacts(live.index(), {
			text: this.#view.text,
			role: this.#view.role || null,
			tier: this.#view.tier || null,
			overdueIds: this.#view.overdue ? live.overdueIds() : null,
			sort: this.#view.sort,
			nextFollowUpById: live.nextFollowUps()
		});
	});
	/** How many match: from the summary, everyone. */
	readonly #matched = $derived(this.#live ? this.results.length : this.total);
	/** The rows drawn. */
	readonly shown: readonly ListedPerson[] = $derived(this.results.slice(0, this.limit));
	/** How many "Show more" would add (0: all are shown). */
	readonly more = $derived(Math.min(PEOPLE_PAGE_SIZE, this.#matched - this.shown.length));
	readonly countText = $derived(
		this.waiting
			? 'Opening your workbook…'
			: listCountText(this.shown.length, this.#matched, this.filtering)
	);

	/** What a row says about keeping in touch. */
	followUp(person: ListedPerson | SavedPerson): { text: string; overdue: boolean } {
		const live = this.#live;
		const due = live ? (live.nextFollowUps().get(person.id) ?? null) : savedDue(person);
		return followUpLine(due, person.lastContactOn, this.#today);
	}

	// Commands.

	/** Adds whoever is named in the field (trimmed; nothing for a blank name). */
	add(): void {
		const name = this.newName.trim();
		const id = this.#live?.addContact(name);
		if (id) {
			this.added = { id, name };
			this.newName = '';
		}
	}

	showMore(): void {
		this.limit += PEOPLE_PAGE_SIZE;
	}

	clearFilters(): void {
		this.#set('text', '');
		this.#set('role', '');
		this.#set('tier', '');
		this.#set('overdue', false);
	}
}
