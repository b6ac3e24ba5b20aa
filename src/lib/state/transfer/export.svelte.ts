/**
 * The "Take it elsewhere" part of Import and export: the calendar file, everyone as one vCard
 * file, or the people the user picks (found by name, since a village may hold thousands).
 */
import { queryContacts } from '../../model/search';
import type { Contact, Id } from '../../model/records';
import { peopleOf, type People } from '../people.svelte';
import type { WorkbookSession } from '../session.svelte';
import { exportCalendar, exportContacts, type FileOut } from './transfer';

/** At most this many people are listed to pick from at once; finding narrows the list. */
export const PICK_LIST_LIMIT = 200;

export class ExportState {
	readonly #session: WorkbookSession;
	readonly #people: People;

	/** Whether the "Choose people" list is open: the list is only worked out while it is. */
	choosing = $state(false);
	find = $state('');
	#picked = $state<Record<Id, boolean>>({});

	constructor(session: WorkbookSession) {
		this.#session = session;
		this.#people = peopleOf(session);
	}

	/** How many people the workbook holds (cheap: no sorting). */
	get count(): number {
		return this.#people.contacts.size;
	}

	/** People matching `find`, in name order, while the list is open. */
	readonly matches = $derived.by((): { shown: Contact[]; total: number } => {
		if (!this.choosing) return { shown: [], total: 0 };
		const all = queryContacts(this.#people.index(), { text: this.find, sort: 'name' });
		return { shown: all.slice(0, PICK_LIST_LIMIT), total: all.length };
	});

	/** The picked people still in the workbook. */
	get picked(): Id[] {
		return Object.keys(this.#picked).filter(
			(id) => this.#picked[id] && this.#people.contacts.get(id)
		);
	}

	isPicked(id: Id): boolean {
		return this.#picked[id] === true;
	}

	setPicked(id: Id, on: boolean): void {
		this.#picked[id] = on;
	}

	contactsFile(onlyPicked = false): FileOut {
		return exportContacts(this.#session, onlyPicked ? this.picked : undefined);
	}

	calendarFile(slotLabel: (kind: string) => string): FileOut {
		return exportCalendar(this.#session, this.#people.nextFollowUps(), slotLabel);
	}
}
