import * as Y from 'yjs';

/** Why an update was refused; the document is unchanged in every case. */
export type GuardError = 'too-large' | 'invalid-update';

export interface GuardOptions {
	/** Updates bigger than this are refused unread. Default 16 MiB. */
	maxUpdateBytes?: number;
}

export const DEFAULT_MAX_UPDATE_BYTES = 16 * 1024 * 1024;

/**
 * Applies updates from outside (a relay, a partner) to a document only after they applied cleanly
 * to a scratch copy of it. Yjs applies an update in steps: a crafted or damaged one (yjs issue
 * #687) can throw after it has already changed the document, or leave a root type of the wrong
 * kind that makes the app's own reads throw later. The scratch copy takes that hit instead, and
 * is rebuilt from the document afterwards.
 *
 * The scratch copy follows every change of the document (its 'update' events), so checking costs
 * the size of the update, not of the document. It holds a second copy of the state in memory.
 */
export class GuardedApplier {
	private scratch: Y.Doc | null = null;
	private applying = false;
	private readonly maxUpdateBytes: number;

	constructor(
		private readonly doc: Y.Doc,
		options: GuardOptions = {}
	) {
		this.maxUpdateBytes = options.maxUpdateBytes ?? DEFAULT_MAX_UPDATE_BYTES;
		doc.on('update', this.follow);
	}

	private readonly follow = (update: Uint8Array) => {
		if (this.applying || !this.scratch) return;
		try {
			Y.applyUpdate(this.scratch, update);
		} catch {
			this.drop();
		}
	};

	private drop() {
		this.scratch?.destroy();
		this.scratch = null;
	}

	/** A copy of the document with the same root types, so a wrong-kind root shows up here. */
	private ensureScratch(): Y.Doc {
		if (this.scratch) return this.scratch;
		const scratch = new Y.Doc({ gc: this.doc.gc });
		for (const [name, type] of this.doc.share) {
			scratch.get(name, type.constructor as typeof Y.AbstractType<unknown>);
		}
		Y.applyUpdate(scratch, Y.encodeStateAsUpdate(this.doc));
		this.scratch = scratch;
		return scratch;
	}

	/**
	 * Checks `update` on the scratch copy, then applies it to the document with `origin`.
	 * Returns null when applied, or why it was refused (the document untouched).
	 */
	apply(update: Uint8Array, origin: unknown): GuardError | null {
		if (!(update instanceof Uint8Array)) return 'invalid-update';
		if (update.byteLength > this.maxUpdateBytes) return 'too-large';
		const scratch = this.ensureScratch();
		try {
			Y.applyUpdate(scratch, update);
			// Reading every root the app uses walks what the update added to it: a root of the
			// wrong kind or content that cannot be read throws here, not in the app.
			for (const [name, type] of this.doc.share) {
				scratch.get(name, type.constructor as typeof Y.AbstractType<unknown>).toJSON();
			}
		} catch {
			this.drop();
			return 'invalid-update';
		}
		this.applying = true;
		try {
			Y.applyUpdate(this.doc, update, origin);
		} catch {
			// The scratch copy took it, so this should not happen; if it does, start afresh.
			this.drop();
			return 'invalid-update';
		} finally {
			this.applying = false;
		}
		return null;
	}

	destroy() {
		this.doc.off('update', this.follow);
		this.drop();
	}
}
