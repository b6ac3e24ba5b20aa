/**
 * The map step (4): who is in the village, role coverage, openness measures, the picture and
 * warm paths to targets, with the quick taggers for roles and for the openness answers. The
 * screen binds to this and calls its commands; each command is one `session.write`.
 */
import { contactSpec, insertRecord, targetSpec, updateRecord } from '../doc';
import { roleCoverage, warmPathsByTarget } from '../model/coverage';
import { nowIso } from '../model/dates';
import { layoutNetwork } from '../model/networkLayout';
import { compareNames } from '../model/names';
import { opennessReport } from '../model/openness';
import { ROLES, type Contact, type Id, type Role, type Target, type Tie } from '../model/records';
import { contactsOf, targetsOf, tiesOf } from './collections';
import { peopleOf } from './people.svelte';
import type { Collection } from './records';
import type { WorkbookSession } from './session.svelte';

/** Warm paths shown per target: the best few, not a directory. */
export const WARM_PATHS_SHOWN = 3;

/** The answers the openness tagger sets, as stored on a contact. */
export type OpennessPatch = Partial<Pick<Contact, 'inside' | 'similar' | 'introducedBy'>>;

/** People first who lack what a tagger asks for (they need it most), then by name. */
function tagOrder(contacts: readonly Contact[], lacks: (c: Contact) => boolean): Id[] {
	const byName = [...contacts].sort((a, b) => compareNames(a.name, b.name));
	return [...byName.filter(lacks), ...byName.filter((c) => !lacks(c))].map((c) => c.id);
}

export const lacksRoles = (c: Contact) => c.roles.length === 0;
export const lacksOpenness = (c: Contact) =>
	c.inside === null || c.similar === null || c.introducedBy === null;

export class MapState {
	#contacts: Collection<Contact>;
	#ties: Collection<Tie>;
	#targets: Collection<Target>;
	/**
	 * Each tagger's rows, fixed when the step opens so a row does not jump away the moment it is
	 * answered; people added here go on top.
	 */
	#roleIds = $state.raw<Id[]>([]);
	#opennessIds = $state.raw<Id[]>([]);

	constructor(private session: WorkbookSession) {
		this.#contacts = contactsOf(session);
		this.#ties = tiesOf(session);
		this.#targets = targetsOf(session);
		this.#roleIds = tagOrder(this.#contacts.all, lacksRoles);
		this.#opennessIds = tagOrder(this.#contacts.all, lacksOpenness);
	}

	get readOnly(): boolean {
		return !this.session.writable;
	}

	get contacts(): Contact[] {
		return this.#contacts.all;
	}

	get targets(): Target[] {
		return this.#targets.all;
	}

	contact(id: Id): Contact | null {
		return this.#contacts.get(id);
	}

	/** How many of my people this one knows (from "who knows whom"). */
	knownCount(id: Id): number {
		return peopleOf(this.session).tiedTo(id).length;
	}

	readonly coverage = $derived.by(() => roleCoverage(this.#contacts.all));
	readonly maxRoleCount = $derived.by(() =>
		Math.max(1, ...this.coverage.counts.map((c) => c.count))
	);
	readonly openness = $derived.by(() => opennessReport(this.#contacts.all, this.#ties.all));
	readonly layout = $derived.by(() =>
		layoutNetwork(this.#contacts.all, this.#ties.all, { width: 720, height: 720 })
	);
	/** The best few warm paths per target still to reach. */
	readonly warm = $derived.by(() =>
		warmPathsByTarget(
			this.#targets.all.filter((t) => !t.reachedContactId),
			this.#contacts.all,
			WARM_PATHS_SHOWN
		)
	);

	readonly roleRows = $derived.by(() => this.#rows(this.#roleIds));
	readonly opennessRows = $derived.by(() => this.#rows(this.#opennessIds));
	/** People the openness tagger still has a question for. */
	readonly opennessToTag = $derived.by(() => this.#contacts.all.filter(lacksOpenness).length);

	#rows(ids: readonly Id[]): Contact[] {
		const out: Contact[] = [];
		for (const id of ids) {
			const c = this.#contacts.get(id);
			if (c) out.push(c);
		}
		return out;
	}

	// Commands: each one session.write.

	/** Adds someone by name; they go to the top of both taggers. */
	addContact(name: string): Id | null {
		const id = peopleOf(this.session).addContact(name);
		if (id) {
			this.#roleIds = [id, ...this.#roleIds];
			this.#opennessIds = [id, ...this.#opennessIds];
		}
		return id;
	}

	setRole(id: Id, role: Role, on: boolean): void {
		const c = this.#contacts.get(id);
		if (!c) return;
		this.#contacts.update(id, {
			roles: ROLES.filter((r) => (r === role ? on : c.roles.includes(r)))
		});
	}

	/** Inside my organisation, similar to me, who introduced us: null means "not said". */
	setOpenness(id: Id, patch: OpennessPatch): void {
		if (!this.#contacts.get(id)) return;
		if (patch.introducedBy === id) return;
		this.#contacts.update(id, patch);
	}

	markTargetReached(targetId: Id, contactId: Id | null): void {
		peopleOf(this.session).markTargetReached(targetId, contactId);
	}

	/** The target turned out to be someone new: add them (with its organisation) as reached. */
	reachAsNew(target: Target, name: string): Id | null {
		const trimmed = name.trim();
		if (trimmed === '' || !this.#targets.get(target.id)) return null;
		let id: Id | null = null;
		this.session.write((doc) => {
			id = insertRecord(doc, contactSpec, {
				name: trimmed,
				org: target.org,
				industry: target.industry,
				helpsGoal: true,
				createdAt: nowIso()
			});
			updateRecord(doc, targetSpec, target.id, { reachedContactId: id });
		});
		return id;
	}
}
