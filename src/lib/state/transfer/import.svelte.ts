/**
 * The "Bring in contacts" screen: read a file (in a worker, with progress), show what it holds,
 * let the user choose, bring the chosen people in as one undo step (in slices, with progress).
 */
import { peopleOf, type People } from '../people.svelte';
import type { WorkbookSession } from '../session.svelte';
import {
	commitImport,
	previewImport,
	ticked,
	type ImportOutcome,
	type ImportPreview
} from './transfer';

/** Rows listed at first, and how many more each "Show more" adds. */
export const ROWS_PAGE = 200;

export type DuplicateChoice = 'merge' | 'skip';

export class ImportContactsState {
	readonly #session: WorkbookSession;
	readonly #people: People;

	/** The file being read or brought in, and how far along (0 to 1). */
	reading = $state<string | null>(null);
	bringing = $state(false);
	progress = $state(0);
	preview = $state.raw<ImportPreview | null>(null);
	// Raw: a deep proxy over 10,000 flags would make every read and the first render slow.
	include = $state.raw<boolean[]>([]);
	duplicates = $state<DuplicateChoice>('merge');
	outcome = $state<(ImportOutcome & { fileName: string }) | null>(null);
	undone = $state(false);
	/** Why the last "Bring in" did not finish, if it did not. */
	problem = $state<string | null>(null);
	rowsShown = $state(ROWS_PAGE);

	constructor(session: WorkbookSession) {
		this.#session = session;
		this.#people = peopleOf(session);
	}

	get busy(): boolean {
		return this.reading !== null || this.bringing;
	}

	get canChoose(): boolean {
		return this.#session.writable && !this.busy;
	}

	get canUndo(): boolean {
		return this.#session.canUndo;
	}

	readonly counts = $derived.by(() => {
		const c = { new: 0, duplicate: 0 };
		this.preview?.statuses.forEach((s) => c[s.kind]++);
		return c;
	});

	/** How many people "Bring in" would add or update. */
	readonly chosen = $derived.by(() => {
		const { preview, include, duplicates } = this;
		if (!preview) return 0;
		let n = 0;
		preview.statuses.forEach((s, i) => {
			if (include[i] && (s.kind === 'new' || duplicates === 'merge')) n++;
		});
		return n;
	});

	readonly rows = $derived(
		this.preview
			? this.preview.drafts.slice(0, this.rowsShown).map((draft, i) => ({
					draft,
					index: i,
					status: this.preview!.statuses[i]!
				}))
			: []
	);

	get hiddenRows(): number {
		return Math.max(0, (this.preview?.drafts.length ?? 0) - this.rowsShown);
	}

	async read(fileName: string, bytes: Uint8Array): Promise<void> {
		this.outcome = null;
		this.problem = null;
		this.preview = null;
		this.reading = fileName;
		this.progress = 0;
		try {
			const result = await previewImport(
				this.#session,
				bytes,
				fileName,
				(done) => (this.progress = done)
			);
			this.include = result.statuses.map(() => true);
			this.rowsShown = ROWS_PAGE;
			this.preview = result;
		} finally {
			this.reading = null;
		}
	}

	showMore(): void {
		this.rowsShown += ROWS_PAGE;
	}

	toggle(i: number): void {
		const next = [...this.include];
		next[i] = !next[i];
		this.include = next;
	}

	/** Ticks or clears every row at once. */
	chooseAll(on: boolean): void {
		this.include = this.include.map(() => on);
	}

	async bringIn(): Promise<void> {
		const preview = this.preview;
		if (!preview || this.busy) return;
		this.bringing = true;
		this.progress = 0;
		this.problem = null;
		try {
			const result = await commitImport(
				this.#session,
				preview,
				{ include: ticked(this.include), duplicates: this.duplicates },
				(done) => (this.progress = done)
			);
			if (result) {
				this.outcome = { ...result, fileName: preview.fileName };
				this.undone = false;
				this.preview = null;
			} else {
				this.problem =
					'This workbook stopped taking changes part-way (a newer version of Village opened it), so not everyone was brought in. Reload the page to see who was.';
			}
		} finally {
			this.bringing = false;
		}
	}

	cancel(): void {
		this.preview = null;
	}

	undo(): void {
		this.#session.undo();
		this.undone = true;
	}

	existingName(id: string): string {
		return this.#people.contacts.get(id)?.name ?? 'someone';
	}
}
