/**
 * One person's page: everything known about them, live, and the commands the page offers. The
 * id is read through a function, so the same page follows a link to someone else.
 */
import { asksFor, howIntroduced, idsOf, withRole, type Introduced } from '../model/people';
import { isIsoDate } from '../model/dates';
import { contactLinks } from '../model/safe';
import { parseContactCadence } from '../model/keepInTouch';
import type { Contact, Id, IsoDate, Role } from '../model/records';
import type { People } from './people.svelte';

export class ContactPage {
	readonly today: IsoDate;

	constructor(
		private people: People,
		private idOf: () => Id
	) {
		this.today = people.today;
		this.askOn = this.today;
	}

	get id(): Id {
		return this.idOf();
	}

	get readOnly(): boolean {
		return !this.people.writable;
	}

	readonly contact = $derived.by(() => this.people.contacts.get(this.id));
	readonly defaults = $derived.by(() => this.people.cadenceDefaults());
	readonly nextDue = $derived.by(() =>
		this.contact ? (this.people.nextFollowUps().get(this.contact.id) ?? null) : null
	);
	readonly ties = $derived.by(() => (this.contact ? this.people.tiedTo(this.contact.id) : []));
	/** Who can still be added as knowing them: anyone but them and those already tied. */
	readonly tieExclude = $derived.by(() => idsOf([{ id: this.id }, ...this.ties]));
	readonly conversations = $derived.by(() =>
		this.contact ? this.people.conversationsOf(this.contact.id) : []
	);
	readonly ledger = $derived.by(() =>
		this.contact ? this.people.ledger().get(this.contact.id) : undefined
	);
	readonly asks = $derived.by(() => asksFor(this.people.asks.all, this.id));
	readonly introducer = $derived.by(() =>
		this.contact?.introducedBy && this.contact.introducedBy !== 'self'
			? this.people.contacts.get(this.contact.introducedBy)
			: null
	);
	/** Their email addresses and links, as safe links to open. */
	readonly links = $derived.by(() =>
		this.contact ? contactLinks(this.contact.emails, this.contact.links) : []
	);
	readonly howIntroduced = $derived.by(() => howIntroduced(this.contact));
	/** Choosing who introduced them (the picker is open). */
	pickingIntroducer = $state(false);
	/** What the "Who introduced you?" choice shows: "someone" while one is being picked. */
	readonly introducedChoice = $derived.by(() =>
		this.pickingIntroducer ? 'someone' : this.howIntroduced
	);

	get everyone(): Contact[] {
		return this.people.contacts.all;
	}

	// Commands: each one session.write, through People.

	update(patch: Partial<Omit<Contact, 'id'>>): void {
		this.people.updateContact(this.id, patch);
	}

	/** Answers "Who introduced you?": on my own or not said at once; someone opens the picker. */
	chooseIntroduced(how: Introduced): void {
		this.pickingIntroducer = how === 'someone';
		if (how !== 'someone') this.update({ introducedBy: how === 'self' ? 'self' : null });
	}

	/** Sets who introduced them and closes the picker. */
	setIntroducer(id: Id | null): void {
		if (id) this.update({ introducedBy: id });
		this.pickingIntroducer = false;
	}

	toggleRole(role: Role, on: boolean): void {
		if (this.contact) this.update({ roles: withRole(this.contact.roles, role, on) });
	}

	/** Sets their own cadence from what was typed; anything out of range is ignored. */
	setCadence(raw: string): void {
		const days = parseContactCadence(raw);
		if (days !== 'invalid') this.update({ cadenceDays: days });
	}

	/** Notes an ask; false when there is nothing to note (or read-only). */
	/** The ask being written, and when it was asked (today unless changed). */
	askWhat = $state('');
	askOn = $state('');

	/** Adds the ask being written; the field empties once it is added. */
	submitAsk(): void {
		if (this.addAsk(this.askWhat, this.askOn)) this.askWhat = '';
	}

	addAsk(what: string, on: string): boolean {
		return this.people.addAsk(this.id, what, isIsoDate(on) ? on : this.today) !== null;
	}

	remove(): void {
		this.people.removeContact(this.id);
	}
}
