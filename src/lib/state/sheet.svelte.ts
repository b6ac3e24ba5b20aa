/**
 * The strategy sheet, live: reads the open workbook and hands its plain data to the pure
 * `buildSheet` (model/sheet.ts). Any change to the workbook (here, in another tab or from a
 * partner) redraws the sheet. The paper size is this device's choice, kept in localStorage:
 * it belongs to the printer at hand, not to the workbook a partner may share.
 */
import { readAllAnswers } from '../doc';
import { todayIn } from '../model/dates';
import { layoutNetwork, type NetworkLayout } from '../model/networkLayout';
import {
	buildSheet,
	defaultPaperFor,
	isPaperSize,
	SHEET_LIMITS,
	type PaperSize,
	type Sheet
} from '../model/sheet';
import { peopleOf, type People } from './people.svelte';
import { onDoc, YView } from './reactive.svelte';
import { actionsOf, eventsOf, slotsOf } from './collections';
import type { WorkbookSession } from './session.svelte';
import { deviceTimeZone } from './workbook.svelte';

/** The map's drawing size: small, so its labels stay legible when printed a few cm wide. */
const MAP_SIZE = 300;

export class SheetState {
	#people: People;
	#events: ReturnType<typeof eventsOf>;
	#slots: ReturnType<typeof slotsOf>;
	#actions: ReturnType<typeof actionsOf>;
	#answers: YView<ReturnType<typeof readAllAnswers>>;
	readonly timeZone = deviceTimeZone();

	constructor(session: WorkbookSession) {
		this.#people = peopleOf(session);
		this.#events = eventsOf(session);
		this.#slots = slotsOf(session);
		this.#actions = actionsOf(session);
		// Answers are few (a few dozen keys and texts): re-reading them all after a change is cheap.
		this.#answers = new YView(onDoc(session.doc), () => readAllAnswers(session.doc));
	}

	/** The sheet as of `today` (the device's calendar day by default). */
	at(today = todayIn(this.timeZone)): Sheet {
		const p = this.#people;
		return buildSheet({
			today,
			answers: this.#answers.current,
			contacts: p.contacts.all,
			ties: p.ties.all,
			targets: p.targets.all,
			offers: p.offers.all,
			events: this.#events.all,
			slots: this.#slots.all,
			actions: this.#actions.all,
			cadence: p.cadenceDefaults(),
			timeZone: this.timeZone
		});
	}

	/** The network picture, with only the strongest relationships so it stays legible small. */
	get layout(): NetworkLayout {
		return layoutNetwork(this.#people.contacts.all, this.#people.ties.all, {
			width: MAP_SIZE,
			height: MAP_SIZE,
			maxNodes: SHEET_LIMITS.mapNodes
		});
	}
}

const PAPER_KEY = 'village:paper';

/** A4 or US Letter: this device's choice, or what the browser's locale suggests. */
export class PaperSetting {
	#chosen = $state<PaperSize | null>(null);
	#fallback: PaperSize;

	constructor(
		private storage: Pick<Storage, 'getItem' | 'setItem'> | null = globalThis.localStorage ?? null,
		locales: readonly string[] = globalThis.navigator?.languages ?? []
	) {
		this.#fallback = defaultPaperFor(locales);
		let stored: string | null = null;
		try {
			stored = storage?.getItem(PAPER_KEY) ?? null;
		} catch {
			stored = null;
		}
		this.#chosen = isPaperSize(stored) ? stored : null;
	}

	get current(): PaperSize {
		return this.#chosen ?? this.#fallback;
	}

	set current(size: PaperSize) {
		this.#chosen = size;
		try {
			this.storage?.setItem(PAPER_KEY, size);
		} catch {
			// Blocked storage: the choice holds for this visit only.
		}
	}
}
