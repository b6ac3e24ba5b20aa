/**
 * The People list: search, filters, sort, how many rows are drawn, the "add someone" form, and
 * what each row says. The screen binds to the fields and calls the commands; the rules live in
 * model/ (search, cadence, people) and the live data in the session's People store.
 */
import { countDueSoon } from '../model/keepInTouch';
import { followUpLine, listCountText } from '../model/people';
import type { Contact, Id, IsoDate, Role, Tier } from '../model/records';
import { queryContacts, type ContactSort } from '../model/search';
import { peopleOf, type People } from './people.svelte';
import type { WorkbookSession } from './session.svelte';

/** Rows drawn at once; "Show more" adds as many again. Drawing 5,000 rows would not be instant. */
export const PEOPLE_PAGE_SIZE = 50;

interface ListView {
	text: string;
	role: Role | '';
	tier: Tier | '';
	overdue: boolean;
	sort: ContactSort;
}

/** Kept while the app is open, so coming back from a person finds the list as it was left. */
const saved: ListView = { text: '', role: '', tier: '', overdue: false, sort: 'name' };

export class PeopleListState {
	#people: People;
	#today: IsoDate;
	#view = $state<ListView>({ ...saved });
	/** How many rows are drawn. Any change of search or filter starts again from one page. */
	limit = $state(PEOPLE_PAGE_SIZE);
	/** The "add someone" field. */
	newName = $state('');
	/** The person just added, for the "Added … Open them" line. */
	added = $state<{ id: Id; name: string } | null>(null);

	/** `overdueOnly`: opened from a link that asks for the overdue ones (`?filter=overdue`). */
	constructor(session: WorkbookSession, overdueOnly = false) {
		this.#people = peopleOf(session);
		this.#today = this.#people.today;
		if (overdueOnly) this.overdue = true;
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
		return this.#people.writable;
	}

	/** Everyone in the village. */
	get total(): number {
		return this.#people.contacts.size;
	}
	get overdueCount(): number {
		return this.#people.overdueIds().size;
	}
	readonly dueThisWeek = $derived.by(() =>
		countDueSoon(this.#people.nextFollowUps().values(), this.#today)
	);

	readonly filtering = $derived(
		this.#view.text.trim() !== '' ||
			this.#view.role !== '' ||
			this.#view.tier !== '' ||
			this.#view.overdue
	);

	/** Everyone who matches, in the chosen order. */
	readonly results: Contact[] = $derived.by(() =>
		queryContacts(this.#people.index(), {
			text: this.#view.text,
			role: this.#view.role || null,
			tier: this.#view.tier || null,
			overdueIds: this.#view.overdue ? this.#people.overdueIds() : null,
			sort: this.#view.sort,
			nextFollowUpById: this.#people.nextFollowUps()
		})
	);
	/** The rows drawn. */
	readonly shown: Contact[] = $derived(this.results.slice(0, this.limit));
	/** How many "Show more" would add (0: all are shown). */
	readonly more = $derived(Math.min(PEOPLE_PAGE_SIZE, this.results.length - this.shown.length));
	readonly countText = $derived(
		listCountText(this.shown.length, this.results.length, this.filtering)
	);

	/** What a row says about keeping in touch. */
	followUp(contact: Contact): { text: string; overdue: boolean } {
		const due = this.#people.nextFollowUps().get(contact.id) ?? null;
		return followUpLine(due, contact.lastContactOn, this.#today);
	}

	// Commands.

	/** Adds whoever is named in the field (trimmed; nothing for a blank name). */
	add(): void {
		const name = this.newName.trim();
		const id = this.#people.addContact(name);
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
